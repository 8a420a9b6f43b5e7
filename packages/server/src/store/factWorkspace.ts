// Owns how SQL outside the compiler keeps fact-table rows (messages, evaluations, tool calls) to a workspace.
import type { Store } from './Store.ts';

/**
 * The column and value that select a workspace's fact rows: its integer key where the store keeps one
 * (DuckDB settles `ws = key` per storage segment, a text id per row), else the workspace id.
 */
export function factWorkspace(
  store: Store,
  workspaceId: string,
): { column: 'ws' | 'workspace_id'; value: string | number } {
  const key = store.workspaceKey?.(workspaceId);
  return key === undefined ? { column: 'workspace_id', value: workspaceId } : { column: 'ws', value: key };
}
