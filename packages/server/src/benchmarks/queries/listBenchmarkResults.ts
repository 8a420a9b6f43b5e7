// Owns reading a workspace's benchmark results in a window, with the benchmark each belongs to known (a result
// that arrived before its benchmark is stored, and read here once the benchmark exists).
import { type BenchmarkResultRowInput, getDialect, sqlTimestamp, type TimeWindow } from '@llm-analytics/core';
import { epochMsSql } from '../../store/epochMsSql.ts';
import type { Db, Store } from '../../store/Store.ts';

export function listBenchmarkResults(
  db: Db,
  dialect: Store['dialect'],
  workspaceId: string,
  window: TimeWindow | null,
): Promise<BenchmarkResultRowInput[]> {
  const d = getDialect(dialect);
  const params: (string | number)[] = [workspaceId];
  let inWindow = '';
  if (window) {
    params.push(sqlTimestamp(window.from), sqlTimestamp(window.to));
    inWindow = ` AND r.created_at >= ${d.timestamp('$2')} AND r.created_at < ${d.timestamp('$3')}`;
  }
  return db.query<BenchmarkResultRowInput & Record<string, unknown>>(
    `SELECT r.id, r.benchmark_id, r.run_id, r.model_id, r.item_id, r.passed, r.score, r.judge, r.judgment,
       ${epochMsSql('r.created_at', d.double)} AS created_ms
     FROM benchmark_results r
     WHERE r.workspace_id = $1${inWindow}
       AND EXISTS (SELECT 1 FROM benchmarks b WHERE b.workspace_id = $1 AND b.id = r.benchmark_id)`,
    params,
  );
}
