// Owns how a compiled statement keeps its rows to one workspace: the id (small tables) and the fact tables'
// predicate, on the integer key where the store has one (see CompileContext.workspaceKey).

import type { SqlContext } from './registry/types.ts';
import type { SqlParams } from './SqlParams.ts';

/**
 * `workspace()` and `facts(alias)` for a statement binding into `params`. The key, when given, is bound first
 * and the id only once something uses it (a statement never carries an unused parameter: PostgreSQL rejects
 * those); without a key the id is bound first, so such a statement reads as it always did.
 */
export function workspaceScope(
  params: SqlParams,
  ctx: { workspaceId: string; workspaceKey?: number },
): Pick<SqlContext, 'workspace' | 'facts'> {
  const key = ctx.workspaceKey === undefined ? undefined : params.add(ctx.workspaceKey);
  let id = key ? undefined : params.add(ctx.workspaceId);
  const workspace = () => {
    id ??= params.add(ctx.workspaceId);
    return id;
  };
  return {
    workspace,
    facts: (alias) => (key ? `${alias}.ws = ${key}` : `${alias}.workspace_id = ${workspace()}`),
  };
}
