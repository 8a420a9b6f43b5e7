// Owns the stacked-by-dimension renderer: one stacked bar series per value of `split` over time.
import { useMemo } from 'react';
import type { ChartProps } from '../charts/ChartProps';
import { toNumber } from '../ui/format';
import { baseOption, tooltipFormatter, valueAxis } from './baseOption';
import { EChart } from './EChart';

export function PivotChart({ entry, rows }: ChartProps) {
  const view = entry.view.kind === 'pivot' ? entry.view : null;
  const option = useMemo(() => {
    if (!view) return {};
    const groups = new Map<string, [unknown, number | null][]>();
    for (const r of rows) {
      const key = r[view.split] === null ? '(none)' : String(r[view.split]);
      const g = groups.get(key) ?? [];
      groups.set(key, g);
      g.push([r.time, toNumber(r[view.metric])]);
    }
    return {
      ...baseOption(true),
      tooltip: { ...baseOption(false).tooltip, valueFormatter: tooltipFormatter(view.unit) },
      xAxis: { type: 'time' },
      yAxis: valueAxis(view.unit),
      series: [...groups.entries()].map(([name, data]) => ({ name, type: 'bar', stack: 'total', data })),
    };
  }, [view, rows]);
  return <EChart option={option} label={`${entry.title}`} height={300} />;
}
