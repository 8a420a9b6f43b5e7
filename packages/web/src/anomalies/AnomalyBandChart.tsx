// Owns the small chart of one anomaly: the observed value of each judged bucket against the expected band.
import { type AnomalyPoint, metricDisplay } from '@llm-analytics/core';
import { useMemo } from 'react';
import { baseOption, valueAxis } from '../renderers/baseOption';
import { EChart } from '../renderers/EChart';
import { formatValue } from '../ui/format';

export function AnomalyBandChart({
  metric,
  points: judged,
  end,
}: {
  metric: string;
  points: AnomalyPoint[];
  /** The anomaly's end: a one-bucket anomaly is drawn across its bucket (a line needs two points). */
  end: string;
}) {
  const { label, unit } = metricDisplay(metric);
  const points = useMemo(
    () => (judged.length === 1 ? [judged[0], { ...judged[0], start: end }] : judged),
    [judged, end],
  );
  const option = useMemo(() => {
    const at = (p: AnomalyPoint) => Date.parse(p.start);
    return {
      ...baseOption(false),
      grid: { left: 4, right: 8, top: 8, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'axis' as const,
        confine: true,
        formatter: (params: { dataIndex: number }[]) => {
          const p = points[params[0]?.dataIndex ?? 0];
          if (!p) return '';
          const f = (v: number) => formatValue(v, unit);
          return `${new Date(p.start).toLocaleString()}<br/>${label}: <b>${f(p.value)}</b><br/>expected ${f(p.expected)} (${f(p.low)} – ${f(p.high)})`;
        },
      },
      xAxis: { type: 'time' as const, axisLabel: { hideOverlap: true } },
      yAxis: valueAxis(unit, { scale: true, splitNumber: 3 }),
      series: [
        // The band: an invisible floor at `low`, then `high − low` stacked on it and filled.
        {
          name: 'low',
          type: 'line',
          stack: 'band',
          symbol: 'none',
          lineStyle: { opacity: 0 },
          data: points.map((p) => [at(p), p.low]),
        },
        {
          name: 'expected range',
          type: 'line',
          stack: 'band',
          symbol: 'none',
          lineStyle: { opacity: 0 },
          areaStyle: { color: '#0072b2', opacity: 0.15 },
          data: points.map((p) => [at(p), p.high - p.low]),
        },
        {
          name: 'expected',
          type: 'line',
          symbol: 'none',
          lineStyle: { type: 'dashed', width: 1, color: '#5b6577' },
          data: points.map((p) => [at(p), p.expected]),
        },
        {
          name: label,
          type: 'line',
          color: '#b34700',
          showSymbol: points.length < 40,
          data: points.map((p) => [at(p), p.value]),
        },
      ],
    };
  }, [points, unit, label]);
  return (
    <EChart
      option={option}
      height={110}
      label={`${label}: observed against the expected range over ${judged.length} bucket${judged.length === 1 ? '' : 's'}`}
    />
  );
}
