// Owns number formatting by unit, shared by KPI cards, tables and chart tooltips.
import type { Cell } from '../api/types.ts';
import type { Unit } from '../widgets/WidgetDef.ts';

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export function formatValue(v: Cell | undefined, unit: Unit): string {
  if (v === null || v === undefined || v === '') return '—';
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n)) return String(v);
  switch (unit) {
    case 'usd':
      return n !== 0 && Math.abs(n) < 0.01 ? `$${n.toPrecision(2)}` : `$${n.toFixed(2)}`;
    case 'ms':
      return n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${int.format(n)} ms`;
    case 'percent':
      return `${n.toFixed(1)}%`;
    case 'rating':
      return n.toFixed(2);
    case 'ratio':
      return n.toFixed(2);
    case 'tokens':
      return n >= 100_000 ? compact.format(n) : int.format(n);
    default:
      return int.format(n);
  }
}

export const toNumber = (v: Cell | undefined): number | null => {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
};
