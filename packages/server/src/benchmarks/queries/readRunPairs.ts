// Owns the item-level read of the planned run pairs, in one statement: each pair's tally (items per side,
// matched items, the 2×2 of outcomes, the per-item score differences) and the first newly failed items (a
// pair's run fails an item its other side passed), by pair and item, with the judge's text.
import { getDialect, type PairTally, type RegressionRow, type RunPair } from '@llm-analytics/core';
import { epochMsSql } from '../../store/epochMsSql.ts';
import type { Db, Store } from '../../store/Store.ts';
import { pairedOutcomesSql } from '../pairedOutcomesSql.ts';
import type { ResultScope } from '../resultScope.ts';

const TALLY_KEYS = [
  'run_items',
  'against_items',
  'matched',
  'both_passed',
  'run_only_passed',
  'against_only_passed',
  'both_failed',
  'scored_pairs',
  'difference_sum',
  'difference_squares',
] as const satisfies readonly (keyof PairTally)[];

type Row = Record<string, unknown> & { pair: string; row_kind: string };

/** One tally per pair (at the pair's index), and at most `limit` regressions. */
export async function readRunPairs(
  db: Db,
  dialect: Store['dialect'],
  scope: ResultScope,
  pairs: readonly RunPair[],
  limit: number,
): Promise<{ tallies: PairTally[]; regressions: RegressionRow[] }> {
  const tallies = pairs.map(() => Object.fromEntries(TALLY_KEYS.map((k) => [k, 0])) as unknown as PairTally);
  if (pairs.length === 0) return { tallies, regressions: [] };
  const d = getDialect(dialect);
  const n = (sql: string) => `CAST(${sql} AS ${d.double})`;
  const count = (cond: string) => n(`sum(CASE WHEN ${cond} THEN 1 ELSE 0 END)`);
  const diff = '(m.run_score - m.against_score)';
  const { sql, params } = pairedOutcomesSql(scope, pairs);
  // Both parts share the columns: a tally leaves the regression's NULL, and the other way round.
  const rows = await db.query<Row>(
    `${sql},
    sides AS (SELECT benchmark_id, model_id, run_id, ${n('count(*)')} AS items FROM o GROUP BY benchmark_id, model_id, run_id),
    t AS (
      SELECT m.pair, ${n('count(*)')} AS matched, ${count('m.run_passed AND m.against_passed')} AS both_passed,
        ${count('m.run_passed AND NOT m.against_passed')} AS run_only_passed,
        ${count('NOT m.run_passed AND m.against_passed')} AS against_only_passed,
        ${count('NOT m.run_passed AND NOT m.against_passed')} AS both_failed,
        ${n(`count(${diff})`)} AS scored_pairs, ${n(`coalesce(sum(${diff}), 0)`)} AS difference_sum,
        ${n(`coalesce(sum(${diff} * ${diff}), 0)`)} AS difference_squares
      FROM m GROUP BY m.pair),
    r AS (
      SELECT m.pair, m.id, m.item_id, m.run_score, m.judge, m.judgment, m.created_at FROM m
      WHERE NOT m.run_passed AND m.against_passed
      ORDER BY CAST(m.pair AS INTEGER), m.item_id LIMIT ${Math.trunc(limit)})
    SELECT 'tally' AS row_kind, p.pair, sa.items AS run_items, sb.items AS against_items, t.matched, t.both_passed,
      t.run_only_passed, t.against_only_passed, t.both_failed, t.scored_pairs, t.difference_sum, t.difference_squares,
      NULL AS result_id, NULL AS item_id, NULL AS score, NULL AS judge, NULL AS judgment, NULL AS created_ms
    FROM p
    LEFT JOIN t ON t.pair = p.pair
    LEFT JOIN sides sa ON sa.benchmark_id = p.benchmark_id AND sa.model_id = p.run_model AND sa.run_id = p.run_run
    LEFT JOIN sides sb ON sb.benchmark_id = p.benchmark_id AND sb.model_id = p.against_model AND sb.run_id = p.against_run
    UNION ALL
    SELECT 'regression', r.pair, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, r.id, r.item_id,
      r.run_score, r.judge, r.judgment, ${epochMsSql('r.created_at', d.double)}
    FROM r`,
    params,
  );
  const regressions: RegressionRow[] = [];
  for (const row of rows) {
    if (row.row_kind === 'tally') {
      const t = tallies[Number(row.pair)];
      for (const k of TALLY_KEYS) t[k] = Number(row[k] ?? 0);
    } else {
      regressions.push({
        pair: Number(row.pair),
        result_id: String(row.result_id),
        item_id: String(row.item_id),
        score: row.score === null ? null : Number(row.score),
        judge: (row.judge as string | null) ?? null,
        judgment: (row.judgment as string | null) ?? null,
        created_ms: Number(row.created_ms),
      });
    }
  }
  // UNION ALL keeps no order: the regressions come back in the limit's order only once sorted again.
  regressions.sort((a, b) => a.pair - b.pair || (a.item_id < b.item_id ? -1 : a.item_id > b.item_id ? 1 : 0));
  return { tallies, regressions };
}
