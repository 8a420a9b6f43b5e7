// Owns writing a new workspace row.
import type { Db } from '../../store/Store.ts';

export async function insertWorkspace(db: Db, id: string, name: string): Promise<void> {
  await db.query('INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, now())', [id, name]);
}
