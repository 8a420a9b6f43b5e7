// Owns which benchmark results every analysis statement reads: the workspace's, in the window, of a benchmark
// that exists (a result stored before its benchmark arrived is read once it has).
import { getDialect, type SqlValue, sqlTimestamp, type TimeWindow } from '@llm-analytics/core';
import type { Store } from '../store/Store.ts';

export interface ResultScope {
  /** Predicate on the results aliased `alias`. */
  where: (alias: string) => string;
  params: SqlValue[];
}

/** Binds the workspace ($1) and the window ($2, $3) first; callers bind further values after `params`. */
export function resultScope(
  dialect: Store['dialect'],
  workspaceId: string,
  window: TimeWindow | null,
): ResultScope {
  const d = getDialect(dialect);
  const params: SqlValue[] = [workspaceId];
  if (window) params.push(sqlTimestamp(window.from), sqlTimestamp(window.to));
  return {
    params,
    where: (a) =>
      [
        `${a}.workspace_id = $1`,
        ...(window
          ? [`${a}.created_at >= ${d.timestamp('$2')}`, `${a}.created_at < ${d.timestamp('$3')}`]
          : []),
        `EXISTS (SELECT 1 FROM benchmarks bm WHERE bm.workspace_id = $1 AND bm.id = ${a}.benchmark_id)`,
      ].join(' AND '),
  };
}
