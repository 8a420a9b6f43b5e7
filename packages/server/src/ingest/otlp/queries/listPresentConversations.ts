// Owns finding which of some conversation ids a workspace already has.
import type { Db } from '../../../store/Store.ts';

export async function listPresentConversations(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const list = ids.map((_, i) => `$${i + 2}`).join(', ');
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM conversations WHERE workspace_id = $1 AND id IN (${list})`,
    [workspaceId, ...ids],
  );
  return new Set(rows.map((r) => r.id));
}
