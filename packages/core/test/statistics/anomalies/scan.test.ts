// Checks merging, deterministic ids and order, slice keys, baseline choice and the metric table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anomalyId } from '../../../src/statistics/anomalies/anomalyId.ts';
import { anomalyMetric } from '../../../src/statistics/anomalies/anomalyMetric.ts';
import { mergeAnomalies } from '../../../src/statistics/anomalies/mergeAnomalies.ts';
import { scanAnomalies } from '../../../src/statistics/anomalies/scanAnomalies.ts';
import type { ScoredBucket } from '../../../src/statistics/anomalies/scoreSeries.ts';
import { parseSliceKey, sliceKey } from '../../../src/statistics/anomalies/sliceKey.ts';
import { DetectedAnomalySchema } from '../../../src/wire/anomalies.ts';
import { ORIGIN, synthetic } from './syntheticSeries.ts';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

function bucket(i: number, score: number | null): ScoredBucket | null {
  if (score === null) return null;
  return {
    start: ORIGIN + i * HOUR,
    value: 100 + score,
    expected: 100,
    low: 96,
    high: 104,
    score,
    sample: 50,
    baseline: 'hour_of_week',
  };
}

test('merging: adjacent same-side buckets form one anomaly; a gap, an unjudged bucket or a side change splits', () => {
  const scores = [0, -5, -7.5, -4.2, 0, -4, null, -6, 4.5, 4.1, 3.9, -12];
  const ctx = {
    metric: 'messages',
    slice: { dimension: 'overall', value: null },
    granularity: 'hour',
    bad: 'both',
    threshold: 4,
    step: HOUR,
  } as const;
  const found = mergeAnomalies(
    scores.map((s, i) => bucket(i, s)),
    ctx,
  );
  assert.deepEqual(
    found.map((a) => [a.start, a.end, a.direction, a.buckets, a.peak.score, a.severity, a.sensitivity]),
    [
      [iso(ORIGIN + HOUR), iso(ORIGIN + 4 * HOUR), 'drop', 3, -7.5, 'high', 'low'],
      [iso(ORIGIN + 5 * HOUR), iso(ORIGIN + 6 * HOUR), 'drop', 1, -4, 'medium', 'medium'],
      [iso(ORIGIN + 7 * HOUR), iso(ORIGIN + 8 * HOUR), 'drop', 1, -6, 'high', 'low'],
      [iso(ORIGIN + 8 * HOUR), iso(ORIGIN + 10 * HOUR), 'spike', 2, 4.5, 'medium', 'medium'],
      [iso(ORIGIN + 11 * HOUR), iso(ORIGIN + 12 * HOUR), 'drop', 1, -12, 'critical', 'low'],
    ],
  );
  assert.deepEqual(found[0].expected, { value: 100, low: 96, high: 104 });
  assert.equal(found[0].points.length, 3);
  // A metric whose bad side is a rise ignores the drops.
  const rises = mergeAnomalies(
    scores.map((s, i) => bucket(i, s)),
    { ...ctx, bad: 'rise' },
  );
  assert.deepEqual(
    rises.map((a) => a.direction),
    ['spike'],
  );
  for (const a of found) DetectedAnomalySchema.parse(a);
});

test('deterministic: same input → same anomalies and ids, whatever the bucket order or the map type', () => {
  const incidents = [{ from: 24 * 30 + 12, to: 24 * 30 + 15, effect: 0.3 }];
  const a = synthetic('volume', { seed: 5, granularity: 'hour', buckets: 24 * 40, traffic: 300, incidents });
  const b = synthetic('volume', { seed: 6, granularity: 'hour', buckets: 24 * 40, traffic: 300, incidents });
  const record = { overall: a, 'model:gpt-4o': b, 'provider:openai': a };
  const first = scanAnomalies(
    { metric: 'messages', granularity: 'hour', series: record },
    { sensitivity: 'medium' },
  );
  const again = scanAnomalies(
    {
      metric: 'messages',
      granularity: 'hour',
      series: new Map(
        Object.entries(record)
          .reverse()
          .map(([k, v]) => [k, [...v].reverse()]),
      ),
    },
    { sensitivity: 'medium' },
  );
  assert.ok(first.length >= 3);
  assert.deepEqual(again, first);
  for (const x of first) assert.match(x.id, /^anom_[0-9a-f]{32}$/);
  // The same incident in two slices gets two ids; ids are the hash of (metric, slice, granularity, start).
  const atIncident = first.filter((x) => x.start === iso(ORIGIN + (24 * 30 + 12) * HOUR));
  assert.equal(new Set(atIncident.map((x) => x.id)).size, atIncident.length);
  for (const x of first) assert.equal(x.id, anomalyId('messages', x.slice, 'hour', Date.parse(x.start)));
  // Ordered by start, then slice key.
  const keys = first.map((x) => `${x.start} ${sliceKey(x.slice)}`);
  assert.deepEqual(keys, [...keys].sort());
  // A later re-scan with more data (and `from`) finds the same incident under the same id: an upsert.
  const longer = synthetic('volume', {
    seed: 5,
    granularity: 'hour',
    buckets: 24 * 45,
    traffic: 300,
    incidents,
  });
  const rescan = scanAnomalies(
    { metric: 'messages', granularity: 'hour', series: { overall: longer } },
    { sensitivity: 'medium', from: ORIGIN + 24 * 29 * HOUR },
  );
  const original = first.find(
    (x) => x.slice.dimension === 'overall' && x.start === iso(ORIGIN + (24 * 30 + 12) * HOUR),
  )!;
  assert.ok(rescan.some((x) => x.id === original.id && x.end === original.end));
  assert.ok(rescan.every((x) => Date.parse(x.end) > ORIGIN + 24 * 29 * HOUR));
});

