// Owns PostgreSQL bulk upserts: one INSERT … SELECT FROM unnest(arrays) … ON CONFLICT per table, each
// statement and its column accessors derived from the catalogue once, at load.
import { getDialect, type PhysicalColumn, TABLES, type TableDef, tableColumns } from '@llm-analytics/core';
import type pg from 'pg';
import { type EnrichedRowSet, toolCallRows } from '../messageContext.ts';

type Row = Record<string, unknown>;
const TABLE_NAMES = [
  'models',
  'conversations',
  'messages',
  'tool_calls',
  'evaluations',
  'spans',
  'benchmarks',
  'benchmark_results',
] as const;
type Table = (typeof TABLE_NAMES)[number];

/** ISO text of epoch ms; a fractional part (span times) keeps its microseconds, as DuckDB's insert does. */
function iso(ms: unknown): string | null {
  if (ms === null || ms === undefined) return null;
  const whole = Math.floor(ms as number);
  const us = Math.round(((ms as number) - whole) * 1000);
  if (us === 0 || us === 1000) return new Date(whole + us / 1000).toISOString();
  return new Date(whole).toISOString().replace('Z', `${String(us).padStart(3, '0')}Z`);
}

/** A column's value as it travels: timestamps as ISO text; text arrays as JSON text (unnest() would flatten
 *  text[][]), rebuilt per row in SQL; JSON columns already hold their text. */
function accessor({ name, type }: PhysicalColumn): (r: Row) => unknown {
  if (type === 'timestamp') return (r) => iso(r[name]);
  if (type === 'text[]') return (r) => (r[name] ? JSON.stringify(r[name]) : null);
  return (r) => r[name] ?? null;
}

interface Upsert {
  sql: string;
  pick: ((r: Row) => unknown)[];
}

function upsert(table: Table): Upsert {
  const t: TableDef = TABLES[table];
  const cols = tableColumns(t, 'postgres');
  const d = getDialect('postgres');
  const names = cols.map((c) => c.name);
  const params = cols.map((c, i) => `$${i + 1}::${d.columnType(c.type === 'text[]' ? 'json' : c.type)}[]`);
  const select = cols.map(({ name, type }) =>
    type === 'text[]'
      ? `CASE WHEN x.${name} IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(x.${name})) END`
      : `x.${name}`,
  );
  const updates = names.filter((n) => !t.key.columns.includes(n)).map((n) => `${n} = EXCLUDED.${n}`);
  const conflict = t.key.unique
    ? ` ON CONFLICT (${t.key.columns.join(', ')}) DO UPDATE SET ${updates.join(', ')}`
    : '';
  return {
    sql: `INSERT INTO ${table} (${names.join(', ')}) SELECT ${select.join(', ')}
      FROM unnest(${params.join(', ')}) AS x(${names.join(', ')})${conflict}`,
    pick: cols.map(accessor),
  };
}

const UPSERTS = Object.fromEntries(TABLE_NAMES.map((t) => [t, upsert(t)])) as Record<Table, Upsert>;

async function write(c: pg.PoolClient, table: Table, rows: readonly object[]): Promise<void> {
  if (!rows.length) return;
  const { sql, pick } = UPSERTS[table];
  await c.query(
    sql,
    pick.map((f) => (rows as Row[]).map(f)),
  );
}

export async function upsertRows(c: pg.PoolClient, rows: EnrichedRowSet): Promise<void> {
  await write(c, 'models', rows.models);
  await write(c, 'conversations', rows.conversations);
  await write(c, 'messages', rows.messages);
  if (rows.messages.length) {
    // A re-sent message replaces its tool calls: drop the old ones, then insert the new.
    await c.query(
      `DELETE FROM tool_calls t USING unnest($1::text[], $2::text[]) AS x(ws, id)
       WHERE t.workspace_id = x.ws AND t.message_id = x.id`,
      [rows.messages.map((m) => m.workspace_id), rows.messages.map((m) => m.id)],
    );
    await write(c, 'tool_calls', rows.messages.flatMap(toolCallRows));
  }
  await write(c, 'evaluations', rows.evaluations);
  await write(c, 'spans', rows.spans);
  await write(c, 'benchmarks', rows.benchmarks);
  await write(c, 'benchmark_results', rows.benchmark_results);
}
