// Owns reading a request body that may be gzip-compressed, with the size limit applied to what it decodes to.
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ApiError } from '../../http/ApiError.ts';

const tooLarge = (limit: number) =>
  new ApiError(413, 'payload_too_large', `the body decodes to more than the ${limit}-byte limit`);

/**
 * The body's bytes, decompressed when `encoding` is gzip. Both the bytes received and the bytes they decode
 * to count against `limit`; decompression streams and stops at the limit, so a small body that inflates to
 * gigabytes (a gzip bomb) costs one chunk past the limit, never its whole output.
 */
export function readBody(payload: Readable, encoding: string | undefined, limit: number): Promise<Buffer> {
  const coding = (encoding ?? 'identity').trim().toLowerCase();
  if (coding !== 'identity' && coding !== 'gzip') {
    return Promise.reject(
      new ApiError(415, 'unsupported_encoding', `Content-Encoding "${encoding}" is not supported: use gzip`),
    );
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let decoded = 0;
    let settled = false;
    const gunzip = coding === 'gzip' ? createGunzip() : undefined;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      gunzip?.destroy();
      // Stop reading the rest of the request; the reply still goes out on the socket.
      payload.unpipe();
      payload.resume();
      reject(e);
    };
    const take = (chunk: Buffer) => {
      decoded += chunk.length;
      if (decoded > limit) return fail(tooLarge(limit));
      chunks.push(chunk);
    };
    payload.on('data', (chunk: Buffer) => {
      if (settled) return;
      received += chunk.length;
      if (received > limit) return fail(tooLarge(limit));
      if (gunzip) gunzip.write(chunk);
      else take(chunk);
    });
    payload.on('error', fail);
    payload.on('end', () => {
      if (settled) return;
      if (!gunzip) {
        settled = true;
        return resolve(Buffer.concat(chunks));
      }
      gunzip.end();
    });
    if (gunzip) {
      gunzip.on('data', (chunk: Buffer) => {
        if (!settled) take(chunk);
      });
      gunzip.on('error', (e) =>
        fail(new ApiError(400, 'invalid_body', `the body is not valid gzip: ${e.message}`)),
      );
      gunzip.on('end', () => {
        if (settled) return;
        settled = true;
        resolve(Buffer.concat(chunks));
      });
    }
  });
}
