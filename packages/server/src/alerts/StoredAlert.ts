// Owns the row shapes of the alert tables as queries read and write them, and reading their JSON and flags.

export interface StoredRule {
  workspace_id: string;
  id: string;
  name: string;
  description: string | null;
  /** JSON: text on DuckDB, parsed on PostgreSQL (alertJson reads both); written as text. */
  condition: unknown;
  cooldown_minutes: number;
  repeat_minutes: number | null;
  muted_until_ms: number | null;
  enabled: boolean;
  suggestion: string | null;
  last_evaluated_ms: number | null;
  created_by: string | null;
  created_ms: number;
  updated_ms: number;
}

export interface StoredChannel {
  workspace_id: string;
  id: string;
  rule_id: string;
  position: number;
  type: string;
  name: string;
  url: string | null;
  recipients: unknown;
  secret: string | null;
  enabled: boolean;
  consecutive_failures: number;
  disabled_reason: string | null;
  created_ms: number;
}

export interface StoredState {
  workspace_id: string;
  rule_id: string;
  slice_key: string;
  state: string;
  since_ms: number;
  value: number | null;
  last_notified_ms: number | null;
  notified: boolean;
  updated_ms: number;
}

export interface StoredEvent {
  workspace_id: string;
  id: string;
  rule_id: string;
  rule_name: string;
  slice_key: string;
  kind: string;
  from_state: string | null;
  to_state: string;
  value: number | null;
  threshold: number | null;
  anomaly_id: string | null;
  suppressed: string | null;
  at_ms: number;
}

export interface StoredDelivery {
  workspace_id: string;
  id: string;
  event_id: string;
  channel_id: string;
  channel_type: string;
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_ms: number | null;
  delivered_ms: number | null;
  message: unknown;
  created_ms: number;
}

export const RULE_COLUMNS = [
  'workspace_id',
  'id',
  'name',
  'description',
  'condition',
  'cooldown_minutes',
  'repeat_minutes',
  'muted_until_ms',
  'enabled',
  'suggestion',
  'last_evaluated_ms',
  'created_by',
  'created_ms',
  'updated_ms',
] as const satisfies readonly (keyof StoredRule)[];

export const CHANNEL_COLUMNS = [
  'workspace_id',
  'id',
  'rule_id',
  'position',
  'type',
  'name',
  'url',
  'recipients',
  'secret',
  'enabled',
  'consecutive_failures',
  'disabled_reason',
  'created_ms',
] as const satisfies readonly (keyof StoredChannel)[];

export const STATE_COLUMNS = [
  'workspace_id',
  'rule_id',
  'slice_key',
  'state',
  'since_ms',
  'value',
  'last_notified_ms',
  'notified',
  'updated_ms',
] as const satisfies readonly (keyof StoredState)[];

export const EVENT_COLUMNS = [
  'workspace_id',
  'id',
  'rule_id',
  'rule_name',
  'slice_key',
  'kind',
  'from_state',
  'to_state',
  'value',
  'threshold',
  'anomaly_id',
  'suppressed',
  'at_ms',
] as const satisfies readonly (keyof StoredEvent)[];

export const DELIVERY_COLUMNS = [
  'workspace_id',
  'id',
  'event_id',
  'channel_id',
  'channel_type',
  'status',
  'attempts',
  'last_error',
  'next_attempt_ms',
  'delivered_ms',
  'message',
  'created_ms',
] as const satisfies readonly (keyof StoredDelivery)[];

/** A JSON column's value, whichever engine read it. */
export function alertJson(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? JSON.parse(v) : v;
}

export type SqlCell = string | number | boolean | null;

/** `row`'s values in `columns` order, objects (JSON columns) as text. */
export function rowValues<T extends object>(row: T, columns: readonly (keyof T & string)[]): SqlCell[] {
  return columns.map((c) => {
    const v = row[c] as unknown;
    if (v === undefined || v === null) return null;
    if (typeof v === 'object') return JSON.stringify(v);
    return v as SqlCell;
  });
}

/** `INSERT INTO table (cols) VALUES ($1…)` for one row. */
export function insertSql(table: string, columns: readonly string[]): string {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
}
