// Owns rendering a query plan for one dialect: its statements, and the reply metadata read off the plan.
import type { CompileContext, CompiledQuery } from '../CompiledQuery.ts';
import type { QueryPlan } from '../plan/QueryPlan.ts';
import { queryMeta } from '../plan/queryMeta.ts';
import { renderStatement } from './renderStatement.ts';

export function renderQuery(plan: QueryPlan, ctx: CompileContext): CompiledQuery {
  const main = renderStatement(plan.main, ctx, plan.bucket, plan.limit);
  const meta = queryMeta(plan);
  // A two-period statement scans both windows; it reports the current one, as a one-period statement does.
  const compiled = { ...main, window: plan.window, meta };
  if (plan.comparison?.form === 'one-statement') return { ...compiled, periods: true };
  if (!plan.previous) return compiled;
  return { ...compiled, comparison: renderStatement(plan.previous, ctx, plan.bucket, plan.limit) };
}
