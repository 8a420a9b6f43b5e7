// Owns the filtered-message row `b`: messages of one workspace in the window, with only the joins a query needs.
import { BASE_COLUMNS, type BaseJoin } from './registry/baseColumns.ts';
import type { BaseColumn } from './registry/types.ts';

export interface BaseSpec {
  columns: Set<BaseColumn>;
  workspaceParam: string;
  /** Predicate on `<alias>.created_at` for the date window, or '' for "all". */
  window: (alias: string) => string;
}

/**
 * The subquery every part reads messages from. Conversations, models and conversation lengths are joined
 * only when a requested column needs them; each join is on a unique key (the writer keeps ids unique per
 * workspace), so it never multiplies messages. Filters on `b` are written by the caller around it and the
 * engines push them into this scan.
 */
export function messageBaseSql(spec: BaseSpec): string {
  const { columns, workspaceParam: ws } = spec;
  const joins = new Set<BaseJoin>();
  for (const c of columns) {
    const join = BASE_COLUMNS[c].join;
    if (join) joins.add(join);
  }
  const select = [...columns].sort().map((c) => `${BASE_COLUMNS[c].sql} AS ${c}`);
  const from = ['messages m'];
  if (joins.has('conversation')) {
    from.push(`LEFT JOIN conversations c ON c.workspace_id = ${ws} AND c.id = m.conversation_id`);
  }
  if (joins.has('model')) {
    from.push(`LEFT JOIN models md ON md.workspace_id = ${ws} AND md.model_id = m.model_id`);
  }
  if (joins.has('conversation_length')) {
    // Length counts the conversation's messages inside the same window, whatever the other filters.
    const where = [`cm.workspace_id = ${ws}`, spec.window('cm')].filter(Boolean).join(' AND ');
    from.push(
      `LEFT JOIN (SELECT cm.conversation_id, count(*) AS n FROM messages cm WHERE ${where} GROUP BY cm.conversation_id) cl ON cl.conversation_id = m.conversation_id`,
    );
  }
  const where = [`m.workspace_id = ${ws}`, spec.window('m')].filter(Boolean).join(' AND ');
  return `SELECT ${select.length ? select.join(', ') : '1 AS one'} FROM ${from.join(' ')} WHERE ${where}`;
}
