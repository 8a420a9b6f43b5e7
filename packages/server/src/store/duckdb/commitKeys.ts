// Owns what a commit touches, for deciding which commits may run side by side: its ids and the parents its
// children point at (a message's conversation, an evaluation's message), per workspace and kind.
import { type RowSet, spanKey } from '../RowSet.ts';

export function commitKeys(rows: RowSet): Set<string> {
  const keys = new Set<string>();
  const add = (kind: string, ws: string, id: string) => keys.add(`${kind}\u0000${ws}\u0000${id}`);
  for (const r of rows.models) add('model', r.workspace_id, r.model_id);
  for (const r of rows.conversations) add('conversation', r.workspace_id, r.id);
  for (const r of rows.messages) {
    add('message', r.workspace_id, r.id);
    add('conversation', r.workspace_id, r.conversation_id);
  }
  for (const r of rows.evaluations) {
    add('evaluation', r.workspace_id, r.id);
    add('message', r.workspace_id, r.message_id);
  }
  for (const r of rows.spans) keys.add(`span\u0000${spanKey(r)}`);
  for (const r of rows.benchmarks) add('benchmark', r.workspace_id, r.id);
  for (const r of rows.benchmark_results) add('benchmark_result', r.workspace_id, r.id);
  return keys;
}
