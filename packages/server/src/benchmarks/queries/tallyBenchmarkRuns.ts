// Owns the per-run tallies of benchmark results: counts, score sums and first and last result time.
import { getDialect, type RunTally } from '@llm-analytics/core';
import { epochMsSql } from '../../store/epochMsSql.ts';
import type { Db, Store } from '../../store/Store.ts';
import type { ResultScope } from '../resultScope.ts';

export function tallyBenchmarkRuns(
  db: Db,
  dialect: Store['dialect'],
  scope: ResultScope,
): Promise<RunTally[]> {
  const d = getDialect(dialect);
  const n = (sql: string) => `CAST(${sql} AS ${d.double})`;
  return db.query<RunTally & Record<string, unknown>>(
    `SELECT r.benchmark_id, r.model_id, r.run_id, ${n('count(*)')} AS judgments,
       ${n('sum(CASE WHEN r.passed THEN 1 ELSE 0 END)')} AS passed,
       ${n('sum(CASE WHEN NOT r.passed THEN 1 ELSE 0 END)')} AS failed,
       ${n('count(r.score)')} AS scored, ${n('coalesce(sum(r.score), 0)')} AS score_sum,
       ${n('coalesce(sum(r.score * r.score), 0)')} AS score_squares,
       ${epochMsSql('min(r.created_at)', d.double)} AS start_ms, ${epochMsSql('max(r.created_at)', d.double)} AS end_ms
     FROM benchmark_results r WHERE ${scope.where('r')}
     GROUP BY r.benchmark_id, r.model_id, r.run_id`,
    scope.params,
  );
}
