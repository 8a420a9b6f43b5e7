// Owns an experiment's results: per-variant values, every variant × metric against the control (Holm-adjusted,
// always-valid in sequential mode), the sample-ratio check and the power of the primary metric. Every number
// comes through the analytics query road (AnalyticsService.query); the statistics are core's.
import {
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
import { compareMetric, type VariantData, variantValue } from './compareMetric.ts';
import { type MetricPlan, metricPlan } from './metricPlan.ts';
import { sampleUnits } from './sampleUnits.ts';
import {
  latencyQuery,
  recentQuery,
  recentWindow,
  totalsQuery,
  UNIT_ROWS,
  unitDimension,
  unitQuery,
} from './variantQueries.ts';

/** Units per variant a latency bootstrap resamples at most; larger variants are sampled (sampleUnits). */
export const LATENCY_SAMPLE_UNITS = 1000;

/**
 * τ of the always-valid mixture: for the primary metric the experiment's minimum effect (in that metric's unit,
 * fixed before it starts, as the method wants); otherwise, and without one, a 10% change of the control's value,
 * else the estimate's standard error.
 */
export function sequentialTau(e: Experiment, metric: string, est: Estimate): number {
  if (e.min_effect !== null && metric === e.primary_metric) return e.min_effect;
  const relative = Math.abs(est.control_value ?? 0) * 0.1;
  return relative > 0 ? relative : est.standard_error || 1;
}

interface Loaded extends VariantData {
  recent: number;
}

async function loadVariant(
  analytics: AnalyticsService,
  e: Experiment,
  index: number,
  plans: MetricPlan[],
  now: Date,
  fresh: boolean,
): Promise<Loaded> {
  const v = e.variants[index];
  const ws = e.workspace_id;
  const dim = unitDimension(e);
  const recent = recentWindow(e, now);
  const [unitReply, totals, recentReply] = await Promise.all([
    analytics.query(ws, unitQuery(e, v, plans, now), now, { maxRows: UNIT_ROWS, fresh }),
    analytics.query(ws, totalsQuery(e, v, plans, now), now, { fresh }),
    recent ? analytics.query(ws, recentQuery(e, v, recent.range), now, { fresh }) : null,
  ]);
  // Conversations without a user_id have no user to count when the unit is the user.
  const units = unitReply.rows.filter((r) => r[dim] !== null);
  let latencies: number[][] | null = null;
  let sampledUnits = units.length;
  if (plans.some((p) => p.kind === 'percentile')) {
    const ids = units.map((u) => String(u[dim]));
    const sample = sampleUnits(ids, LATENCY_SAMPLE_UNITS, e.id);
    sampledUnits = sample.length;
    const reply = await analytics.query(
      ws,
      latencyQuery(e, v, now, sample.length < ids.length ? sample : null),
      now,
      { maxRows: UNIT_ROWS, fresh },
    );
    const byUnit = new Map<string, number[]>();
    for (const r of reply.rows) {
      const latency = r.latency;
      const n = r.timed_messages;
      if (r[dim] === null || typeof latency !== 'number' || typeof n !== 'number') continue;
      const key = String(r[dim]);
      const values = byUnit.get(key) ?? [];
      for (let i = 0; i < n; i++) values.push(latency);
      byUnit.set(key, values);
    }
    // Units in id order, values ascending: the seeded bootstrap then draws the same resamples for the same data.
    latencies = [...byUnit.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, values]) => values.sort((x, y) => x - y));
  }
  const metric = e.unit === 'user' ? 'users' : 'conversations';
  const row = totals.rows[0] ?? {};
  return {
    units,
    latencies,
    sampledUnits,
    totals: Object.fromEntries(
      Object.entries(row).map(([k, val]) => [k, typeof val === 'number' ? val : null]),
    ),
    recent: recent ? Number(recentReply?.rows[0]?.[metric] ?? 0) / recent.days : 0,
  };
}

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
      conversations: Number(data[i].totals.conversations ?? 0),
      users: Number(data[i].totals.users ?? 0),
      metrics: Object.fromEntries(plans.map((p) => [p.id, variantValue(p, data[i])])),
    })),
    comparisons: buildComparisons(inputs),
    srm: { p_value: srm.p_value, mismatch: srm.mismatch },
    power: { metric: primary.id, needed_per_variant: needed, ...(eta ? { eta } : {}) },
  };
}
