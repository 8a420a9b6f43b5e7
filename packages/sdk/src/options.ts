// Owns the client's options: their public shape, defaults, and validation at construction time.
import { LIMITS } from '@llm-analytics/core';

/** The server's request limits: at most 20,000 records and 10 MB per request. A margin is kept under 10 MB. */
export const SERVER_MAX_BATCH_ITEMS = LIMITS.itemsPerBatch;
export const SERVER_MAX_BATCH_BYTES = 10 * 1000 * 1000 - 64 * 1024;

export interface LLMAnalyticsOptions {
  /**
   * Where the LLM Analytics server is, e.g. `http://localhost:3000`. Records go to `<baseUrl>/api/ingest`, spans
   * to `<baseUrl>/v1/traces`.
   */
  baseUrl: string;
  /** An API key with the `ingest` (or `admin`) scope. */
  apiKey: string;
  /** Records (or spans) per request; reaching this many queued also triggers a send. Default 500. */
  flushAt?: number;
  /** Queued records are sent at least this often (ms). The timer never keeps the process alive. Default 1000. */
  flushIntervalMs?: number;
  /**
   * Records buffered (queued or being sent) before enqueueing throws `QueueFullError`; spans have a queue of the
   * same size, beyond which ended spans are dropped (reported to `onError`). Default 100,000.
   */
  maxQueueSize?: number;
  /** Retries after the first attempt, for network errors, timeouts, 429 and 5xx. Default 5. */
  maxRetries?: number;
  /** Per-attempt timeout for one request (ms). Default 10,000. */
  timeoutMs?: number;
  /** Base of the exponential backoff (ms). Default 200. */
  retryBaseMs?: number;
  /** Cap of one backoff delay (ms). Default 30,000. */
  retryMaxMs?: number;
  /** Validate each record against the core schema when it is enqueued. Default true. */
  validate?: boolean;
  /** Upper bound on the bytes of one request body. Default just under the server's 10 MB. */
  maxBatchBytes?: number;
  /** A fetch implementation; defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Receives errors of background sends (size- or interval-triggered) and dropped spans. Default: `console.error`. */
  onError?: (error: Error) => void;
  /** The `service.name` resource attribute of the spans `trace()` and `span()` make. Default `llm-analytics-sdk`. */
  serviceName?: string;
}

export interface ResolvedOptions {
  ingestUrl: string;
  tracesUrl: string;
  serviceName: string;
  apiKey: string;
  flushAt: number;
  flushIntervalMs: number;
  maxQueueSize: number;
  maxRetries: number;
  timeoutMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  validate: boolean;
  maxBatchBytes: number;
  fetch: typeof fetch;
  onError: (error: Error) => void;
}

function defaultOnError(error: Error): void {
  console.error('[llm-analytics] background send failed:', error);
}

function positiveInt(name: string, value: number | undefined, fallback: number, min = 1): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min)
    throw new TypeError(`LLMAnalytics: ${name} must be an integer >= ${min}`);
  return v;
}

/** Applies defaults and rejects nonsensical options with a TypeError naming the option. */
export function resolveOptions(options: LLMAnalyticsOptions): ResolvedOptions {
  if (typeof options?.baseUrl !== 'string' || !/^https?:\/\//.test(options.baseUrl)) {
    throw new TypeError('LLMAnalytics: baseUrl must be an http(s) URL, e.g. http://localhost:3000');
  }
  if (typeof options.apiKey !== 'string' || options.apiKey === '') {
    throw new TypeError('LLMAnalytics: apiKey is required');
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw new TypeError('LLMAnalytics: no fetch implementation available');
  const flushAt = positiveInt('flushAt', options.flushAt, 500);
  if (flushAt > SERVER_MAX_BATCH_ITEMS) {
    throw new TypeError(
      `LLMAnalytics: flushAt must be at most ${SERVER_MAX_BATCH_ITEMS} (the server's batch limit)`,
    );
  }
  const maxBatchBytes = positiveInt('maxBatchBytes', options.maxBatchBytes, SERVER_MAX_BATCH_BYTES, 1024);
  const serviceName = options.serviceName ?? 'llm-analytics-sdk';
  if (typeof serviceName !== 'string' || serviceName === '') {
    throw new TypeError('LLMAnalytics: serviceName must be a non-empty string');
  }
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    ingestUrl: `${base}/api/ingest`,
    tracesUrl: `${base}/v1/traces`,
    serviceName,
    apiKey: options.apiKey,
    flushAt,
    flushIntervalMs: positiveInt('flushIntervalMs', options.flushIntervalMs, 1000),
    maxQueueSize: positiveInt('maxQueueSize', options.maxQueueSize, 100_000),
    maxRetries: positiveInt('maxRetries', options.maxRetries, 5, 0),
    timeoutMs: positiveInt('timeoutMs', options.timeoutMs, 10_000),
    retryBaseMs: positiveInt('retryBaseMs', options.retryBaseMs, 200, 0),
    retryMaxMs: positiveInt('retryMaxMs', options.retryMaxMs, 30_000, 0),
    validate: options.validate ?? true,
    maxBatchBytes: Math.min(maxBatchBytes, SERVER_MAX_BATCH_BYTES),
    fetch: fetchImpl,
    onError: options.onError ?? defaultOnError,
  };
}
