// Public surface of @llm-analytics/sdk: the client, its options, record and span types, and errors.

export type { IngestAccepted } from '@llm-analytics/core';
export { assignVariant, variantHash } from './assignVariant.ts';
export { backoffDelay, parseRetryAfter } from './backoff.ts';
export {
  ClientClosedError,
  IngestError,
  type IngestErrorInit,
  InvalidRecordError,
  QueueFullError,
} from './errors.ts';
export type { ChatMessage, LLMCall, ToolCall } from './genai.ts';
export { LLMAnalytics } from './LLMAnalytics.ts';
export type { LLMAnalyticsOptions } from './options.ts';
export type { Attributes, AttributeValue } from './otlpJson.ts';
export type {
  NewBenchmark,
  NewBenchmarkResult,
  NewConversation,
  NewEvaluation,
  NewMessage,
  NewModel,
} from './records.ts';
export type { Span, SpanOptions } from './Span.ts';
