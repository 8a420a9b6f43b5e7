// Owns reading the extent of a workspace's messages (first and last created_at).
import type { FactScope } from '../../store/FactScope.ts';
import type { Db } from '../../store/Store.ts';

export async function findDataSpan(db: Db, ws: FactScope): Promise<{ lo: string | null; hi: string | null }> {
  const [span] = await db.query<{ lo: string | null; hi: string | null }>(
    `SELECT min(created_at) AS lo, max(created_at) AS hi FROM messages WHERE ${ws.column} = $1`,
    [ws.value],
  );
  return span ?? { lo: null, hi: null };
}
