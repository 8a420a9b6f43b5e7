// Owns listing every workspace, oldest first.
import type { Db } from '../../store/Store.ts';
import type { Workspace } from '../WorkspaceService.ts';

export async function listWorkspaces(db: Db): Promise<Workspace[]> {
  return db.query<Workspace & Record<string, unknown>>(
    'SELECT id, name, created_at FROM workspaces ORDER BY created_at',
  );
}
