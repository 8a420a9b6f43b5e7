// Owns workspaces: the default one made on first start, lookup by id, creation and deletion with all rows.
import type { Store } from '../store/Store.ts';
import { findWorkspace } from './queries/findWorkspace.ts';
import { insertWorkspace } from './queries/insertWorkspace.ts';
import { listWorkspaces } from './queries/listWorkspaces.ts';

export const DEFAULT_WORKSPACE = 'default';

export interface Workspace {
  id: string;
  name: string;
  created_at: string;
}

export class WorkspaceService {
  private readonly created: ((id: string) => Promise<void>)[] = [];

  constructor(private readonly store: Store) {}

  /** Runs `fn` after each workspace this service creates (what every workspace starts with: alert rules). */
  onCreate(fn: (id: string) => Promise<void>): void {
    this.created.push(fn);
  }

  ensureDefault(): Promise<Workspace> {
    return this.store.transaction(async (tx) => {
      const found = await findWorkspace(tx, DEFAULT_WORKSPACE);
      if (found) return found;
      await insertWorkspace(tx, DEFAULT_WORKSPACE, 'Default workspace');
      return (await findWorkspace(tx, DEFAULT_WORKSPACE))!;
    });
  }

  async create(id: string, name: string): Promise<Workspace> {
    const ws = await this.store.transaction(async (tx) => {
      await insertWorkspace(tx, id, name);
      return (await findWorkspace(tx, id))!;
    });
    for (const fn of this.created) await fn(id);
    return ws;
  }

  get(id: string): Promise<Workspace | null> {
    return findWorkspace(this.store, id);
  }

  /** Deletes the workspace and every row that carries its workspace_id, in every table of the catalogue. */
  remove(id: string): Promise<void> {
    return this.store.removeWorkspace(id);
  }

  list(): Promise<Workspace[]> {
    return listWorkspaces(this.store);
  }
}
