// Owns the CTEs of the item-level comparison: the planned pairs (bound as parallel arrays), and each item's
// outcome in the runs they name (its latest judgment, by time and then id).
import type { RunPair, SqlValue } from '@llm-analytics/core';
import type { ResultScope } from './resultScope.ts';

/** `WITH p (pairs), o (outcomes), m (matched items)`, binding the pairs after the scope's parameters. */
export function pairedOutcomesSql(
  scope: ResultScope,
  pairs: readonly RunPair[],
): { sql: string; params: SqlValue[] } {
  const params: SqlValue[] = [...scope.params];
  const list = (values: string[]) => {
    params.push(values);
    return `unnest(CAST($${params.length} AS VARCHAR[]))`;
  };
  const p = `SELECT ${list(pairs.map((_, i) => String(i)))} AS pair, ${list(pairs.map((x) => x.benchmark_id))} AS benchmark_id,
      ${list(pairs.map((x) => x.run.model_id))} AS run_model, ${list(pairs.map((x) => x.run.run_id))} AS run_run,
      ${list(pairs.map((x) => x.against.model_id))} AS against_model, ${list(pairs.map((x) => x.against.run_id))} AS against_run`;
  const sql = `WITH p AS (${p}),
    wanted AS (SELECT DISTINCT benchmark_id, run_model AS model_id, run_run AS run_id FROM p
      UNION SELECT DISTINCT benchmark_id, against_model, against_run FROM p),
    ranked AS (
      SELECT r.benchmark_id, r.model_id, r.run_id, r.item_id, r.id, r.passed, r.score, r.judge, r.judgment, r.created_at,
        row_number() OVER (PARTITION BY r.benchmark_id, r.model_id, r.run_id, r.item_id ORDER BY r.created_at DESC, r.id DESC) AS k
      FROM benchmark_results r
      JOIN wanted w ON w.benchmark_id = r.benchmark_id AND w.model_id = r.model_id AND w.run_id = r.run_id
      WHERE ${scope.where('r')}),
    o AS MATERIALIZED (SELECT * FROM ranked WHERE k = 1),
    m AS (
      SELECT p.pair, a.item_id, a.id, a.passed AS run_passed, b.passed AS against_passed, a.score AS run_score,
        b.score AS against_score, a.judge, a.judgment, a.created_at
      FROM p
      JOIN o a ON a.benchmark_id = p.benchmark_id AND a.model_id = p.run_model AND a.run_id = p.run_run
      JOIN o b ON b.benchmark_id = p.benchmark_id AND b.model_id = p.against_model AND b.run_id = p.against_run
        AND b.item_id = a.item_id)`;
  return { sql, params };
}
