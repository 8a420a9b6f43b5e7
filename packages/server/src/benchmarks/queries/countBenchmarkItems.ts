// Owns counting the distinct items each model was judged on per benchmark.
import { getDialect, type ModelItems } from '@llm-analytics/core';
import type { Db, Store } from '../../store/Store.ts';
import type { ResultScope } from '../resultScope.ts';

export function countBenchmarkItems(
  db: Db,
  dialect: Store['dialect'],
  scope: ResultScope,
): Promise<ModelItems[]> {
  return db.query<ModelItems & Record<string, unknown>>(
    `SELECT r.benchmark_id, r.model_id, CAST(count(DISTINCT r.item_id) AS ${getDialect(dialect).double}) AS items
     FROM benchmark_results r WHERE ${scope.where('r')}
     GROUP BY r.benchmark_id, r.model_id`,
    scope.params,
  );
}
