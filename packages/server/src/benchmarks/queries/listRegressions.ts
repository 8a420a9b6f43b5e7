// Owns listing newly failed items: results of a pair's run that fail an item its other side passed, by pair and
// item, with the judge's text.
import { getDialect, type RegressionRow, type RunPair } from '@llm-analytics/core';
import { epochMsSql } from '../../store/epochMsSql.ts';
import type { Db, Store } from '../../store/Store.ts';
import { pairedOutcomesSql } from './pairedOutcomesSql.ts';
import type { ResultScope } from './resultScope.ts';

export async function listRegressions(
  db: Db,
  dialect: Store['dialect'],
  scope: ResultScope,
  pairs: readonly RunPair[],
  limit: number,
): Promise<RegressionRow[]> {
  if (pairs.length === 0) return [];
  const d = getDialect(dialect);
  const { sql, params } = pairedOutcomesSql(scope, pairs);
  const rows = await db.query<RegressionRow & { pair: string } & Record<string, unknown>>(
    `${sql}
    SELECT m.pair, m.id AS result_id, m.item_id, m.run_score AS score, m.judge, m.judgment,
      ${epochMsSql('m.created_at', d.double)} AS created_ms
    FROM m WHERE NOT m.run_passed AND m.against_passed
    ORDER BY CAST(m.pair AS INTEGER), m.item_id LIMIT ${Math.trunc(limit)}`,
    params,
  );
  return rows.map((r) => ({ ...r, pair: Number(r.pair) }));
}
