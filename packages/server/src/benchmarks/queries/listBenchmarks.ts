// Owns reading a workspace's benchmarks (the ingested suites' descriptions).
import type { BenchmarkInfo } from '@llm-analytics/core';
import type { Db } from '../../store/Store.ts';

export function listBenchmarks(db: Db, workspaceId: string): Promise<BenchmarkInfo[]> {
  return db.query<BenchmarkInfo & Record<string, unknown>>(
    `SELECT id, name, description, task_type, dataset, metric FROM benchmarks WHERE workspace_id = $1
     ORDER BY id`,
    [workspaceId],
  );
}
