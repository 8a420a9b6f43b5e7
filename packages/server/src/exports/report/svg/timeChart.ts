// Owns laying out a time chart (bars or lines with points) over bucket starts: y ticks, x labels, legend,
// an optional reference line (the SLA threshold) and the empty state. Pure: same input, same shapes.
import type { DisplayUnit, TimeBucket } from '@llm-analytics/core';
import { formatValue } from '../formatValue.ts';
import { niceTicks } from './niceTicks.ts';
import type { ChartLayout, Shape } from './Shape.ts';
import { timeLabel } from './timeLabel.ts';

export interface TimeSeries {
  name: string;
  color: string;
  values: (number | null)[];
}

export interface TimeChartInput {
  label: string;
  kind: 'bar' | 'line';
  /** Bucket starts (ISO), one per x position; every series has one value per start. */
  times: string[];
  bucket: TimeBucket;
  series: TimeSeries[];
  unit: DisplayUnit;
  reference?: { value: number; label: string };
  width?: number;
  height?: number;
}

const M = { left: 58, right: 14, top: 26, bottom: 30 };
const AXIS = '#6b7280';
const GRID = '#e5e7eb';
const INK = '#374151';
const REFERENCE = '#dc2626';
export const EMPTY_TEXT = 'No data in this range';

const r2 = (n: number) => Math.round(n * 100) / 100;

/** Bars: one rect per non-null value (series side by side). Lines: one polyline per unbroken run, a point per value. */
export function timeChart(input: TimeChartInput): ChartLayout {
  const width = input.width ?? 640;
  const height = input.height ?? 220;
  const plot = { x: M.left, y: M.top, w: width - M.left - M.right, h: height - M.top - M.bottom };
  const shapes: Shape[] = [];
  const values = input.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const empty = input.times.length === 0 || values.every((v) => v === 0);

  legend(shapes, input.series, plot.x, 14, empty ? undefined : input.reference);
  const max = Math.max(0, ...values, input.reference && !empty ? input.reference.value : 0);
  const min = Math.min(0, ...values);
  const ticks = empty ? [0, 1] : niceTicks(min, max, 4);
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const y = (v: number) => r2(plot.y + plot.h - ((v - lo) / (hi - lo)) * plot.h);

  for (const t of ticks) {
    shapes.push({
      kind: 'line',
      x1: plot.x,
      y1: y(t),
      x2: plot.x + plot.w,
      y2: y(t),
      stroke: GRID,
      width: 1,
      role: 'grid',
    });
    if (!empty) {
      const text = formatValue(t, input.unit);
      shapes.push({
        kind: 'text',
        x: plot.x - 6,
        y: y(t) + 3,
        text,
        size: 9,
        anchor: 'end',
        fill: AXIS,
        role: 'y-label',
      });
    }
  }
  shapes.push({
    kind: 'line',
    x1: plot.x,
    y1: plot.y,
    x2: plot.x,
    y2: plot.y + plot.h,
    stroke: AXIS,
    width: 1,
    role: 'axis',
  });
  shapes.push({
    kind: 'line',
    x1: plot.x,
    y1: y(lo),
    x2: plot.x + plot.w,
    y2: y(lo),
    stroke: AXIS,
    width: 1,
    role: 'axis',
  });

  if (empty) {
    shapes.push({
      kind: 'text',
      x: r2(plot.x + plot.w / 2),
      y: r2(plot.y + plot.h / 2),
      text: EMPTY_TEXT,
      size: 12,
      anchor: 'middle',
      fill: AXIS,
      role: 'empty',
    });
    return { width, height, label: `${input.label}: ${EMPTY_TEXT.toLowerCase()}`, shapes };
  }

  const n = input.times.length;
  const slot = plot.w / n;
  const cx = (i: number) => r2(plot.x + slot * (i + 0.5));
  const every = Math.max(1, Math.ceil(n / 8));
  for (let i = 0; i < n; i += every) {
    shapes.push({
      kind: 'line',
      x1: cx(i),
      y1: y(lo),
      x2: cx(i),
      y2: y(lo) + 4,
      stroke: AXIS,
      width: 1,
      role: 'tick',
    });
    const text = timeLabel(input.times[i], input.bucket);
    shapes.push({
      kind: 'text',
      x: cx(i),
      y: y(lo) + 15,
      text,
      size: 9,
      anchor: 'middle',
      fill: AXIS,
      role: 'x-label',
    });
  }

  if (input.kind === 'bar') bars(shapes, input, slot, cx, y, lo);
  else lines(shapes, input, cx, y);

  if (input.reference) {
    const ry = y(input.reference.value);
    shapes.push({
      kind: 'line',
      x1: plot.x,
      y1: ry,
      x2: plot.x + plot.w,
      y2: ry,
      stroke: REFERENCE,
      width: 1,
      dash: 4,
      role: 'reference',
    });
  }
  return { width, height, label: input.label, shapes };
}

