// Owns writing a new API key row (the secret only as its hash).
import type { Db } from '../../store/Store.ts';
import type { Scope } from '../ApiKeyService.ts';

interface NewApiKey {
  id: string;
  workspaceId: string;
  name: string | null;
  prefix: string;
  hash: string;
  scope: Scope;
  createdBy: string | null;
}

export async function insertApiKey(db: Db, k: NewApiKey): Promise<void> {
  await db.query(
    `INSERT INTO api_keys (id, workspace_id, name, prefix, hash, scope, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
    [k.id, k.workspaceId, k.name, k.prefix, k.hash, k.scope, k.createdBy],
  );
}
