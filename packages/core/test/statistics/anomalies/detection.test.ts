// Checks that injected incidents are found at their start and end, sample sizes gate rates, sensitivities nest.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanAnomalies } from '../../../src/statistics/anomalies/scanAnomalies.ts';
import { DetectedAnomalySchema } from '../../../src/wire/anomalies.ts';
import { ORIGIN, synthetic } from './syntheticSeries.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

test('injected incidents are found with their start and end (hourly and daily, rate, mean, volume)', () => {
  const cases = [
    // A bad deploy: success rate −30 points for 9 hours, four weeks in.
    {
      metric: 'success_rate',
      kind: 'rate',
      g: 'hour',
      from: 24 * 30 + 10,
      to: 24 * 30 + 19,
      effect: -0.3,
      opts: { p: 0.8, wobble: 0.01, evaluated: 1 },
    },
    // p95 latency × 2 for 5 hours at night (quiet hours: fewer messages, noisier p95).
    {
      metric: 'latency_p95',
      kind: 'mean',
      g: 'hour',
      from: 24 * 40 + 1,
      to: 24 * 40 + 6,
      effect: 2,
      opts: { level: 2000, noise: 0.08 },
    },
    // An ingest outage: volume × 0.2 for 3 hours.
    {
      metric: 'messages',
      kind: 'volume',
      g: 'hour',
      from: 24 * 50 + 12,
      to: 24 * 50 + 15,
      effect: 0.2,
      opts: {},
    },
    // The demo's kind of regression: daily success rate 80 % → 30 % for 5 days.
    {
      metric: 'success_rate',
      kind: 'rate',
      g: 'day',
      from: 60,
      to: 65,
      effect: -0.5,
      opts: { p: 0.8, wobble: 0.01, evaluated: 0.2 },
    },
    // Daily cost × 2 for 2 days.
    {
      metric: 'cost',
      kind: 'mean',
      g: 'day',
      from: 45,
      to: 47,
      effect: 2,
      opts: { level: 300, noise: 0.05 },
    },
  ] as const;
  for (const c of cases) {
    const step = c.g === 'hour' ? HOUR : DAY;
    const series = synthetic(c.kind, {
      seed: 42,
      granularity: c.g,
      buckets: c.g === 'hour' ? 24 * 70 : 90,
      traffic: 200,
      incidents: [{ from: c.from, to: c.to, effect: c.effect }],
      ...c.opts,
    });
    const found = scanAnomalies(
      { metric: c.metric, granularity: c.g, series: { 'model:m1': series } },
      { sensitivity: 'medium' },
    );
    assert.equal(
      found.length,
      1,
      `${c.metric}/${c.g}: ${JSON.stringify(found.map((a) => [a.start, a.end]))}`,
    );
    const a = found[0];
    assert.equal(a.start, iso(ORIGIN + c.from * step), `${c.metric}/${c.g} start`);
    assert.equal(a.end, iso(ORIGIN + c.to * step), `${c.metric}/${c.g} end`);
    assert.equal(a.direction, c.effect < 0 || c.effect < 1 ? 'drop' : 'spike');
    assert.deepEqual(a.slice, { dimension: 'model', value: 'm1' });
    assert.ok(
      a.peak.value < a.expected.low || a.peak.value > a.expected.high,
      'the peak lies outside its band',
    );
    assert.equal(a.buckets, c.to - c.from);
    DetectedAnomalySchema.parse(a);
  }
});

/** Daily success rate, 80 % ± 1 point day to day, a 10-point drop on days 50–52, `trials` evaluations a day. */
function dropAt(trials: number, seed: number) {
  return synthetic('rate', {
    seed,
    granularity: 'day',
    buckets: 70,
    // Daily trials = traffic × 15 (weekdays) × evaluated share.
    traffic: trials / 15,
    evaluated: 1,
    p: 0.8,
    wobble: 0.01,
    incidents: [{ from: 50, to: 53, effect: -0.1 }],
  });
}

