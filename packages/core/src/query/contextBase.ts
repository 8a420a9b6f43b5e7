// Owns a part's row source: messages (`b`) or evaluations / tool calls with their carried message context,
// for one workspace and window, with only the joins the requested columns need.
import { cohortMembers } from '../catalogue/cohortMembers.ts';
import { evaluations } from '../catalogue/evaluations.ts';
import { messages } from '../catalogue/messages.ts';
import type { TableDef } from '../catalogue/TableDef.ts';
import { toolCalls } from '../catalogue/toolCalls.ts';
import { type BaseJoin, baseColumn } from './registry/baseColumns.ts';
import type { BaseColumn, Grain, SqlContext } from './registry/types.ts';

export interface BaseSpec {
  columns: Set<BaseColumn>;
  x: Pick<SqlContext, 'workspace' | 'facts'>;
  /** Predicate on a message-time column for the date window, or '' for "all". */
  window: (column: string) => string;
  /** Further select items on the row `x` (listings read the fact's own id and time); none for parts. */
  ownExtra?: string[];
}

const TABLE: Record<Grain, string> = {
  message: messages.name,
  evaluation: evaluations.name,
  tool: toolCalls.name,
};
/** The fact's declared columns but its workspace, own id and time (parts read the message's) and the engine's. */
const own = (t: TableDef) =>
  Object.entries(t.columns)
    .filter(([n, c]) => !['workspace_id', 'id', 'created_at'].includes(n) && c.engine === undefined)
    .map(([n]) => n);
/** A fact's own columns, always selected (engines drop the ones a part does not read). */
const OWN: Record<Exclude<Grain, 'message'>, string[]> = {
  evaluation: own(evaluations),
  tool: own(toolCalls),
};

/** The joins `columns` need on rows of `grain`. */
export function baseJoins(grain: Grain, columns: Iterable<BaseColumn>): Set<BaseJoin> {
  const joins = new Set<BaseJoin>();
  for (const c of columns) {
    const join = baseColumn(grain, c).join;
    if (join) joins.add(join);
  }
  return joins;
}

/**
 * The subquery a part reads its rows from. On evaluations and tool calls the message context comes from the
 * carried `m_*` columns (the writer keeps them current), so no part joins messages; a fact whose message has
 * not arrived (`m_created_at` null) is left out, as its message is. Model attributes and conversation length
 * still join, the first on a table of a few rows, the second because it depends on the window.
 * `unnestTags` adds one row per failure tag as `tag`.
 */
export function contextBaseSql(grain: Grain, spec: BaseSpec, unnestTags = false): string {
  const { columns, x } = spec;
  const joins = baseJoins(grain, columns);
  const select = [...columns].sort().map((c) => `${baseColumn(grain, c).sql} AS ${c}`);
  const time = baseColumn(grain, 'created_at').sql;
  const where = [x.facts('x'), spec.window(time)];
  select.unshift(...(spec.ownExtra ?? []));
  if (grain !== 'message') {
    select.unshift(...OWN[grain].map((c) => `x.${c}`));
    if (unnestTags) select.push('unnest(x.failure_tags) AS tag');
    where.push(`${time} IS NOT NULL`);
  }
  const from = [`${TABLE[grain]} x`];
  if (joins.has('model')) {
    from.push(
      `LEFT JOIN models md ON md.workspace_id = ${x.workspace()} AND md.model_code = ${baseColumn(grain, 'model_code').sql}`,
    );
  }
  if (joins.has('conversation_length')) {
    // Length counts the conversation's messages inside the same window, whatever the other filters.
    const inner = [x.facts('cm'), spec.window('cm.created_at')].filter(Boolean).join(' AND ');
    from.push(
      `LEFT JOIN (SELECT cm.conversation_id, count(*) AS n FROM messages cm WHERE ${inner} GROUP BY cm.conversation_id) cl ON cl.conversation_id = ${baseColumn(grain, 'conversation_id').sql}`,
    );
  }
  if (joins.has('cohort')) {
    // One row per cohort of the user: grouping by cohort counts a message in each of its user's cohorts.
    from.push(
      `LEFT JOIN ${cohortMembers.name} co ON co.workspace_id = ${x.workspace()} AND co.user_id = ${baseColumn(grain, 'user_id').sql}`,
    );
  }
  return `SELECT ${select.length ? select.join(', ') : '1 AS one'} FROM ${from.join(' ')} WHERE ${where.filter(Boolean).join(' AND ')}`;
}
