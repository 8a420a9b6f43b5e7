// Owns the PostgreSQL store: the shared server engine (DATABASE_URL), same schema, upserts by id.
import pg from 'pg';
import { conversationRepairs, MESSAGE_REPAIR, storedContext } from '../contextSql.ts';
import type { FactScope } from '../FactScope.ts';
import { groupByWorkspace } from '../groupByWorkspace.ts';
import { enrichRows, type StoredHints } from '../messageContext.ts';
import { MIGRATIONS } from '../migrations.ts';
import { latestById, type RowSet } from '../RowSet.ts';
import type { Row, SqlValue, Store, Tx } from '../Store.ts';
import { assignCodes, type CodeBook } from '../valueCodes.ts';
import { WORKSPACE_DELETES } from '../workspaceDeletes.ts';
import { upsertRows } from './upsertRows.ts';

const parseTimestamp = (s: string) => new Date(`${s.replace(' ', 'T')}Z`).toISOString();
const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (s: string) => Number(s); // int8, numeric → number
    if (oid === 1114) return parseTimestamp; // timestamp (stored as UTC)
    if (oid === 1184) return (s: string) => new Date(s).toISOString();
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** Several instances share the database, so nothing local knows what is stored: look up and repair always. */
const EVERYTHING_MAY_EXIST: StoredHints = { conversation: () => true, message: () => true };

const CONVERSATION_REPAIRS = conversationRepairs().map((r) => r.sql);

const contextSource = (c: pg.PoolClient) =>
  storedContext(
    async (sql, params) => (await c.query(sql, params)).rows,
    (col) => `round(extract(epoch from ${col}) * 1000)::float8`,
  );

/** Orders writes of one workspace across instances: its commits, and its removal. */
const lockWorkspace = (c: { query(sql: string, params: string[]): Promise<unknown> }, ws: string) =>
  c.query('SELECT pg_advisory_xact_lock(7427002, hashtext($1))', [ws]);

/** Codes read and created under the commit's workspace lock, so two instances never number a value twice. */
function codeBook(c: pg.PoolClient): CodeBook {
  return {
    async codes(ws, values) {
      const known = await c.query(
        'SELECT value, code FROM value_codes WHERE workspace_id = $1 AND value = ANY($2)',
        [ws, values],
      );
      const out = new Map<string, number>(known.rows.map((r) => [r.value as string, Number(r.code)]));
      const missing = values.filter((v) => !out.has(v));
      if (missing.length === 0) return out;
      const top = await c.query(
        'SELECT coalesce(max(code), 0)::int AS n FROM value_codes WHERE workspace_id = $1',
        [ws],
      );
      for (const [i, v] of missing.entries()) out.set(v, top.rows[0].n + i + 1);
      await c.query(
        'INSERT INTO value_codes (workspace_id, code, value) SELECT $1, * FROM unnest($2::int[], $3::text[])',
        [ws, missing.map((v) => out.get(v)), missing],
      );
      return out;
    },
  };
}

async function repair(c: pg.PoolClient, statements: string[], rows: { workspace_id: string; id: string }[]) {
  for (const [ws, ids] of groupByWorkspace(rows.map((r) => [r.workspace_id, r.id] as const))) {
    for (const sql of statements) await c.query(sql, [ws, ids]);
  }
}

export class PostgresStore implements Store {
  readonly dialect = 'postgres' as const;
  /** One commit at a time per instance: each takes a pooled client and its workspaces' locks. */
  readonly concurrentCommits = 1;

  private constructor(
    readonly location: string,
    private readonly pool: pg.Pool,
  ) {}

  static async open(url: string, opts: { poolSize?: number } = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.poolSize ?? 8,
      types: TYPES,
      options: '-c timezone=UTC',
    });
    const store = new PostgresStore(url.replace(/\/\/[^@]*@/, '//***@'), pool);
    await store.migrate();
    return store;
  }

  private async migrate(): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query('SELECT pg_advisory_lock(7427001)'); // several instances may start at once
      await c.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL, name VARCHAR, applied_at TIMESTAMP)',
      );
      const { rows } = await c.query('SELECT coalesce(max(version), 0)::int AS v FROM schema_migrations');
      for (const m of MIGRATIONS.filter((x) => x.version > rows[0].v)) {
        await c.query('BEGIN');
        try {
          for (const stmt of m.sql('postgres')) await c.query(stmt);
          await c.query('INSERT INTO schema_migrations VALUES ($1, $2, now())', [m.version, m.name]);
          await c.query('COMMIT');
        } catch (e) {
          await c.query('ROLLBACK');
          throw e;
        }
      }
    } finally {
      await c.query('SELECT pg_advisory_unlock(7427001)').catch(() => {});
      c.release();
    }
  }

  async query<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const r = await this.pool.query(sql, params as unknown[]);
    return r.rows as T[];
  }

  /** On one pooled client; other statements run on other clients meanwhile, as PostgreSQL isolates them. */
  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const result = await fn({
        query: async <R extends Row = Row>(sql: string, params: readonly SqlValue[] = []) =>
          (await c.query(sql, params as unknown[])).rows as R[],
      });
      await c.query('COMMIT');
      return result;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  /** Under the workspace's lock, so no instance's commit of it interleaves (its codes, its context). */
  async removeWorkspace(workspaceId: string): Promise<void> {
    await this.transaction(async (tx) => {
      await lockWorkspace(tx, workspaceId);
      for (const sql of WORKSPACE_DELETES) await tx.query(sql, [workspaceId]);
    });
  }

  factScope(workspaceId: string): FactScope {
    return { column: 'workspace_id', value: workspaceId };
  }

  async commit(rows: RowSet): Promise<void> {
    const deduped = latestById(rows);
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      // Other instances may write the same workspace: a per-workspace lock orders commits, so a parent and
      // its late child committed at once on two instances cannot both miss each other's context.
      const { models, conversations, messages, evaluations, spans, benchmarks, benchmark_results } = deduped;
      const workspaces = [
        ...new Set(
          [
            ...models,
            ...conversations,
            ...messages,
            ...evaluations,
            ...spans,
            ...benchmarks,
            ...benchmark_results,
          ].map((r) => r.workspace_id),
        ),
      ];
      for (const ws of workspaces.sort()) await lockWorkspace(c, ws);
      const coded = await assignCodes(deduped, codeBook(c));
      const enriched = await enrichRows(coded, contextSource(c), EVERYTHING_MAY_EXIST);
      await upsertRows(c, enriched);
      await repair(c, CONVERSATION_REPAIRS, deduped.conversations);
      await repair(c, [MESSAGE_REPAIR], deduped.messages);
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
