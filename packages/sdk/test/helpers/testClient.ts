// Owns the client the SDK tests build against a fake server: no interval flushes, fast retries.
import { LLMAnalytics, type LLMAnalyticsOptions } from '../../src/index.ts';

export function testClient(baseUrl: string, extra: Partial<LLMAnalyticsOptions> = {}): LLMAnalytics {
  return new LLMAnalytics({ baseUrl, apiKey: 'key', flushIntervalMs: 60_000, retryBaseMs: 5, ...extra });
}
