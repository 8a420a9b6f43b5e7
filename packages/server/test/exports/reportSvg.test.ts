// The report's chart layouts and their SVG: round ticks, one bar / point per known value, broken lines at gaps,
// labels, the reference line, the empty state, escaping, and determinism.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'node-html-parser';
import { barChart, miniBar } from '../../src/exports/report/svg/barChart.ts';
import { niceTicks } from '../../src/exports/report/svg/niceTicks.ts';
import type { ChartLayout } from '../../src/exports/report/svg/Shape.ts';
import { EMPTY_TEXT, timeChart } from '../../src/exports/report/svg/timeChart.ts';
import { toSvg } from '../../src/exports/report/svg/toSvg.ts';

const days = (n: number) =>
  Array.from({ length: n }, (_, i) => new Date(Date.UTC(2025, 4, 1 + i)).toISOString().replace('.000Z', 'Z'));
const roles = (l: ChartLayout, role: string) => l.shapes.filter((s) => s.role === role);
const texts = (l: ChartLayout, role: string) => roles(l, role).map((s) => (s.kind === 'text' ? s.text : ''));

test('ticks are round steps covering the range from zero', () => {
  assert.deepEqual(niceTicks(0, 97, 4), [0, 25, 50, 75, 100]);
  assert.deepEqual(niceTicks(0, 1.3, 4), [0, 0.5, 1, 1.5]);
  assert.deepEqual(niceTicks(0, 0.0123, 4), [0, 0.005, 0.01, 0.015]);
  assert.deepEqual(niceTicks(5, 5, 4), [0, 2, 4, 6]);
  assert.deepEqual(niceTicks(0, 0, 4), [0, 0.25, 0.5, 0.75, 1]);
  for (const [lo, hi] of [
    [0, 7],
    [0, 12345],
    [0, 0.3],
    [-3, 8],
  ]) {
    const t = niceTicks(lo, hi, 5);
    assert.ok(t[0] <= Math.min(0, lo) && t[t.length - 1] >= hi, `${lo}..${hi}: ${t}`);
    assert.ok(t.length >= 3 && t.length <= 12, `${lo}..${hi}: ${t.length} ticks`);
  }
});

test('a bar chart has one bar per known value, heights proportional, y labels formatted in the unit', () => {
  const values = [1, 2, null, 4, 0];
  const l = timeChart({
    label: 'Cost',
    kind: 'bar',
    times: days(5),
    bucket: 'day',
    unit: 'usd',
    series: [{ name: 'Cost', color: '#00f', values }],
  });
  const bars = roles(l, 'bar');
  assert.equal(bars.length, 4, 'null draws no bar; zero draws a flat one');
  const h = bars.map((b) => (b.kind === 'rect' ? b.h : -1));
  assert.ok(Math.abs(h[1] / h[0] - 2) < 0.01 && Math.abs(h[2] / h[0] - 4) < 0.01, `${h}`);
  assert.equal(h[3], 0);
  assert.deepEqual(texts(l, 'y-label'), ['$0.00', '$1.00', '$2.00', '$3.00', '$4.00']);
  assert.deepEqual(texts(l, 'x-label'), ['May 1', 'May 2', 'May 3', 'May 4', 'May 5']);
  assert.deepEqual(texts(l, 'legend'), ['Cost']);
  // Bars sit on the x axis and stay inside the chart.
  for (const b of bars)
    if (b.kind === 'rect') assert.ok(b.y >= 0 && b.y + b.h <= l.height && b.x >= 0 && b.x + b.w <= l.width);
});

test('a line chart has a point per known value and breaks its line at gaps; the SLA line is drawn and scaled in', () => {
  const l = timeChart({
    label: 'Latency',
    kind: 'line',
    times: days(6),
    bucket: 'day',
    unit: 'ms',
    series: [
      { name: 'p50', color: '#0aa', values: [100, 120, null, 130, 110, 90] },
      { name: 'p95', color: '#a60', values: [400, 500, null, null, 450, 380] },
    ],
    reference: { value: 2000, label: 'SLA 2000 ms' },
  });
  assert.equal(roles(l, 'point').length, 5 + 4);
  assert.equal(roles(l, 'line').length, 4, 'two runs per series');
  const ref = roles(l, 'reference')[0];
  assert.ok(
    ref && ref.kind === 'line' && ref.y1 >= 26,
    'the reference line lies inside the plot (axis grown to it)',
  );
  assert.deepEqual(texts(l, 'reference-label'), ['SLA 2000 ms']);
});

