// Owns writing a cohort's membership whole: the old rows out, the new ones in (run it in a transaction).
import { type DialectName, getDialect } from '@llm-analytics/core';
import type { Db } from '../../store/Store.ts';

/** Members per INSERT, bound as one JSON array: 100k members are a few statements, not 100k placeholders. */
const CHUNK = 50_000;

export async function replaceCohortMembers(
  db: Db,
  dialect: DialectName,
  workspaceId: string,
  cohortId: string,
  users: readonly string[],
): Promise<void> {
  await db.query('DELETE FROM analytics_cohort_members WHERE workspace_id = $1 AND cohort_id = $2', [
    workspaceId,
    cohortId,
  ]);
  const each = getDialect(dialect).jsonTextElements('$3');
  for (let i = 0; i < users.length; i += CHUNK) {
    await db.query(
      `INSERT INTO analytics_cohort_members (workspace_id, cohort_id, user_id) SELECT CAST($1 AS VARCHAR), CAST($2 AS VARCHAR), ${each}`,
      [workspaceId, cohortId, JSON.stringify(users.slice(i, i + CHUNK))],
    );
  }
}