test('a 10-point success-rate drop over ~2,000 evaluations is found; over ~10 it is not (20 seeds each)', (t) => {
  let foundLarge = 0;
  let foundSmall = 0;
  for (let seed = 1; seed <= 20; seed++) {
    const scan = (trials: number) =>
      scanAnomalies(
        { metric: 'success_rate', granularity: 'day', series: { overall: dropAt(trials, seed) } },
        { sensitivity: 'medium' },
      );
    const large = scan(2000);
    if (
      large.some(
        (a) => a.direction === 'drop' && a.start <= iso(ORIGIN + 52 * DAY) && a.end > iso(ORIGIN + 50 * DAY),
      )
    )
      foundLarge++;
    if (scan(10).length > 0) foundSmall++;
  }
  t.diagnostic(`found: ~2,000/day ${foundLarge}/20, ~10/day ${foundSmall}/20`);
  assert.equal(foundLarge, 20);
  assert.equal(foundSmall, 0);
});

test('a 10-point drop in one day of 2,000 evaluations is found; in one day of 10 it is not (20 seeds each)', (t) => {
  // The wording taken literally: the drop lies in a single daily bucket (day 50, a Tuesday) holding
  // ~2,000 evaluations (or ~10), against 80 % ± 1 point day to day. That day's own wobble is part of the data,
  // so the realised drop varies (seed 10: 6 points); medium may miss such a day, high must not.
  const oneDay = (trials: number, seed: number) =>
    synthetic('rate', {
      seed,
      granularity: 'day',
      buckets: 70,
      traffic: trials / 15,
      evaluated: 1,
      p: 0.8,
      wobble: 0.01,
      incidents: [{ from: 50, to: 51, effect: -0.1 }],
    });
  const found = { medium: 0, high: 0 };
  for (let seed = 1; seed <= 20; seed++) {
    for (const sensitivity of ['medium', 'high'] as const) {
      const scan = (trials: number) =>
        scanAnomalies(
          { metric: 'success_rate', granularity: 'day', series: { overall: oneDay(trials, seed) } },
          { sensitivity },
        );
      const hit = scan(2000).filter((a) => a.start === iso(ORIGIN + 50 * DAY));
      if (hit.length === 1) {
        found[sensitivity]++;
        assert.equal(hit[0].direction, 'drop');
        assert.equal(hit[0].buckets, 1);
        assert.ok(hit[0].sample !== null && hit[0].sample > 1500, `sample ${hit[0].sample}`);
      }
      assert.deepEqual(scan(10), [], `10 evaluations, seed ${seed}, ${sensitivity}`);
    }
  }
  t.diagnostic(`one day of ~2,000: found at medium ${found.medium}/20, at high ${found.high}/20`);
  assert.ok(found.medium >= 19, `medium ${found.medium}/20`);
  assert.equal(found.high, 20);
});

test('12 evaluations do not fire on noise, 12,000 do not miss a 3-point drop (hourly, the issue example)', () => {
  const make = (evaluatedPerPeakHour: number, seed: number) =>
    synthetic('rate', {
      seed,
      granularity: 'hour',
      buckets: 24 * 35,
      traffic: evaluatedPerPeakHour,
      p: 0.9,
      wobble: 0.003,
      incidents: [{ from: 24 * 30 + 12, to: 24 * 30 + 16, effect: -0.03 }],
    });
  for (let seed = 1; seed <= 5; seed++) {
    const small = scanAnomalies(
      { metric: 'success_rate', granularity: 'hour', series: { overall: make(12, seed) } },
      { sensitivity: 'high' },
    );
    assert.equal(small.length, 0, `12/h seed ${seed}: ${small.map((a) => a.start)}`);
    const large = scanAnomalies(
      { metric: 'success_rate', granularity: 'hour', series: { overall: make(12_000, seed) } },
      { sensitivity: 'medium' },
    );
    assert.ok(
      large.some(
        (a) =>
          a.start >= iso(ORIGIN + (24 * 30 + 11) * HOUR) && a.start <= iso(ORIGIN + (24 * 30 + 13) * HOUR),
      ),
      `12,000/h seed ${seed}: ${large.map((a) => a.start)}`,
    );
  }
});

