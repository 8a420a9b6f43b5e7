// Owns the SDK's error classes: server rejections, client-side validation, a full queue, use after shutdown.
import type { ValidationIssue } from '@llm-analytics/core';

/** Why an ingest request finally failed. `status` is null when no HTTP response arrived. */
export interface IngestErrorInit {
  status: number | null;
  code: string;
  message: string;
  issues?: ValidationIssue[];
  attempts: number;
  retryable: boolean;
  items: number;
  cause?: unknown;
}

/**
 * A batch the server rejected (4xx other than 429), or that still failed after `maxRetries` retries
 * (network error, timeout, 429, 5xx). The batch has been dropped.
 */
export class IngestError extends Error {
  override readonly name = 'IngestError';
  /** HTTP status of the last response, or null for a network error or timeout. */
  readonly status: number | null;
  /** The server's `error.code`, or `network_error` / `timeout` / `http_<status>` when it sent none. */
  readonly code: string;
  /** The server's `error.issues` (paths like `messages[3].rating`), empty when it sent none. */
  readonly issues: ValidationIssue[];
  /** How many HTTP attempts were made for the batch. */
  readonly attempts: number;
  /** True when the failure was of a retryable kind and the retries ran out. */
  readonly retryable: boolean;
  /** How many records the dropped batch held. */
  readonly items: number;

  constructor(init: IngestErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.issues = init.issues ?? [];
    this.attempts = init.attempts;
    this.retryable = init.retryable;
    this.items = init.items;
  }
}

/** A record that fails the core ingest schema, thrown at the call site before it is queued. */
export class InvalidRecordError extends Error {
  override readonly name = 'InvalidRecordError';
  readonly kind: string;
  readonly issues: ValidationIssue[];

  constructor(kind: string, issues: ValidationIssue[]) {
    const first = issues[0];
    const detail = first ? `${first.path || '(root)'}: ${first.message}` : 'invalid';
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(`invalid ${kind}: ${detail}${more}`);
    this.kind = kind;
    this.issues = issues;
  }
}

/** The client already buffers `maxQueueSize` records (queued or being sent); the record was not queued. */
export class QueueFullError extends Error {
  override readonly name = 'QueueFullError';
  readonly maxQueueSize: number;

  constructor(maxQueueSize: number) {
    super(
      `LLMAnalytics queue is full (${maxQueueSize} records buffered); the server is slow or unreachable. ` +
        'Await flush() to apply backpressure, or raise maxQueueSize.',
    );
    this.maxQueueSize = maxQueueSize;
  }
}

/** A record enqueued after `shutdown()` was called. */
export class ClientClosedError extends Error {
  override readonly name = 'ClientClosedError';

  constructor() {
    super('LLMAnalytics client is shut down; create a new client to send more records');
  }
}
