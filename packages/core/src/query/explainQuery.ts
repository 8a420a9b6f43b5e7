// Owns `explain`: a query's plan and its rendering for each dialect, by exactly compileQuery's steps.
import type { CompileContext, CompiledQuery } from './CompiledQuery.ts';
import type { DialectName } from './dialect/SqlDialect.ts';
import { parseQuery } from './parseQuery.ts';
import { planQuery } from './plan/planQuery.ts';
import type { QueryPlan } from './plan/QueryPlan.ts';
import { renderQuery } from './render/renderQuery.ts';

export interface QueryExplanation {
  /** Dialect-free: planning reads only `now` and `dataSpan`, which every dialect's context shares. */
  plan: QueryPlan;
  rendered: { dialect: DialectName; compiled: CompiledQuery }[];
}

/**
 * Parses `input` (QueryError on bad input), plans it once and renders the plan for each of `dialects`, each
 * with its own context fields (the DuckDB workspace key). The same parse → plan → render as compileQuery, so
 * every rendering equals what compileQuery returns for that context.
 */
export function explainQuery(
  input: unknown,
  ctx: Omit<CompileContext, 'dialect' | 'workspaceKey'>,
  dialects: Pick<CompileContext, 'dialect' | 'workspaceKey'>[],
): QueryExplanation {
  const plan = planQuery(parseQuery(input), ctx);
  return {
    plan,
    rendered: dialects.map((d) => ({ dialect: d.dialect, compiled: renderQuery(plan, { ...ctx, ...d }) })),
  };
}
