// Owns the item-level tallies of the planned run pairs: items per side, matched items, the 2×2 of outcomes and
// the per-item score differences.
import { getDialect, type PairTally, type RunPair } from '@llm-analytics/core';
import type { Db, Store } from '../../store/Store.ts';
import { pairedOutcomesSql } from './pairedOutcomesSql.ts';
import type { ResultScope } from './resultScope.ts';

const EMPTY: PairTally = {
  run_items: 0,
  against_items: 0,
  matched: 0,
  both_passed: 0,
  run_only_passed: 0,
  against_only_passed: 0,
  both_failed: 0,
  scored_pairs: 0,
  difference_sum: 0,
  difference_squares: 0,
};

/** One tally per pair, at the pair's index. */
export async function tallyRunPairs(
  db: Db,
  dialect: Store['dialect'],
  scope: ResultScope,
  pairs: readonly RunPair[],
): Promise<PairTally[]> {
  if (pairs.length === 0) return [];
  const d = getDialect(dialect);
  const n = (sql: string) => `CAST(${sql} AS ${d.double})`;
  const count = (cond: string) => n(`sum(CASE WHEN ${cond} THEN 1 ELSE 0 END)`);
  const { sql, params } = pairedOutcomesSql(scope, pairs);
  const side = (model: string, run: string) =>
    `(SELECT ${n('count(*)')} FROM o WHERE o.benchmark_id = p.benchmark_id AND o.model_id = p.${model} AND o.run_id = p.${run})`;
  const rows = await db.query<PairTally & { pair: string } & Record<string, unknown>>(
    `${sql},
    t AS (
      SELECT m.pair, ${n('count(*)')} AS matched, ${count('m.run_passed AND m.against_passed')} AS both_passed,
        ${count('m.run_passed AND NOT m.against_passed')} AS run_only_passed,
        ${count('NOT m.run_passed AND m.against_passed')} AS against_only_passed,
        ${count('NOT m.run_passed AND NOT m.against_passed')} AS both_failed,
        ${n('count(m.run_score - m.against_score)')} AS scored_pairs,
        ${n('coalesce(sum(m.run_score - m.against_score), 0)')} AS difference_sum,
        ${n('coalesce(sum((m.run_score - m.against_score) * (m.run_score - m.against_score)), 0)')} AS difference_squares
      FROM m GROUP BY m.pair)
    SELECT p.pair, ${side('run_model', 'run_run')} AS run_items, ${side('against_model', 'against_run')} AS against_items,
      t.matched, t.both_passed, t.run_only_passed, t.against_only_passed, t.both_failed, t.scored_pairs,
      t.difference_sum, t.difference_squares
    FROM p LEFT JOIN t ON t.pair = p.pair`,
    params,
  );
  const out = pairs.map(() => ({ ...EMPTY }));
  for (const r of rows) {
    const tally = out[Number(r.pair)];
    for (const k of Object.keys(EMPTY) as (keyof PairTally)[]) tally[k] = Number(r[k] ?? 0);
  }
  return out;
}
