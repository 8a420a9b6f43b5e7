// Owns every outgoing HTTP request of alert delivery: the host resolved and each address checked, no redirects,
// a timeout, a bounded reply.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress } from './isPrivateAddress.ts';

export interface OutgoingOptions {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** ALERT_ALLOW_PRIVATE_URLS: let requests reach loopback and private addresses (tests, closed networks). */
  allowPrivate: boolean;
}

/** A failed delivery attempt: its message is the delivery's `last_error`. */
export class DeliveryError extends Error {}

const MAX_REPLY = 64 * 1024;

function refusal(host: string, address: string): DeliveryError {
  return new DeliveryError(
    `refused: ${host} resolves to ${address}, a loopback, link-local or private address (ALERT_ALLOW_PRIVATE_URLS=1 allows it)`,
  );
}

/**
 * Resolves every address of the host and refuses the request if any is private; the connection then uses the
 * checked addresses, so a second resolution (DNS rebinding) cannot swap in another.
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const bad = allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(refusal(hostname, bad.address), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** POSTs `body`; resolves on a 2xx with the reply's text, else throws a DeliveryError saying what happened. */
export function postOutgoing(url: string, opts: OutgoingOptions): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return reject(new DeliveryError('the URL is not valid'));
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:')
      return reject(new DeliveryError(`${target.protocol} URLs are not sent to`));
    const host = target.hostname.replace(/^\[|\]$/g, '');
    // An address literal is connected to without a lookup: check it here.
    if (isIP(host) && !opts.allowPrivate && isPrivateAddress(host)) return reject(refusal(host, host));
    const lib = target.protocol === 'https:' ? https : http;
    const req = lib.request(
      target,
      {
        method: 'POST',
        headers: { ...opts.headers, 'content-length': Buffer.byteLength(opts.body) },
        lookup: guardedLookup(opts.allowPrivate),
        timeout: opts.timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size <= MAX_REPLY) chunks.push(c);
        });
        res.on('error', (e) => reject(new DeliveryError(e.message)));
        res.on('end', () => {
          clearTimeout(overall);
          const status = res.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString('utf8');
          if (status >= 200 && status < 300) return resolve({ status, body: text });
          const why = status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
          reject(new DeliveryError(`HTTP ${status}${why}${text ? `: ${text.slice(0, 200)}` : ''}`));
        });
      },
    );
    // `timeout` covers an idle socket; this bounds the whole exchange.
    const overall = setTimeout(
      () => req.destroy(new DeliveryError(`no reply within ${opts.timeoutMs} ms`)),
      opts.timeoutMs,
    );
    req.on('timeout', () => req.destroy(new DeliveryError(`no reply within ${opts.timeoutMs} ms`)));
    req.on('error', (e) => {
      clearTimeout(overall);
      reject(e instanceof DeliveryError ? e : new DeliveryError(e.message));
    });
    req.end(opts.body);
  });
}
