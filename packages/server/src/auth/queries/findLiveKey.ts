// Owns reading the unrevoked API key of a secret's hash.
import type { Db } from '../../store/Store.ts';
import type { Scope } from '../ApiKeyService.ts';

interface LiveKey {
  id: string;
  workspace_id: string;
  scope: Scope;
  prefix: string;
}

export async function findLiveKey(db: Db, hash: string): Promise<LiveKey | null> {
  const rows = await db.query<LiveKey & Record<string, unknown>>(
    'SELECT id, workspace_id, scope, prefix FROM api_keys WHERE hash = $1 AND revoked_at IS NULL',
    [hash],
  );
  return rows[0] ?? null;
}
