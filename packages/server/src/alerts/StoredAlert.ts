// Owns the row shapes of the alert tables as queries read and write them, and reading their JSON and flags.
import { columnNames, type StoredRowOf, TABLES } from '@llm-analytics/core';

// Declared once in the catalogue: the rows as reads return them (JSON columns text on DuckDB, parsed on
// PostgreSQL; alertJson reads both; written as text) and the column lists inserts and selects use, in table order.
type Tables = typeof TABLES;
export type StoredRule = StoredRowOf<Tables['analytics_alert_rules']>;
export type StoredChannel = StoredRowOf<Tables['analytics_alert_channels']>;
export type StoredState = StoredRowOf<Tables['analytics_alert_states']>;
export type StoredEvent = StoredRowOf<Tables['analytics_alert_events']>;
export type StoredDelivery = StoredRowOf<Tables['analytics_alert_deliveries']>;

export const RULE_COLUMNS = columnNames(TABLES.analytics_alert_rules);
export const CHANNEL_COLUMNS = columnNames(TABLES.analytics_alert_channels);
export const STATE_COLUMNS = columnNames(TABLES.analytics_alert_states);
export const EVENT_COLUMNS = columnNames(TABLES.analytics_alert_events);
export const DELIVERY_COLUMNS = columnNames(TABLES.analytics_alert_deliveries);

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
