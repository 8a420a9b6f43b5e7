// Owns the time-series renderer: one line, area or bar series per metric over the `time` dimension, and with
// comparison on, the previous period as a dashed line of the same colour.
import { useMemo } from 'react';
import type { ChartProps } from '../charts/ChartProps';
import { toNumber } from '../ui/format';
import { baseOption, tooltipFormatter, valueAxis } from './baseOption';
import { EChart } from './EChart';
import { PALETTE } from './palette';
import { previousPeriod } from './previousPeriod';

const isStacked = (e: ChartProps['entry']) => e.view.kind === 'timeseries' && e.view.stack === true;

export function TimeSeriesChart({ entry, rows, result }: ChartProps) {
  const view = entry.view.kind === 'timeseries' ? entry.view : null;
  const previous = useMemo(() => previousPeriod(result), [result]);
  const option = useMemo(() => {
    if (!view) return {};
    const current = view.series.map((s, i) => ({
      name: s.label,
      type: view.style === 'bar' ? 'bar' : 'line',
      color: PALETTE[i % PALETTE.length],
      stack: view.stack ? 'total' : undefined,
      areaStyle: view.style === 'area' ? { opacity: 0.35 } : undefined,
      showSymbol: rows.length < 40,
      data: rows.map((r) => [r.time, toNumber(r[s.metric])]),
    }));
    // Stacked series would compare a stack with an unstacked line: the overlay is for plain series only.
    const before =
      !view.stack && (previous ?? []).length
        ? view.series.map((s, i) => ({
            name: `${s.label} (previous period)`,
            type: 'line',
            color: PALETTE[i % PALETTE.length],
            lineStyle: { type: 'dashed', width: 1.5 },
            showSymbol: false,
            data: (previous ?? []).map((r) => [r.time, toNumber(r[s.metric])]),
          }))
        : [];
    return {
      ...baseOption(view.series.length > 1 || before.length > 0),
      tooltip: { ...baseOption(false).tooltip, valueFormatter: tooltipFormatter(view.unit) },
      xAxis: { type: 'time' },
      yAxis: valueAxis(view.unit),
      series: [...current, ...before],
    };
  }, [view, rows, previous]);
  return (
    <EChart
      option={option}
      label={`${entry.title}: ${rows.length} points${previous && !isStacked(entry) ? ', previous period dashed' : ''}`}
    />
  );
}