test('sensitivity nests: every bucket flagged at low is flagged at medium, every one at medium at high', () => {
  const incidents = [
    // Around midday (hour 12), incidents from barely visible to plain.
    { from: 24 * 25 + 12, to: 24 * 25 + 15, effect: 1.15 },
    { from: 24 * 30 + 12, to: 24 * 30 + 16, effect: 1.3 },
    { from: 24 * 35 + 12, to: 24 * 35 + 18, effect: 1.8 },
    { from: 24 * 40 + 12, to: 24 * 40 + 14, effect: 0.8 },
  ];
  for (const [metric, kind] of [
    ['latency_p95', 'mean'],
    ['messages', 'volume'],
  ] as const) {
    const series = synthetic(kind, {
      seed: 9,
      granularity: 'hour',
      buckets: 24 * 45,
      traffic: 300,
      incidents,
    });
    const flagged = (sensitivity: 'low' | 'medium' | 'high') =>
      new Set(
        scanAnomalies({ metric, granularity: 'hour', series: { overall: series } }, { sensitivity }).flatMap(
          (a) => a.points.map((p) => p.start),
        ),
      );
    const [low, medium, high] = [flagged('low'), flagged('medium'), flagged('high')];
    for (const s of low) assert.ok(medium.has(s), `${metric}: ${s} low but not medium`);
    for (const s of medium) assert.ok(high.has(s), `${metric}: ${s} medium but not high`);
    assert.ok(low.size < medium.size || medium.size < high.size, `${metric}: the settings differ somewhere`);
    assert.ok(low.size > 0, `${metric}: the large incident shows even at low`);
  }
});

test('a regression in one model is found in that model slice within one bucket of its start, not in the others', () => {
  // Like the demo: one of four models drops from 80 % to 30 % success for 5 days, 24–19 days before "now".
  const days = 90;
  const series: Record<string, ReturnType<typeof synthetic>> = {};
  const models = ['m-a', 'm-b', 'm-dpo', 'm-c'];
  models.forEach((m, k) => {
    series[`model:${m}`] = synthetic('rate', {
      seed: 100 + k,
      granularity: 'day',
      buckets: days,
      traffic: 30,
      evaluated: 0.4,
      p: 0.8,
      wobble: 0.015,
      incidents: m === 'm-dpo' ? [{ from: days - 24, to: days - 19, effect: -0.5 }] : [],
    });
  });
  const found = scanAnomalies(
    { metric: 'success_rate', granularity: 'day', series },
    { sensitivity: 'medium' },
  );
  const hit = found.filter((a) => a.slice.value === 'm-dpo' && a.direction === 'drop');
  assert.equal(hit.length, 1, JSON.stringify(found.map((a) => [a.slice.value, a.start])));
  assert.ok(Math.abs(Date.parse(hit[0].start) - (ORIGIN + (days - 24) * DAY)) <= DAY);
  assert.ok(['high', 'critical'].includes(hit[0].severity));
  assert.deepEqual(
    found.filter((a) => a.slice.value !== 'm-dpo').map((a) => a.slice.value),
    [],
    'no other model is flagged',
  );
});

test('a scan of 90 days, 8 metrics × 9 slices × hourly and daily, stays well inside the issue’s 5 s', (t) => {
  const started = performance.now();
  let series = 0;
  for (const granularity of ['hour', 'day'] as const) {
    const buckets = granularity === 'hour' ? 24 * 90 : 90;
    for (const [metric, kind] of [
      ['success_rate', 'rate'],
      ['avg_rating', 'mean'],
      ['error_rate', 'rate'],
      ['latency_p95', 'mean'],
      ['sla_breach_rate', 'rate'],
      ['tool_success_rate', 'rate'],
      ['cost', 'mean'],
      ['messages', 'volume'],
    ] as const) {
      const slices: Record<string, ReturnType<typeof synthetic>> = {};
      for (let k = 0; k < 9; k++) {
        const key = k === 0 ? 'overall' : k < 6 ? `model:m${k}` : `provider:p${k}`;
        slices[key] = synthetic(kind, {
          seed: k + 1,
          granularity,
          buckets,
          traffic: 100,
          p: 0.8,
          wobble: 0.01,
        });
        series++;
      }
      const t0 = performance.now();
      scanAnomalies({ metric, granularity, series: slices }, { sensitivity: 'medium' });
      t.diagnostic(`${metric}/${granularity}: ${(performance.now() - t0).toFixed(0)} ms`);
    }
  }
  const ms = performance.now() - started;
  t.diagnostic(`${series} series generated and scanned in ${ms.toFixed(0)} ms`);
  assert.ok(ms < 5000, `${ms} ms`);
});
