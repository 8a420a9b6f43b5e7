// Owns writing the schema an older server left: the migrations up to a version, recorded as applied, so a test
// can fill it the way that server did and prove the next start migrates it.
import type { DialectName } from '@llm-analytics/core';
import { MIGRATIONS } from '../../src/store/migrations.ts';

export async function migrateTo(
  run: (sql: string) => Promise<unknown>,
  dialect: DialectName,
  version: number,
): Promise<void> {
  await run('CREATE TABLE schema_migrations (version INTEGER NOT NULL, name VARCHAR, applied_at TIMESTAMP)');
  for (const m of MIGRATIONS.filter((x) => x.version <= version)) {
    for (const sql of m.sql(dialect)) await run(sql);
    await run(`INSERT INTO schema_migrations VALUES (${m.version}, '${m.name}', now())`);
  }
}
