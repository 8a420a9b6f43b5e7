// Owns the "N messages have no price" marker shown wherever a cost is, linking to the price book in Settings.
import type { QueryResult } from '../api/types';
import { useDashboard } from '../dashboard/DashboardContext';
import { formatValue } from '../ui/format';
import { canEditSettings, SETTINGS_ANCHOR } from './settingsAccess';

/** Messages with tokens that no price-book layer priced, from the reply's meta (cost replies carry it). */
export function unpricedCount(result: QueryResult | undefined): number {
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
