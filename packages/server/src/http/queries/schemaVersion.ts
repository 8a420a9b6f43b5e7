// Owns reading the database's schema version (the last migration applied).
import type { Db } from '../../store/Store.ts';

export async function schemaVersion(db: Db): Promise<number> {
  const [m] = await db.query<{ v: number }>('SELECT max(version) AS v FROM schema_migrations');
  return m?.v ?? 0;
}
