// Owns an experiment's results: per-variant values, every variant × metric against the control (Holm-adjusted,
// always-valid in sequential mode), the sample-ratio check and the power of the primary metric. Every number
// comes through the analytics query road (AnalyticsService.query); the statistics are core's.
import {
  type AnalyticsQuery,
  alwaysValid,
  buildComparisons,
  type ComparisonInput,
  type Estimate,
  type Experiment,
  type ExperimentResults,
  type ResultMode,
  sampleEta,
  sampleRatioMismatch,
  sampleSizePerVariant,
} from '@llm-analytics/core';
import type { AnalyticsService } from '../analytics/AnalyticsService.ts';
import { compareMetric } from './compareMetric.ts';
import { type MetricPlan, metricPlan } from './metricPlan.ts';
import { sampleUnits } from './sampleUnits.ts';
import { sequentialTau } from './sequentialTau.ts';
import type { VariantData } from './VariantData.ts';
import { variantQueries } from './variantQueries.ts';
import { variantValue } from './variantValue.ts';

/** Units per variant a latency bootstrap resamples at most; larger variants are sampled (sampleUnits). */
const LATENCY_SAMPLE_UNITS = 1000;

interface Loaded extends VariantData {
  conversations: number;
  users: number;
  /** Units per day over the last seven days of the window. */
  recent: number;
}

/** Latency rows (unit, latency, messages) → every unit's values ascending, units in id order. */
function latencyClusters(rows: Record<string, unknown>[], dim: string): Map<string, number[]> {
  const byUnit = new Map<string, number[]>();
  for (const r of rows) {
    const latency = r.latency;
    const n = r.timed_messages;
    if (r[dim] === null || typeof latency !== 'number' || typeof n !== 'number') continue;
    const key = String(r[dim]);
    const values = byUnit.get(key) ?? [];
    for (let i = 0; i < n; i++) values.push(latency);
    byUnit.set(key, values);
  }
  for (const values of byUnit.values()) values.sort((x, y) => x - y);
  return byUnit;
}

async function loadVariant(
  analytics: AnalyticsService,
  e: Experiment,
  index: number,
  plans: MetricPlan[],
  now: Date,
  fresh: boolean,
): Promise<Loaded> {
  const ws = e.workspace_id;
  const q = variantQueries(e, e.variants[index], plans, now);
  const dim = q.dimension;
  // Read-only replies: shared with the reply cache, not copied (this code never changes them).
  const run = (query: AnalyticsQuery, maxRows?: number) =>
    analytics.query(ws, query, now, { fresh, shared: true, ...(maxRows ? { maxRows } : {}) });
  // The unit query and the whole-variant ones are independent: they run concurrently.
  const [unitReply, totals, recentReply] = await Promise.all([
    run(q.unit, q.maxRows),
    run(q.totals),
    q.recent ? run(q.recent.query) : null,
  ]);
  // Conversations without a user_id have no user to count when the unit is the user.
  const units = unitReply.rows.filter((r) => r[dim] !== null);
  let latencies: number[][] | null = null;
  let latencyUnits = 0;
  const exact: Record<string, number | null> = {};
  if (q.latency) {
    for (const p of plans) if (p.kind === 'percentile') exact[p.id] = num(totals.rows[0]?.[p.id]);
    // Units with latency values, in id order: the seeded bootstrap then draws the same resamples for the same data.
    const timed = units.filter((r) => Number(r.timed_messages) > 0).map((r) => String(r[dim]));
    latencyUnits = timed.length;
    const sampled = sampleUnits(timed, LATENCY_SAMPLE_UNITS, e.id).sort();
    const byUnit = latencyClusters(
      (await run(q.latency(sampled.length < timed.length ? sampled : null), q.maxRows)).rows,
      dim,
    );
    latencies = sampled.map((id) => byUnit.get(id) ?? []);
  }
  const metric = e.unit === 'user' ? 'users' : 'conversations';
  return {
    units,
    latencies,
    latencyUnits,
    sampledUnits: latencies?.length ?? 0,
    percentiles: exact,
    conversations: e.unit === 'user' ? Number(totals.rows[0]?.conversations ?? 0) : units.length,
    users: Number(totals.rows[0]?.users ?? 0),
    recent: q.recent ? Number(recentReply?.rows[0]?.[metric] ?? 0) / q.recent.days : 0,
  };
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Per-unit standard deviation behind an estimate: SE / √(1/n₀ + 1/n₁), what the sample size formula takes. */
function unitSd(est: Estimate): number | null {
  if (est.standard_error === null || est.control_n === 0 || est.variant_n === 0) return null;
  return est.standard_error / Math.sqrt(1 / est.control_n + 1 / est.variant_n);
}

export async function experimentResults(
  analytics: AnalyticsService,
  e: Experiment,
  mode: ResultMode,
  now: Date,
  fresh = false,
): Promise<ExperimentResults> {
  const plans = [e.primary_metric, ...e.secondary_metrics].map(metricPlan);
  const data = await Promise.all(e.variants.map((_, i) => loadVariant(analytics, e, i, plans, now, fresh)));
  const ci = e.variants.findIndex((v) => v.name === e.control);
  const control = data[ci];

  const inputs: ComparisonInput[] = [];
  const fixed = new Map<string, Estimate>();
  e.variants.forEach((v, i) => {
    if (i === ci) return;
    for (const p of plans) {
      const est = compareMetric(p, control, data[i], e.unit);
      fixed.set(`${v.name}\u0000${p.id}`, est);
      const shown = mode === 'sequential' ? alwaysValid(est, { tau: sequentialTau(e, p.id, est) }) : est;
      inputs.push({ variant: v.name, metric: p.id, direction: p.direction, estimate: shown });
    }
  });

  const observed = data.map((d) => d.units.length);
  const split = e.planned_split ?? e.variants.map(() => 1);
  const srm = sampleRatioMismatch(observed, split);

  const primary = plans[0];
  const first = e.variants.find((_, i) => i !== ci)!;
  const est = fixed.get(`${first.name}\u0000${primary.id}`)!;
  let needed: number | null = null;
  if (e.min_effect !== null) {
    const proportion = est.method.startsWith('difference of proportions') && est.control_value !== null;
    const sd = unitSd(est);
    needed = proportion
      ? sampleSizePerVariant({ kind: 'proportion', baseline: est.control_value!, minEffect: e.min_effect })
      : sd === null
        ? null
        : sampleSizePerVariant({ kind: 'mean', sd, minEffect: e.min_effect });
  }
  const daily = data.reduce((s, d) => s + d.recent, 0);
  const eta =
    needed === null
      ? null
      : sampleEta({ neededPerVariant: needed, currentPerVariant: observed, dailyUnits: daily, split, now })
          .eta;

  return {
    experiment: e,
    mode,
    variants: e.variants.map((v, i) => ({
      name: v.name,
      conversations: data[i].conversations,
      users: data[i].users,
      metrics: Object.fromEntries(plans.map((p) => [p.id, variantValue(p, data[i])])),
    })),
    comparisons: buildComparisons(inputs),
    srm: { p_value: srm.p_value, mismatch: srm.mismatch },
    power: { metric: primary.id, needed_per_variant: needed, ...(eta ? { eta } : {}) },
  };
}
