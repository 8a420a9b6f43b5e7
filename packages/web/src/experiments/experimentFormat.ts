// Owns formatting an experiment's numbers: a metric value, a difference (points for rates), an interval, a p.
import { formatValue } from '../ui/format.ts';
import { metricInfo } from './metricInfo.ts';

const signed = (s: string, v: number) => (v > 0 ? `+${s}` : v < 0 ? `−${s}` : s);

function difference(metric: string, d: number | null | undefined): string {
  if (d === null || d === undefined) return '—';
  const m = metricInfo(metric);
  if (m.scale === 'rate') return signed(`${Math.abs(d * 100).toFixed(1)} pts`, d);
  const unit = m.unit === 'ms' || m.unit === 'usd' ? m.unit : 'ratio';
  return signed(formatValue(Math.abs(d), unit), d);
}

export const experimentFormat = {
  /** A variant's value of `metric` as results report it (rates as fractions). */
  value(metric: string, v: number | null | undefined): string {
    if (v === null || v === undefined) return '—';
    const m = metricInfo(metric);
    return m.scale === 'rate' ? formatValue(v * 100, 'percent') : formatValue(v, m.unit);
  },
  /** value − control: percentage points for rates, the metric's unit otherwise, signed. */
  difference,
  interval(metric: string, ci: readonly [number, number] | null): string {
    return ci ? `${difference(metric, ci[0])} to ${difference(metric, ci[1])}` : '—';
  },
  relative(r: number | null | undefined): string {
    if (r === null || r === undefined || !Number.isFinite(r)) return '—';
    return signed(`${Math.abs(r * 100).toFixed(1)}%`, r);
  },
  p(p: number | null | undefined): string {
    if (p === null || p === undefined) return '—';
    return p < 0.001 ? '< 0.001' : p.toFixed(3);
  },
  /** "p < 0.001" or "p = 0.418", for sentences. */
  pClause(p: number | null | undefined): string {
    if (p === null || p === undefined) return 'p unknown';
    return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
  },
};