test('long series label at most 8 x positions; hours show the time', () => {
  const times = Array.from({ length: 48 }, (_, i) => new Date(Date.UTC(2025, 0, 1, i)).toISOString());
  const l = timeChart({
    label: 'x',
    kind: 'bar',
    times,
    bucket: 'hour',
    unit: 'count',
    series: [{ name: 'n', color: '#000', values: times.map((_, i) => i) }],
  });
  const labels = texts(l, 'x-label');
  assert.ok(labels.length <= 8 && labels.length >= 6, `${labels.length}`);
  assert.equal(labels[0], 'Jan 1 00:00');
  assert.equal(roles(l, 'bar').length, 48);
});

test('no data (no buckets, all null, all zero) is an empty chart saying so, with no bars or points', () => {
  for (const [times, values] of [
    [[], []],
    [days(3), [null, null, null]],
    [days(3), [0, 0, 0]],
  ] as [string[], (number | null)[]][]) {
    const l = timeChart({
      label: 'Cost',
      kind: 'bar',
      times,
      bucket: 'day',
      unit: 'usd',
      series: [{ name: 'Cost', color: '#00f', values }],
    });
    assert.deepEqual(texts(l, 'empty'), [EMPTY_TEXT]);
    assert.equal(roles(l, 'bar').length + roles(l, 'point').length, 0);
    assert.ok(roles(l, 'axis').length >= 2, 'axes still frame the empty chart');
  }
  const b = barChart({
    label: 'Success',
    unit: 'percent',
    bars: [{ label: 'a', value: null, color: '#000' }],
  });
  assert.deepEqual(texts(b, 'empty'), [EMPTY_TEXT]);
});

test('category bars: one per known value against the max, labels cut but titled in full', () => {
  const long = 'a-model-name-that-goes-on-and-on-forever-and-ever';
  const l = barChart({
    label: 'Success',
    unit: 'percent',
    max: 100,
    bars: [
      { label: long, value: 50, color: '#111' },
      { label: 'b', value: 100, color: '#222' },
      { label: 'c', value: null, color: '#333' },
    ],
  });
  const bars = roles(l, 'bar');
  assert.equal(bars.length, 2);
  const [w1, w2] = bars.map((b) => (b.kind === 'rect' ? b.w : 0));
  assert.ok(Math.abs(w2 / w1 - 2) < 0.01);
  assert.ok(texts(l, 'bar-label')[0].endsWith('…'));
  assert.ok(bars[0].kind === 'rect' && bars[0].title?.startsWith(long));
  assert.deepEqual(texts(l, 'bar-value'), ['50.0%', '100.0%', '—']);
  assert.equal(roles(miniBar(3, 6, '#000', 't'), 'bar').length, 1);
  assert.equal(roles(miniBar(null, 6, '#000', 't'), 'bar').length, 0);
});

test('SVG output: escaped text, parseable, and the same bytes for the same input', () => {
  const input = {
    label: 'Cost <script>alert(1)</script>',
    kind: 'bar' as const,
    times: days(3),
    bucket: 'day' as const,
    unit: 'usd' as const,
    series: [{ name: '"><img onerror=x>', color: '#00f', values: [1, 2, 3] }],
  };
  const svg = toSvg(timeChart(input), 'cost');
  assert.equal(svg, toSvg(timeChart(input), 'cost'));
  assert.ok(!svg.includes('<script') && !svg.includes('<img'), svg);
  const root = parse(svg);
  const el = root.querySelector('svg');
  assert.equal(el?.getAttribute('data-chart'), 'cost');
  assert.equal(el?.getAttribute('aria-label'), input.label);
  assert.equal(root.querySelectorAll('rect.bar').length, 3);
  assert.equal(root.querySelector('text.legend')?.text, input.series[0].name);
  assert.equal(root.querySelectorAll('script, img').length, 0);
});
