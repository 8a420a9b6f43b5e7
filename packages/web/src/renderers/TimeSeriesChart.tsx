// Owns the time-series renderer: one line, area or bar series per metric over the `time` dimension.
import { useMemo } from 'react';
import type { ChartProps } from '../charts/ChartEntry';
import { toNumber } from '../ui/format';
import { baseOption, tooltipFormatter, valueAxis } from './baseOption';
import { EChart } from './EChart';

export function TimeSeriesChart({ entry, rows }: ChartProps) {
  const view = entry.view.kind === 'timeseries' ? entry.view : null;
  const option = useMemo(() => {
    if (!view) return {};
    return {
      ...baseOption(view.series.length > 1),
      tooltip: { ...baseOption(false).tooltip, valueFormatter: tooltipFormatter(view.unit) },
      xAxis: { type: 'time' },
      yAxis: valueAxis(view.unit),
      series: view.series.map((s) => ({
        name: s.label,
        type: view.style === 'bar' ? 'bar' : 'line',
        stack: view.stack ? 'total' : undefined,
        areaStyle: view.style === 'area' ? { opacity: 0.35 } : undefined,
        showSymbol: rows.length < 40,
        data: rows.map((r) => [r.time, toNumber(r[s.metric])]),
      })),
    };
  }, [view, rows]);
  return <EChart option={option} label={`${entry.title}: ${rows.length} points`} />;
}
