// Owns the experiments tests' independent computation: per-conversation sums straight from the fixture's raw
// rows, then core's statistics functions for the statistics themselves (checked on their own in core's tests).
import {
  bootstrapQuantileDifference,
  clusterSums,
  compareRatios,
  type Estimate,
  summarizeSample,
  welchTTest,
} from '@llm-analytics/core';
import type { Fixture } from './fixture.ts';

export interface ConversationSums {
  id: string;
  user: string | null;
  messages: number;
  errors: number;
  evaluations: number;
  successes: number;
  rated: number;
  ratingSum: number;
  outputTokens: number;
  latencies: number[];
  lastMs: number;
  firstMs: number;
}

export function conversationSums(f: Fixture, sessions: string[]): ConversationSums[] {
  const byId = new Map<string, ConversationSums>();
  const conv = new Map(f.conversations.map((c) => [c.id, c]));
  const messageConv = new Map<string, string>();
  for (const m of f.messages) {
    const c = conv.get(m.conversation_id)!;
    if (!c.session_id || !sessions.includes(c.session_id)) continue;
    messageConv.set(m.id, c.id);
    const at = Date.parse(m.created_at);
    const s = byId.get(c.id) ?? {
      id: c.id,
      user: c.user_id,
      messages: 0,
      errors: 0,
      evaluations: 0,
      successes: 0,
      rated: 0,
      ratingSum: 0,
      outputTokens: 0,
      latencies: [],
      firstMs: at,
      lastMs: at,
    };
    s.messages += 1;
    if (m.error_type) s.errors += 1;
    s.outputTokens += m.output_tokens ?? 0;
    if (m.latency_ms !== null) s.latencies.push(m.latency_ms);
    s.firstMs = Math.min(s.firstMs, at);
    s.lastMs = Math.max(s.lastMs, at);
    byId.set(c.id, s);
  }
  for (const e of f.evaluations) {
    const id = messageConv.get(e.message_id);
    if (!id) continue;
    const s = byId.get(id)!;
    s.evaluations += 1;
    if (e.success) s.successes += 1;
    if (e.rating !== null) {
      s.rated += 1;
      s.ratingSum += e.rating;
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

const sum = (xs: ConversationSums[], f: (s: ConversationSums) => number) => xs.reduce((t, s) => t + f(s), 0);

/** Each metric's value for one arm, in the experiment's units (rates as fractions). */
export function armValues(xs: ConversationSums[]): Record<string, number> {
  const latencies = xs.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const h = (latencies.length - 1) * 0.95;
  const lo = Math.floor(h);
  return {
    success_rate: sum(xs, (s) => s.successes) / sum(xs, (s) => s.evaluations),
    error_rate: sum(xs, (s) => s.errors) / sum(xs, (s) => s.messages),
    avg_rating: sum(xs, (s) => s.ratingSum) / sum(xs, (s) => s.rated),
    output_tokens: sum(xs, (s) => s.outputTokens) / xs.length,
    latency_p95:
      latencies[lo] + (h - lo) * ((latencies[Math.min(lo + 1, latencies.length - 1)] ?? 0) - latencies[lo]),
  };
}

/** The fixed-horizon estimate of each metric, b against a. */
export function armEstimates(a: ConversationSums[], b: ConversationSums[]): Record<string, Estimate> {
  const ratio = (x: (s: ConversationSums) => number, y: (s: ConversationSums) => number) =>
    compareRatios(clusterSums(a.map((s) => [x(s), y(s)])), clusterSums(b.map((s) => [x(s), y(s)])));
  return {
    success_rate: ratio(
      (s) => s.successes,
      (s) => s.evaluations,
    ),
    error_rate: ratio(
      (s) => s.errors,
      (s) => s.messages,
    ),
    avg_rating: ratio(
      (s) => s.ratingSum,
      (s) => s.rated,
    ),
    output_tokens: welchTTest(
      summarizeSample(a.map((s) => s.outputTokens)),
      summarizeSample(b.map((s) => s.outputTokens)),
    ),
    latency_p95: bootstrapQuantileDifference(
      a.filter((s) => s.latencies.length > 0).map((s) => [...s.latencies].sort((x, y) => x - y)),
      b.filter((s) => s.latencies.length > 0).map((s) => [...s.latencies].sort((x, y) => x - y)),
      { quantile: 0.95, resamples: 1000 },
    ),
  };
}
