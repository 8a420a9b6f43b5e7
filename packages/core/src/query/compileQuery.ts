// Owns compiling an AnalyticsQuery: parse (once) → plan (plan/planQuery.ts) → render per dialect
// (render/renderQuery.ts), the reply metadata read off the plan.
import type { AnalyticsQuery } from './AnalyticsQuery.ts';
import type { CompileContext, CompiledQuery } from './CompiledQuery.ts';
import { isParsedQuery, parseQuery } from './parseQuery.ts';
import { planQuery } from './plan/planQuery.ts';
import { renderQuery } from './render/renderQuery.ts';

export type { CompileContext, CompiledQuery, CompiledStatement, QueryMeta } from './CompiledQuery.ts';

/**
 * Compiles a query for one workspace. Validates unless `input` is what parseQuery returned (so callers
 * cannot skip validation, and a parsed query is not validated twice), resolves the window against `ctx.now`,
 * and with `compare` also compiles the same query over the previous window.
 */
export function compileQuery(input: AnalyticsQuery, ctx: CompileContext): CompiledQuery {
  const q = isParsedQuery(input) ? input : parseQuery(input);
  return renderQuery(planQuery(q, ctx), ctx);
}
