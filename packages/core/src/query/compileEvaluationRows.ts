// Owns the row source of evaluation listings (judgment examples): the evaluations a date range and filter tree
// keep, built from the compiler's own context base and filter compilation, so a listing keeps exactly the
// evaluations the analytics count under the same filters.
import type { DateRange, Filter } from './AnalyticsQuery.ts';
import type { CompileContext, CompiledStatement } from './CompiledQuery.ts';
import { compileFilter, filterDims } from './compileFilter.ts';
import { contextBaseSql } from './contextBase.ts';
import { getDialect } from './dialect/getDialect.ts';
import { parseQuery } from './parseQuery.ts';
import type { BaseColumn, SqlContext } from './registry/types.ts';
import { SqlParams } from './SqlParams.ts';
import { resolveWindow, sqlTimestamp } from './timeWindow.ts';
import { workspaceScope } from './workspaceScope.ts';

export interface EvaluationRowsQuery {
  date_range: DateRange;
  filters?: Filter;
}

/**
 * A SELECT of one row per evaluation whose message lies in the window and that passes `q.filters` (with the
 * compiler's semantics: message leaves on the carried context, evaluation leaves on the row, tool leaves as a
 * semi-join). Columns: evaluation_id, evaluated_at, message_id, evaluator_id, rating, success, failure_tags,
 * created_at (the message's time), model_id. Validates like `compileQuery` (QueryError on bad input); the
 * caller binds further values after `params` (`$${params.length + 1}` on).
 */
export function compileEvaluationRows(
  q: EvaluationRowsQuery,
  ctx: Pick<CompileContext, 'workspaceId' | 'workspaceKey' | 'dialect' | 'now'>,
): CompiledStatement {
  const { filters } = parseQuery({ metrics: ['evaluations'], ...q });
  const window = resolveWindow(q.date_range, ctx.now);
  const params = new SqlParams();
  const dialect = getDialect(ctx.dialect);
  const x: SqlContext = {
    dialect,
    param: (v) => params.add(v),
    sla: () => {
      throw new Error('no filterable dimension reads the SLA threshold');
    },
    bucket: 'day',
    m: 'e',
    ...workspaceScope(params, ctx),
  };
  const columns = new Set<BaseColumn>(['created_at', 'model_id']);
  for (const d of filterDims(filters))
    if (d.grain === 'message') for (const c of d.columns ?? []) columns.add(c);
  const windowSql = (column: string) =>
    window
      ? `${column} >= ${dialect.timestamp(params.add(sqlTimestamp(window.from)))} AND ${column} < ${dialect.timestamp(params.add(sqlTimestamp(window.to)))}`
      : '';
  const base = contextBaseSql('evaluation', {
    columns,
    x,
    window: windowSql,
    ownExtra: ['x.id AS evaluation_id', 'x.created_at AS evaluated_at'],
  });
  const where = filters
    ? ` WHERE ${compileFilter(filters, { grain: 'evaluation', unnested: false, x })}`
    : '';
  return { sql: `SELECT e.* FROM (${base}) e${where}`, params: params.values, window };
}
