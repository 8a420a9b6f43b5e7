// Owns checking whether any API key (revoked or not) has a secret's hash.
import type { Db } from '../../store/Store.ts';

export async function keyHashExists(db: Db, hash: string): Promise<boolean> {
  const rows = await db.query('SELECT id FROM api_keys WHERE hash = $1', [hash]);
  return rows.length > 0;
}
