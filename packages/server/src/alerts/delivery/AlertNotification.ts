// Owns the message one notification carries to every channel: what fired, where, the value against the threshold.
import type { AlertComparator, AlertNotificationKind, AlertState } from '@llm-analytics/core';

/** Stored with each delivery (a retry sends the same message) and sent as a webhook's `data`. */
export interface AlertNotification {
  event_id: string;
  kind: AlertNotificationKind;
  workspace_id: string;
  rule: { id: string; name: string; description: string | null };
  /** `overall`, `model:<id>`, `provider:<id>`. */
  slice_key: string;
  state: AlertState;
  /** Threshold rules: the metric, its value over the window, the comparator and threshold. */
  metric: string | null;
  value: number | null;
  comparator: AlertComparator | null;
  threshold: number | null;
  window_minutes: number | null;
  /** Anomaly rules: the open anomaly that fired the rule. */
  anomaly_id: string | null;
  at: string;
  /** The dashboard's Alerts page for this rule. */
  url: string;
}

/** How a comparator reads in a message. */
export const COMPARATOR_SYMBOLS: Record<AlertComparator, string> = { gt: '>', gte: '≥', lt: '<', lte: '≤' };

/** "firing", "resolved", "still firing", "test". */
export function kindWord(kind: AlertNotificationKind): string {
  return kind === 'repeat' ? 'still firing' : kind;
}

/** The notification's headline, e.g. `[firing] Error-rate spike per model (model:gpt-4o)`. */
export function notificationTitle(n: AlertNotification): string {
  const slice = n.slice_key === 'overall' ? '' : ` (${n.slice_key})`;
  return `[${kindWord(n.kind)}] ${n.rule.name}${slice}`;
}

/** The value against the threshold in words, e.g. `error_rate = 7.5 (threshold > 5, last 15 min)`. */
export function notificationDetail(n: AlertNotification): string {
  if (n.comparator === null) {
    // An anomaly rule: what fired it, or that nothing does any more.
    const of = n.metric ? ` of ${n.metric}` : '';
    if (n.anomaly_id !== null) return `open anomaly ${n.anomaly_id}${of}`;
    return n.kind === 'test' ? 'test notification' : `no open anomaly${of} any more`;
  }
  const value = n.value === null ? 'no data' : formatNumber(n.value);
  const threshold = n.threshold === null ? '' : ` ${formatNumber(n.threshold)}`;
  return `${n.metric} = ${value} (threshold ${COMPARATOR_SYMBOLS[n.comparator]}${threshold}, last ${n.window_minutes} min)`;
}

export function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(Math.abs(v) >= 100 ? 1 : 3).replace(/0+$/, '');
}
