// Owns the ECharts options of the benchmark chart: accuracy per model with its interval as error bars, and each
// model's runs over time.
import type { BenchmarkRun, BenchmarkSummary } from '../api/types';
import { formatValue } from '../ui/format';
import { baseOption, tooltipFormatter, valueAxis } from './baseOption';
import { PALETTE } from './palette';

interface ErrorBarApi {
  value(i: number): number;
  coord(p: [number, number]): [number, number];
  size(p: [number, number]): [number, number];
  style(): Record<string, unknown>;
}

/** Bars of accuracy per model, a whisker from the lower to the upper bound of its Wilson interval. */
export function accuracyOption(b: BenchmarkSummary) {
  const models = b.models.map((m) => m.model_id);
  const bars = b.models.map((m, i) => ({
    value: m.accuracy,
    itemStyle: { color: PALETTE[m.base_model ? 1 + (i % (PALETTE.length - 1)) : 0] },
  }));
  const whiskers = b.models.map((m, i) => [i, m.accuracy_ci?.[0] ?? null, m.accuracy_ci?.[1] ?? null]);
  return {
    ...baseOption(false),
    tooltip: {
      ...baseOption(false).tooltip,
      formatter: (ps: { dataIndex: number }[]) => {
        const m = b.models[ps[0]?.dataIndex ?? 0];
        const ci = m.accuracy_ci
          ? ` (95% ${formatValue(m.accuracy_ci[0], 'percent')} – ${formatValue(m.accuracy_ci[1], 'percent')})`
          : '';
        return `${m.model_id}: ${formatValue(m.accuracy, 'percent')}${ci}, ${m.judgments} judgments`;
      },
    },
    xAxis: { type: 'category', data: models, axisLabel: { interval: 0, rotate: models.length > 3 ? 15 : 0 } },
    yAxis: valueAxis('percent', { max: 100, min: 0 }),
    series: [
      { name: 'Accuracy', type: 'bar', data: bars, barMaxWidth: 48 },
      {
        name: '95% interval',
        type: 'custom',
        data: whiskers,
        z: 3,
        renderItem: (_: unknown, api: ErrorBarApi) => {
          const lo = api.value(1);
          const hi = api.value(2);
          if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
          const top = api.coord([api.value(0), hi]);
          const bottom = api.coord([api.value(0), lo]);
          const half = api.size([1, 0])[0] * 0.12;
          const line = (x1: number, y1: number, x2: number, y2: number) => ({
            type: 'line',
            shape: { x1, y1, x2, y2 },
            style: { stroke: '#333', lineWidth: 1.5 },
          });
          return {
            type: 'group',
            children: [
              line(top[0], top[1], bottom[0], bottom[1]),
              line(top[0] - half, top[1], top[0] + half, top[1]),
              line(bottom[0] - half, bottom[1], bottom[0] + half, bottom[1]),
            ],
          };
        },
      },
    ],
  };
}

/** One line per model: the accuracy of each of its runs at the run's start. */
export function runsOption(runs: BenchmarkRun[]) {
  const byModel = new Map<string, BenchmarkRun[]>();
  for (const r of runs) byModel.set(r.model_id, [...(byModel.get(r.model_id) ?? []), r]);
  return {
    ...baseOption(true),
    tooltip: { ...baseOption(true).tooltip, valueFormatter: tooltipFormatter('percent') },
    xAxis: { type: 'time' },
    yAxis: valueAxis('percent', { max: 100, min: 0 }),
    series: [...byModel].map(([model, rs], i) => ({
      name: model,
      type: 'line',
      symbolSize: 8,
      itemStyle: { color: PALETTE[i % PALETTE.length] },
      data: rs.map((r) => [r.started_at, r.accuracy]),
    })),
  };
}
