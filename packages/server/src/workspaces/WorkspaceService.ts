// Owns workspaces: the default one made on first start, lookup by id.
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

  async list(): Promise<Workspace[]> {
    return this.store.query<Workspace & Record<string, unknown>>(
      'SELECT id, name, created_at FROM workspaces ORDER BY created_at',
    );
  }
}
