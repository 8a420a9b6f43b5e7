// Owns the category bar renderer: bars per dimension value, optionally a second metric on a right axis.
import { useMemo } from 'react';
import type { ChartProps } from '../charts/ChartProps';
import { toNumber } from '../ui/format';
import { baseOption, tooltipFormatter, valueAxis } from './baseOption';
import { EChart } from './EChart';

export function CategoryChart({ entry, rows }: ChartProps) {
  const view = entry.view.kind === 'bars' ? entry.view : null;
  const option = useMemo(() => {
    if (!view) return {};
    const categories = rows.map((r) => String(r[view.category]));
    const secondary = view.secondary;
    return {
      ...baseOption(Boolean(secondary)),
      tooltip: { ...baseOption(false).tooltip, axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        data: categories,
        axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 },
      },
      yAxis: secondary
        ? [valueAxis(view.unit), valueAxis(secondary.unit, { max: 100, splitLine: { show: false } })]
        : valueAxis(view.unit),
      series: [
        ...view.series.map((s) => ({
          name: s.label,
          type: 'bar',
          tooltip: { valueFormatter: tooltipFormatter(view.unit) },
          data: rows.map((r) => toNumber(r[s.metric])),
        })),
        ...(secondary
          ? [
              {
                name: secondary.label,
                type: 'line',
                yAxisIndex: 1,
                symbol: 'diamond',
                symbolSize: 9,
                tooltip: { valueFormatter: tooltipFormatter(secondary.unit) },
                data: rows.map((r) => toNumber(r[secondary.metric])),
              },
            ]
          : []),
      ],
    };
  }, [view, rows]);
  return <EChart option={option} label={`${entry.title}: ${rows.length} categories`} />;
}
