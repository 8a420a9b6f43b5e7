// Owns the "N messages have no price" marker shown wherever a cost is, linking to the price book in Settings.
import type { QueryResult, Row } from '../api/types';
import { useDashboard } from '../dashboard/DashboardContext';
import { formatValue, toNumber } from '../ui/format';
import { UNPRICED_METRIC } from '../widgets/queryParts';
import { canEditSettings, SETTINGS_ANCHOR } from './settingsAccess';

/** A row's unpriced messages; 0 when the row does not carry the metric. */
export function rowUnpriced(row: Row): number {
  const n = toNumber(row[UNPRICED_METRIC]);
  return n !== null && n > 0 ? n : 0;
}

/**
 * Messages with tokens that no price-book layer priced. From the reply's meta (cost replies carry it), or, when
 * the shown rows carry the per-group count, its sum over them: the meta counts groups a widget drops (the
 * model table's user messages without a model), so only the sum agrees with the rows' markers. Tables asking
 * for the metric group by message dimensions, where each message sits in one row and the sum counts it once.
 */
export function unpricedCount(result: QueryResult | undefined, rows?: Row[]): number {
  if (rows?.some((r) => UNPRICED_METRIC in r)) return rows.reduce((n, r) => n + rowUnpriced(r), 0);
  const n = result?.meta?.unpriced_messages;
  return typeof n === 'number' && n > 0 ? n : 0;
}

/** The id of a chart's note, which its cost columns' markers point to. */
export const unpricedNoteId = (chartId: string): string => `unpriced-${chartId}`;

export function unpricedText(count: number): string {
  return `${formatValue(count, 'count')} ${count === 1 ? 'message has' : 'messages have'} no price`;
}

/**
 * Nothing when every message is priced. The link opens the settings panel (collapsed by default) and scrolls
 * to it; viewers cannot edit prices, so they are told who can instead of getting a link to nothing.
 */
export function UnpricedNote({ count, id }: { count: number; id?: string }) {
  const { role, state, toggleCollapsed } = useDashboard();
  if (count <= 0) return null;
  const text = unpricedText(count);
  const open = () => {
    if (state.collapsed[SETTINGS_ANCHOR] === true) toggleCollapsed(SETTINGS_ANCHOR);
    // After the panel has rendered open, so the price book is where the page scrolls to.
    requestAnimationFrame(() => document.getElementById(SETTINGS_ANCHOR)?.scrollIntoView({ block: 'start' }));
  };
  return (
    <p className="unpriced-note" data-testid="unpriced-note" data-count={count} id={id}>
      <span aria-hidden="true">⚠ </span>
      {canEditSettings(role) ? (
        <a href={`#${SETTINGS_ANCHOR}`} onClick={open}>
          {text}: set one in Settings
        </a>
      ) : (
        `${text}: an admin can set one in Settings`
      )}
    </p>
  );
}
