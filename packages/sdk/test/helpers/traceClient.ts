// Owns what the SDK's trace tests share: a client for a fresh workspace of the real server, a fetch in front of
// it that records requests and can answer 503, and the stored spans read back by name.

import type { TestServer } from '../../../server/test/helpers/testServer.ts';
import { storedSpans } from '../../../server/test/traces/storedSpans.ts';
import { LLMAnalytics, type LLMAnalyticsOptions } from '../../src/index.ts';

export type SpanRow = Record<string, unknown> & { attributes: Record<string, unknown> };

/** What the fetch does with one request to /v1/traces instead of just forwarding it. */
export type Plan = 'refuse-503' | 'commit-then-503';

/** A fetch in front of the real server that records request bodies and can answer 503 (before or after the commit). */
export function recordingFetch(...plans: Plan[]) {
  const traces: string[] = [];
  const ingest: string[] = [];
  const impl: typeof fetch = async (input, init) => {
    const path = new URL(String(input)).pathname;
    const body = String(init?.body);
    if (path !== '/v1/traces') {
      ingest.push(body);
      return fetch(input, init);
    }
    traces.push(body);
    const plan = plans.shift();
    const unavailable = () =>
      new Response('{"error":{"code":"unavailable","message":"try again"}}', { status: 503 });
    if (plan === 'refuse-503') return unavailable();
    const response = await fetch(input, init);
    if (plan === 'commit-then-503' && response.ok) {
      await response.arrayBuffer();
      return unavailable();
    }
    return response;
  };
  return { impl, traces, ingest };
}

/** A client for workspace `ws` (made if new), sending only on flush()/shutdown() or when flushAt are queued. */
export async function spanClient(
  s: TestServer,
  ws: string,
  extra: Partial<LLMAnalyticsOptions> = {},
): Promise<LLMAnalytics> {
  const key = await s.createKey('ingest', ws);
  return new LLMAnalytics({
    baseUrl: s.url,
    apiKey: key,
    flushIntervalMs: 60_000,
    retryBaseMs: 5,
    retryMaxMs: 20,
    ...extra,
  });
}

export async function storedRows(s: TestServer, ws: string): Promise<SpanRow[]> {
  return (await storedSpans(s, ws)) as SpanRow[];
}

export const byName = (rows: SpanRow[]): Map<string, SpanRow> =>
  new Map(rows.map((r) => [r.name as string, r]));
