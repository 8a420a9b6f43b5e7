// Owns writing a cohort's membership whole: the old rows out, the new ones in (run it in a transaction).
import type { Db } from '../../store/Store.ts';

/** Rows per INSERT: three bound values each, well under either engine's parameter limit. */
const CHUNK = 1000;

export async function replaceCohortMembers(
  db: Db,
  workspaceId: string,
  cohortId: string,
  users: readonly string[],
): Promise<void> {
  await db.query('DELETE FROM analytics_cohort_members WHERE workspace_id = $1 AND cohort_id = $2', [
    workspaceId,
    cohortId,
  ]);
  for (let i = 0; i < users.length; i += CHUNK) {
    const chunk = users.slice(i, i + CHUNK);
    const params: string[] = [workspaceId, cohortId];
    const rows = chunk.map((u) => `($1, $2, $${params.push(u)})`);
    await db.query(
      `INSERT INTO analytics_cohort_members (workspace_id, cohort_id, user_id) VALUES ${rows.join(', ')}`,
      params,
    );
  }
}
