// Owns one batch's delivery: the POST of a JSON body to one endpoint, its timeout, and retries with backoff on
// transient failures.
import type { ApiErrorBody } from '@llm-analytics/core';
import { backoffDelay, parseRetryAfter, sleep } from './backoff.ts';
import { IngestError } from './errors.ts';
import type { ResolvedOptions } from './options.ts';
import type { Batch } from './queue.ts';

type TransportOptions = Pick<
  ResolvedOptions,
  'apiKey' | 'maxRetries' | 'timeoutMs' | 'retryBaseMs' | 'retryMaxMs' | 'fetch'
>;

/** The outcome of one HTTP attempt that did not succeed. */
interface Failure {
  error: IngestError;
  retryAfterMs: number | null;
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

async function readErrorBody(response: Response): Promise<ApiErrorBody['error'] | null> {
  try {
    const body = (await response.json()) as Partial<ApiErrorBody> | null;
    const error = body?.error;
    if (error && typeof error === 'object' && typeof error.message === 'string') return error;
  } catch {
    // not JSON: fall through to a generic message
  }
  return null;
}

/** A 2xx reply's parsed JSON body, told apart from a failed attempt. */
interface Reply {
  json: unknown;
}

async function attempt(
  options: TransportOptions,
  url: string,
  batch: Batch,
  attempts: number,
): Promise<Reply | Failure> {
  const what = `POST ${new URL(url).pathname}`;
  let response: Response;
  try {
    response = await options.fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' },
      body: batch.body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (response.ok) return { json: await response.json() };
  } catch (cause) {
    const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
    const reason =
      cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : '';
    const error = new IngestError({
      status: null,
      code: timedOut ? 'timeout' : 'network_error',
      message: timedOut
        ? `${what} timed out after ${options.timeoutMs} ms`
        : `${what} failed: ${reason || String(cause)}`,
      attempts,
      retryable: true,
      items: batch.items,
      cause,
    });
    return { error, retryAfterMs: null };
  }
  const status = response.status;
  const body = await readErrorBody(response);
  const error = new IngestError({
    status,
    code: body?.code ?? `http_${status}`,
    message: body?.message ?? `${what} failed with HTTP ${status}`,
    issues: Array.isArray(body?.issues) ? body.issues : [],
    attempts,
    retryable: isRetryableStatus(status),
    items: batch.items,
  });
  const retryAfter = error.retryable ? parseRetryAfter(response.headers.get('retry-after')) : null;
  return { error, retryAfterMs: retryAfter };
}

/**
 * POSTs one batch to `url`, retrying network errors, timeouts, 429 and 5xx up to `maxRetries` times with full-jitter
 * backoff (a Retry-After header, when given, sets the wait instead). Other 4xx fail at once.
 * Resolves with the server's acknowledgement (its JSON body) and the attempts it took; rejects with an
 * `IngestError` once the batch is given up.
 */
export async function sendBatch(
  options: TransportOptions,
  url: string,
  batch: Batch,
  random: () => number = Math.random,
): Promise<{ reply: unknown; attempts: number }> {
  for (let retry = 0; ; retry++) {
    const result = await attempt(options, url, batch, retry + 1);
    if (!('error' in result)) return { reply: result.json, attempts: retry + 1 };
    const { error, retryAfterMs } = result;
    if (!error.retryable) throw error;
    if (retry >= options.maxRetries) {
      throw new IngestError({
        status: error.status,
        code: error.code,
        message: `${error.message} (gave up after ${retry + 1} attempts)`,
        issues: error.issues,
        attempts: retry + 1,
        retryable: true,
        items: batch.items,
        cause: error.cause,
      });
    }
    await sleep(retryAfterMs ?? backoffDelay(retry, options.retryBaseMs, options.retryMaxMs, random));
  }
}
