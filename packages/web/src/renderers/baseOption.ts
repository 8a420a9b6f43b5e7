// Owns the ECharts option parts every renderer shares: grid, legend, tooltip and a unit-aware value axis.
import { formatValue } from '../ui/format';
import type { Unit } from '../widgets/WidgetDef';

export const baseOption = (legend: boolean) => ({
  grid: { left: 8, right: 16, top: legend ? 36 : 16, bottom: 8, containLabel: true },
  legend: legend ? { top: 0, type: 'scroll' as const } : undefined,
  tooltip: {
    trigger: 'axis' as const,
    confine: true,
  },
});

export const valueAxis = (unit: Unit, extra: Record<string, unknown> = {}) => ({
  type: 'value' as const,
  axisLabel: { formatter: (v: number) => formatValue(v, unit) },
  ...extra,
});

export const tooltipFormatter = (unit: Unit) => (v: unknown) => formatValue(v as number, unit);
