// Owns rendering one planned statement for a dialect: its SQL context and bound parameters, the row sources
// its parts read, the parts by strategy and the outer select.
import type { CompileContext, CompiledStatement } from '../CompiledQuery.ts';
import { contextBaseSql } from '../contextBase.ts';
import { getDialect } from '../dialect/getDialect.ts';
import { MessageBaseSource } from '../MessageBaseSource.ts';
import { periodDimension } from '../periods.ts';
import type { StatementPlan } from '../plan/QueryPlan.ts';
import { registry } from '../registry/registry.ts';
import type { BaseColumn, Grain, SqlContext } from '../registry/types.ts';
import { SqlParams } from '../SqlParams.ts';
import { sqlTimestamp } from '../timeWindow.ts';
import { workspaceScope } from '../workspaceScope.ts';
import { conversationRollupSql } from './conversationRollupSql.ts';
import { outerSelect } from './outerSelect.ts';
import type { PartsInput } from './PartsInput.ts';
import { renderPart } from './renderPart.ts';

export function renderStatement(
  plan: StatementPlan,
  ctx: CompileContext,
  bucket: SqlContext['bucket'],
  limit: number,
): CompiledStatement {
  const { window } = plan;
  const params = new SqlParams();
  const dialect = getDialect(ctx.dialect);
  const scope = workspaceScope(params, ctx);
  // Lazily bound, so a statement never carries a parameter it does not use (PostgreSQL rejects those).
  let sla: string | undefined;
  let win: [string, string] | undefined;
  const x: SqlContext = {
    dialect,
    param: (v) => params.add(v),
    sla() {
      // An integral threshold compares as an integer: no per-row cast of latency_ms to double.
      const type = Number.isInteger(ctx.slaThresholdMs) ? 'INTEGER' : dialect.double;
      sla ??= `CAST(${params.add(ctx.slaThresholdMs)} AS ${type})`;
      return sla;
    },
    bucket,
    m: 'b',
    ...scope,
  };
  const windowSql = (column: string) => {
    if (!window) return '';
    win ??= [
      dialect.timestamp(params.add(sqlTimestamp(window.from))),
      dialect.timestamp(params.add(sqlTimestamp(window.to))),
    ];
    return `${column} >= ${win[0]} AND ${column} < ${win[1]}`;
  };

  const dims = plan.dimensions.map((id) => registry.dimensions.get(id)!);
  const periodStart = plan.split ? dialect.timestamp(params.add(sqlTimestamp(plan.split))) : undefined;
  if (periodStart) dims.push(periodDimension(periodStart));
  const common = new Set<BaseColumn>(plan.baseColumns);
  const base = new MessageBaseSource(
    common,
    (columns) => contextBaseSql('message', { columns, x, window: windowSql }),
    plan.base === 'shared',
  );
  const factFrom = (grain: Exclude<Grain, 'message'>, own: BaseColumn[], unnestTags: boolean) =>
    contextBaseSql(grain, { columns: new Set([...common, ...own]), x, window: windowSql }, unnestTags);
  const placed = (p: 'pushed' | 'per-part') =>
    plan.filters.filter((f) => f.placement === p).map((f) => f.conjunct);
  const inp: PartsInput = {
    x,
    baseFrom: base.from,
    factFrom,
    dims,
    allPartials: plan.partials,
    pushed: placed('pushed'),
    rest: placed('per-part'),
    priceBook: ctx.priceBook,
    catalog: ctx.catalogPrices,
    periodStart,
  };
  const parts =
    plan.source === 'rollup'
      ? [conversationRollupSql({ dims, filters: plan.filters.map((f) => f.conjunct), x, window: windowSql })]
      : plan.parts.map((p) => renderPart(p, inp));
  return { sql: base.finish(outerSelect(plan, parts, inp, limit)), params: params.values, window };
}