/** Swatches and names above the plot; the reference line is named here too, so no label crosses the data. */
function legend(
  shapes: Shape[],
  series: TimeSeries[],
  x0: number,
  y0: number,
  reference?: TimeChartInput['reference'],
): void {
  let x = x0;
  for (const s of series) {
    shapes.push({ kind: 'rect', x, y: y0 - 8, w: 10, h: 10, fill: s.color, role: 'legend-swatch' });
    shapes.push({
      kind: 'text',
      x: x + 14,
      y: y0,
      text: s.name,
      size: 10,
      anchor: 'start',
      fill: INK,
      role: 'legend',
    });
    x += 24 + s.name.length * 6;
  }
  if (!reference) return;
  const y = y0 - 3;
  shapes.push({
    kind: 'line',
    x1: x,
    y1: y,
    x2: x + 14,
    y2: y,
    stroke: REFERENCE,
    width: 1.5,
    dash: 3,
    role: 'legend-swatch',
  });
  shapes.push({
    kind: 'text',
    x: x + 18,
    y: y0,
    text: reference.label,
    size: 10,
    anchor: 'start',
    fill: REFERENCE,
    role: 'reference-label',
  });
}

function bars(
  shapes: Shape[],
  input: TimeChartInput,
  slot: number,
  cx: (i: number) => number,
  y: (v: number) => number,
  lo: number,
): void {
  const k = input.series.length;
  const w = Math.max(1, (slot * 0.8) / k);
  input.series.forEach((s, j) => {
    s.values.forEach((v, i) => {
      if (v === null) return;
      const x = r2(cx(i) - (w * k) / 2 + w * j);
      const top = Math.min(y(v), y(lo));
      const title = `${s.name} ${timeLabel(input.times[i], input.bucket)}: ${formatValue(v, input.unit)}`;
      shapes.push({
        kind: 'rect',
        x,
        y: top,
        w: r2(w),
        h: r2(Math.abs(y(lo) - y(v))),
        fill: s.color,
        role: 'bar',
        title,
      });
    });
  });
}

function lines(
  shapes: Shape[],
  input: TimeChartInput,
  cx: (i: number) => number,
  y: (v: number) => number,
): void {
  for (const s of input.series) {
    let run: [number, number][] = [];
    const flush = () => {
      if (run.length > 1)
        shapes.push({ kind: 'polyline', points: run, stroke: s.color, width: 2, role: 'line' });
      run = [];
    };
    for (const [i, v] of s.values.entries()) {
      if (v === null) flush();
      else run.push([cx(i), y(v)]);
    }
    flush();
    s.values.forEach((v, i) => {
      if (v === null) return;
      const title = `${s.name} ${timeLabel(input.times[i], input.bucket)}: ${formatValue(v, input.unit)}`;
      shapes.push({ kind: 'circle', cx: cx(i), cy: y(v), r: 2.5, fill: s.color, role: 'point', title });
    });
  }
}
