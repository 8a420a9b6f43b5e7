// Owns laying out a horizontal bar chart by category (one bar per label, value at its end) and its empty state.
import type { DisplayUnit } from '@llm-analytics/core';
import { formatValue } from '../formatValue.ts';
import type { ChartLayout, Shape } from './Shape.ts';
import { EMPTY_TEXT } from './timeChart.ts';

export interface BarChartInput {
  label: string;
  bars: { label: string; value: number | null; color: string }[];
  unit: DisplayUnit;
  /** The scale's end; the largest value when absent (100 suits rates). */
  max?: number;
  width?: number;
}

const ROW = 18;
const LABEL_W = 170;
const VALUE_W = 64;
const AXIS = '#6b7280';
const INK = '#374151';
const r2 = (n: number) => Math.round(n * 100) / 100;

/** Labels longer than fit are cut with an ellipsis (the full label stays in the bar's title). */
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A null value draws no bar (its row still shows `—`), so the bar count is the count of known values. */
export function barChart(input: BarChartInput): ChartLayout {
  const width = input.width ?? 640;
  const known = input.bars.map((b) => b.value).filter((v): v is number => v !== null);
  if (known.length === 0) {
    const shapes: Shape[] = [
      { kind: 'line', x1: LABEL_W, y1: 8, x2: LABEL_W, y2: 40, stroke: AXIS, width: 1, role: 'axis' },
      {
        kind: 'text',
        x: width / 2,
        y: 28,
        text: EMPTY_TEXT,
        size: 12,
        anchor: 'middle',
        fill: AXIS,
        role: 'empty',
      },
    ];
    return { width, height: 48, label: `${input.label}: ${EMPTY_TEXT.toLowerCase()}`, shapes };
  }
  const height = input.bars.length * ROW + 12;
  const max = input.max ?? Math.max(...known, 0);
  const span = width - LABEL_W - VALUE_W;
  const shapes: Shape[] = [
    { kind: 'line', x1: LABEL_W, y1: 4, x2: LABEL_W, y2: height - 6, stroke: AXIS, width: 1, role: 'axis' },
  ];
  input.bars.forEach((b, i) => {
    const top = 6 + i * ROW;
    shapes.push({
      kind: 'text',
      x: LABEL_W - 6,
      y: top + 10,
      text: clip(b.label, 30),
      size: 9,
      anchor: 'end',
      fill: INK,
      role: 'bar-label',
    });
    const text = formatValue(b.value, input.unit);
    if (b.value !== null) {
      const w = max > 0 ? r2((Math.max(0, b.value) / max) * span) : 0;
      shapes.push({
        kind: 'rect',
        x: LABEL_W + 1,
        y: top,
        w: Math.max(w, 1),
        h: ROW - 6,
        fill: b.color,
        role: 'bar',
        title: `${b.label}: ${text}`,
      });
    }
    const vx = LABEL_W + 1 + (b.value !== null && max > 0 ? (Math.max(0, b.value) / max) * span : 0) + 4;
    shapes.push({
      kind: 'text',
      x: r2(vx),
      y: top + 10,
      text,
      size: 9,
      anchor: 'start',
      fill: INK,
      role: 'bar-value',
    });
  });
  return { width, height, label: input.label, shapes };
}

/** A table cell's inline bar: value against the column's largest, on a light track. */
export function miniBar(value: number | null, max: number, color: string, title: string): ChartLayout {
  const width = 60;
  const height = 8;
  const shapes: Shape[] = [{ kind: 'rect', x: 0, y: 0, w: width, h: height, fill: '#eef0f3', role: 'track' }];
  if (value !== null && max > 0) {
    const w = r2((Math.max(0, value) / max) * width);
    shapes.push({ kind: 'rect', x: 0, y: 0, w: Math.max(w, 1), h: height, fill: color, role: 'bar', title });
  }
  return { width, height, label: title, shapes };
}
