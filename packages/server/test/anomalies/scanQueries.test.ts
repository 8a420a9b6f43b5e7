// The scan's windows and queries: whole buckets only, a Monday start shared by every scan of the week, every
// watched metric with the count it is judged with, and no query over the compiler's bucket limit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseQuery, QUERY_LIMITS, registry, WATCHED_METRICS } from '@llm-analytics/core';
import { SCAN_METRICS, WATCHED } from '../../src/anomalies/scanMetrics.ts';
import { scanQueries, scanWindows } from '../../src/anomalies/scanQueries.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

test('windows end at the current hour / day and start on the Monday at or before 90 days ago', () => {
  const now = Date.parse('2026-12-04T18:37:12Z'); // a Friday
  const w = scanWindows(now, 90);
  assert.equal(new Date(w.hour.toMs).toISOString(), '2026-12-04T18:00:00.000Z');
  assert.equal(new Date(w.day.toMs).toISOString(), '2026-12-04T00:00:00.000Z');
  // 90 days before 2026-12-04 is Saturday 2026-09-05; the Monday before it is 2026-08-31.
  assert.equal(new Date(w.hour.fromMs).toISOString(), '2026-08-31T00:00:00.000Z');
  assert.equal(w.day.fromMs, w.hour.fromMs);
  // Every scan of the week shares the start (the same history, the same anomalies) until 90 days before
  // reaches the next Monday: on Sunday 2026-12-06 the start moves on a week.
  for (const later of [HOUR, 20 * HOUR])
    assert.equal(scanWindows(now + later, 90).hour.fromMs, w.hour.fromMs);
  for (const later of [2 * DAY, 8 * DAY])
    assert.equal(scanWindows(now + later, 90).hour.fromMs, w.hour.fromMs + 7 * DAY);
});

test('nine queries for 90 days, each valid, within the bucket limit, carrying every metric and its count', () => {
  const now = Date.parse('2026-12-04T18:37:12Z');
  const qs = scanQueries(scanWindows(now, 90));
  assert.deepEqual(
    qs.map((q) => `${q.granularity}:${q.dimension}`),
    [
      'hour:overall',
      'hour:overall',
      'hour:model',
      'hour:model',
      'hour:provider',
      'hour:provider',
      'day:overall',
      'day:model',
      'day:provider',
    ],
  );
  for (const q of qs) {
    parseQuery(q.query, { maxRows: q.query.limit });
    const range = q.query.date_range as { from: string; to: string };
    const buckets = (Date.parse(range.to) - Date.parse(range.from)) / (q.granularity === 'hour' ? HOUR : DAY);
    assert.ok(buckets <= QUERY_LIMITS.timeBuckets, `${buckets} buckets`);
    assert.ok(q.query.metrics.length <= QUERY_LIMITS.metrics);
  }
  // The hourly parts tile the window without gap or overlap.
  const hourly = qs.filter((q) => q.granularity === 'hour' && q.dimension === 'model');
  const [a, b] = hourly.map((q) => q.query.date_range as { from: string; to: string });
  assert.equal(a.to, b.from);
  assert.equal(b.to, '2026-12-04T18:00:00.000Z');
  assert.deepEqual(
    WATCHED.map((m) => m.id),
    [...WATCHED_METRICS],
  );
  for (const m of WATCHED) {
    assert.ok(SCAN_METRICS.includes(m.id));
    if (m.kind === 'volume') assert.equal(m.sample, null);
    else
      assert.equal(registry.metrics.get(m.sample as string)?.type, 'count', `${m.id} is judged with a count`);
  }
  assert.equal(new Set(SCAN_METRICS).size, SCAN_METRICS.length);
});
