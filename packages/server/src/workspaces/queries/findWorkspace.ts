// Owns reading a workspace by id.
import type { Db } from '../../store/Store.ts';
import type { Workspace } from '../WorkspaceService.ts';

export async function findWorkspace(db: Db, id: string): Promise<Workspace | null> {
  const rows = await db.query<Workspace & Record<string, unknown>>(
    'SELECT id, name, created_at FROM workspaces WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}
