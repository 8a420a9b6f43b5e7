// Owns formatting a report number by its display unit, the way the dashboard's cards and tables show it.
import type { DisplayUnit } from '@llm-analytics/core';

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** `—` for a missing value; money under a cent keeps two significant digits so it does not read as $0.00. */
export function formatValue(v: number | null | undefined, unit: DisplayUnit): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  switch (unit) {
    case 'usd':
      return v !== 0 && Math.abs(v) < 0.01 ? `$${v.toPrecision(2)}` : `$${v.toFixed(2)}`;
    case 'ms':
      return v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${int.format(v)} ms`;
    case 'percent':
      return `${v.toFixed(1)}%`;
    case 'rating':
    case 'ratio':
      return v.toFixed(2);
    case 'tokens':
      return v >= 100_000 ? compact.format(v) : int.format(v);
    default:
      return int.format(v);
  }
}

/** A signed change: `+12.5%`, `−3.0%`, `—` when unknown. */
export function formatChange(pct: number | null): string {
  if (pct === null || !Number.isFinite(pct)) return '—';
  const s = `${Math.abs(pct).toFixed(1)}%`;
  return pct > 0 ? `+${s}` : pct < 0 ? `−${s}` : s;
}

/** A signed difference in the metric's unit; percent-unit metrics differ in points (`+2.0 pt`). */
export function formatDelta(d: number | null, unit: DisplayUnit): string {
  if (d === null || !Number.isFinite(d)) return '—';
  const sign = d > 0 ? '+' : d < 0 ? '−' : '';
  const body = unit === 'percent' ? `${Math.abs(d).toFixed(1)} pt` : formatValue(Math.abs(d), unit);
  return `${sign}${body}`;
}