test('baselines: trailing at first, hour-of-day after 3 days, hour-of-week after 3 weeks', () => {
  const series = synthetic('volume', {
    seed: 1,
    granularity: 'hour',
    buckets: 24 * 30,
    traffic: 500,
    // Outages late on day 2, on day 10 and on day 25, each one hour (Tuesday / Wednesday / Friday).
    incidents: [24 * 2 + 20, 24 * 9 + 12, 24 * 25 + 12].map((h) => ({ from: h, to: h + 1, effect: 0 })),
  });
  const found = scanAnomalies(
    { metric: 'messages', granularity: 'hour', series: { overall: series } },
    { sensitivity: 'medium' },
  );
  const at = (h: number) => found.find((x) => x.start === iso(ORIGIN + h * HOUR));
  assert.equal(at(24 * 9 + 12)?.baseline, 'hour_of_day');
  assert.equal(at(24 * 25 + 12)?.baseline, 'hour_of_week');
  const early = at(24 * 2 + 20);
  if (early) assert.equal(early.baseline, 'trailing');
});

test('slice keys round-trip; bad keys, unaligned and duplicate buckets and unknown metrics are refused', () => {
  for (const s of [
    { dimension: 'overall', value: null },
    { dimension: 'model', value: 'gpt-4o' },
    { dimension: 'provider', value: 'a:b' },
  ] as const)
    assert.deepEqual(parseSliceKey(sliceKey(s)), s);
  for (const bad of ['', 'model:', 'team:x', ':x', 'overall:x'])
    assert.throws(() => parseSliceKey(bad), RangeError);
  const run = (series: Record<string, { start: number; value: number }[]>, metric = 'messages') =>
    scanAnomalies({ metric, granularity: 'hour', series }, { sensitivity: 'medium' });
  assert.throws(() => run({ overall: [{ start: ORIGIN + 1, value: 3 }] }), /not on a hour/);
  assert.throws(
    () =>
      run({
        overall: [
          { start: ORIGIN, value: 3 },
          { start: ORIGIN, value: 4 },
        ],
      }),
    /two buckets/,
  );
  assert.throws(() => run({ overall: [] }, 'no_such_metric'), /unknown metric/);
  assert.deepEqual(run({ overall: [] }), []);
});

test('metric table: kind from the registry type, bad side from the KPI row, else the module table', () => {
  const m = (id: string) => {
    const d = anomalyMetric(id);
    return d && [d.kind, d.bad, d.scale];
  };
  assert.deepEqual(m('success_rate'), ['rate', 'drop', 100]);
  assert.deepEqual(m('error_rate'), ['rate', 'rise', 100]);
  assert.deepEqual(m('sla_breach_rate'), ['rate', 'rise', 100]);
  assert.deepEqual(m('tool_success_rate'), ['rate', 'drop', 100]);
  assert.deepEqual(m('avg_rating'), ['mean', 'drop', 1]);
  assert.deepEqual(m('latency_p95'), ['mean', 'rise', 1]);
  assert.deepEqual(m('cost'), ['mean', 'rise', 1]);
  assert.deepEqual(m('messages'), ['volume', 'both', 1]);
  assert.equal(anomalyMetric('nope'), null);
});

test('one scan at high, filtered by each anomaly’s sensitivity, shows no more than a scan at that sensitivity', () => {
  // The server scans once at high and lists by `sensitivity` (the least sensitive setting the peak crosses):
  // every anomaly a medium (low) scan finds lies inside exactly one high anomaly that shows at medium (low),
  // and no high anomaly shows at medium without one, so the filtered list never outnumbers the scan.
  const rank = { low: 0, medium: 1, high: 2 } as const;
  const seen = { medium: 0, low: 0, high: 0 };
  for (const [metric, kind] of [
    ['success_rate', 'rate'],
    ['latency_p95', 'mean'],
    ['messages', 'volume'],
  ] as const)
    for (let seed = 1; seed <= 4; seed++) {
      const series = synthetic(kind, {
        seed,
        granularity: 'hour',
        buckets: 24 * 60,
        traffic: 150,
        p: 0.8,
        wobble: 0.01,
        incidents: [
          { from: 24 * 30 + 10, to: 24 * 30 + 14, effect: kind === 'rate' ? -0.08 : 1.4 },
          { from: 24 * 45 + 2, to: 24 * 45 + 3, effect: kind === 'rate' ? -0.2 : 0.5 },
        ],
      });
      const input = { metric, granularity: 'hour' as const, series: { overall: series } };
      const high = scanAnomalies(input, { sensitivity: 'high' });
      seen.high += high.length;
      for (const s of ['medium', 'low'] as const) {
        const direct = scanAnomalies(input, { sensitivity: s });
        seen[s] += direct.length;
        const shown = high.filter((a) => rank[a.sensitivity] <= rank[s]);
        for (const d of direct) {
          const holders = shown.filter((a) => a.start <= d.start && a.end >= d.end);
          assert.equal(holders.length, 1, `${metric} seed ${seed} ${s}: ${d.start} inside one shown anomaly`);
        }
        for (const a of shown)
          assert.ok(
            direct.some((d) => a.start <= d.start && a.end >= d.end),
            `${metric} seed ${seed} ${s}: ${a.start} holds a ${s} anomaly`,
          );
        assert.ok(shown.length <= direct.length);
      }
    }
  assert.ok(seen.low > 0 && seen.medium > seen.low && seen.high > seen.medium, JSON.stringify(seen));
});
