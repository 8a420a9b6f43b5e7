// Owns bringing a DuckDB database to the latest schema: each pending migration in its own transaction.
import type { DuckDBConnection } from '@duckdb/node-api';
import { MIGRATIONS } from '../migrations.ts';

export async function migrateDuckDB(w: DuckDBConnection): Promise<void> {
  await w.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL, name VARCHAR, applied_at TIMESTAMP)',
  );
  const done = await w.runAndReadAll('SELECT coalesce(max(version), 0)::INTEGER AS v FROM schema_migrations');
  const current = Number(done.getRowObjects()[0].v);
  const pending = MIGRATIONS.filter((m) => m.version > current);
  for (const m of pending) {
    await w.run('BEGIN');
    try {
      for (const stmt of m.sql('duckdb')) await w.run(stmt);
      await w.run('INSERT INTO schema_migrations VALUES ($1, $2, now())', [m.version, m.name]);
      await w.run('COMMIT');
    } catch (e) {
      await w.run('ROLLBACK').catch(() => {});
      throw e;
    }
  }
  // DDL must not linger in the WAL: replaying DDL after a crash is the known failure mode.
  if (pending.length) await w.run('CHECKPOINT');
}
