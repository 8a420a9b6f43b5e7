// Owns ending one session by id.
import type { Db } from '../../store/Store.ts';

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id = $1', [id]);
}
