// Owns writing an API key's last-used time.
import type { Db } from '../../store/Store.ts';

export async function updateKeyLastUsed(db: Db, id: string, at: string): Promise<void> {
  await db.query('UPDATE api_keys SET last_used_at = $2 WHERE id = $1', [id, at]);
}
