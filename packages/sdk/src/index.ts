// Public surface of @llm-analytics/sdk: the client, its options, record types and errors.

export type { IngestAccepted } from '@llm-analytics/core';
export { backoffDelay, parseRetryAfter } from './backoff.ts';
export {
  ClientClosedError,
  IngestError,
  type IngestErrorInit,
  InvalidRecordError,
  QueueFullError,
} from './errors.ts';
export { LLMAnalytics } from './LLMAnalytics.ts';
export type { LLMAnalyticsOptions } from './options.ts';
export type { NewConversation, NewEvaluation, NewMessage, NewModel } from './records.ts';
