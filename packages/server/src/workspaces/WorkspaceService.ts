// Owns workspaces: the default one made on first start, lookup by id, creation and deletion with all rows.
import type { Store } from '../store/Store.ts';

export const DEFAULT_WORKSPACE = 'default';

export interface Workspace {
  id: string;
  name: string;
  created_at: string;
}

export class WorkspaceService {
  constructor(private readonly store: Store) {}

  async ensureDefault(): Promise<Workspace> {
    const found = await this.get(DEFAULT_WORKSPACE);
    if (found) return found;
    await this.store.query('INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, now())', [
      DEFAULT_WORKSPACE,
      'Default workspace',
    ]);
    return (await this.get(DEFAULT_WORKSPACE))!;
  }

  async create(id: string, name: string): Promise<Workspace> {
    await this.store.query('INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, now())', [
      id,
      name,
    ]);
    return (await this.get(id))!;
  }

  async get(id: string): Promise<Workspace | null> {
    const rows = await this.store.query<Workspace & Record<string, unknown>>(
      'SELECT id, name, created_at FROM workspaces WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * Deletes the workspace and every row that carries its workspace_id, in every table (found in the
   * catalog, so tables added later are covered too).
   */
  async remove(id: string): Promise<void> {
    const tables = await this.store.query<{ t: string }>(
      `SELECT DISTINCT c.table_name AS t FROM information_schema.columns c
       JOIN information_schema.tables x ON x.table_schema = c.table_schema AND x.table_name = c.table_name
       WHERE c.column_name = 'workspace_id' AND c.table_schema IN ('main', 'public')
         AND x.table_type = 'BASE TABLE'`,
    );
    for (const { t } of tables) {
      await this.store.query(`DELETE FROM "${t.replaceAll('"', '""')}" WHERE workspace_id = $1`, [id]);
    }
    await this.store.query('DELETE FROM workspaces WHERE id = $1', [id]);
    this.store.forgetWorkspace?.(id);
  }

  async list(): Promise<Workspace[]> {
    return this.store.query<Workspace & Record<string, unknown>>(
      'SELECT id, name, created_at FROM workspaces ORDER BY created_at',
    );
  }
}
