// Owns which charts the report draws from its data (cost over time, latency p50/p95 with the SLA, success per
// model), laid out once and drawn by both the HTML (SVG) and the PDF engine.

import { COST_COLOR, methodColor, P50_COLOR, P95_COLOR } from './reportColumns.ts';
import type { ReportData } from './reportData.ts';
import { barChart } from './svg/barChart.ts';
import type { ChartLayout } from './svg/Shape.ts';
import { timeChart } from './svg/timeChart.ts';

export interface ReportCharts {
  cost: ChartLayout;
  latency: ChartLayout;
  training: ChartLayout;
}

/** `width` × `height` of the time charts (the PDF draws them shorter, to keep both on the first page). */
export function reportCharts(data: ReportData, width = 640, height = 220): ReportCharts {
  const { bucket, points } = data.series;
  const times = points.map((p) => p.t);
  return {
    cost: timeChart({
      label: `Cost per ${bucket}`,
      kind: 'bar',
      times,
      bucket,
      unit: 'usd',
      series: [{ name: 'Cost', color: COST_COLOR, values: points.map((p) => p.cost) }],
      width,
      height,
    }),
    latency: timeChart({
      label: `Latency p50 and p95 per ${bucket}`,
      kind: 'line',
      times,
      bucket,
      unit: 'ms',
      series: [
        { name: 'p50', color: P50_COLOR, values: points.map((p) => p.latency_p50) },
        { name: 'p95', color: P95_COLOR, values: points.map((p) => p.latency_p95) },
      ],
      reference: { value: data.slaThresholdMs, label: `SLA ${data.slaThresholdMs} ms` },
      width,
      height,
    }),
    training: barChart({
      label: 'Success rate per model, coloured by training method',
      unit: 'percent',
      max: 100,
      bars: data.models.map((m) => ({
        label: m.model_id,
        value: m.values.success_rate,
        color: methodColor(m.training_method),
      })),
      width,
    }),
  };
}
