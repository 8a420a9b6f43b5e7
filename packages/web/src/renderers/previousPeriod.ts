// Owns placing a reply's previous-period rows on the current period's time axis (shifted by the window gap).
import type { QueryResult, Row } from '../api/types';

interface Windows {
  window?: { from: string } | null;
  comparison_window?: { from: string };
}

/** The comparison rows with `time` moved forward one window, or null without a comparison. */
export function previousPeriod(result: QueryResult | undefined): Row[] | null {
  const meta = result?.meta as Windows | undefined;
  const rows = result?.comparison?.rows;
  if (!rows || !meta?.window || !meta.comparison_window) return null;
  const shift = Date.parse(meta.window.from) - Date.parse(meta.comparison_window.from);
  if (!Number.isFinite(shift)) return null;
  return rows.map((r) => ({
    ...r,
    time: typeof r.time === 'string' ? new Date(Date.parse(r.time) + shift).toISOString() : r.time,
  }));
}
