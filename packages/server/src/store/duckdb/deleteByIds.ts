// Owns deleting a commit's re-sent rows by id ([workspace, id] pairs), one statement per workspace.
import { type DuckDBConnection, listValue } from '@duckdb/node-api';
import { groupByWorkspace } from '../groupByWorkspace.ts';

export async function deleteByIds(
  w: DuckDBConnection,
  table: string,
  column: string,
  pairs: [string, string][],
): Promise<void> {
  for (const [ws, ids] of groupByWorkspace(pairs)) {
    await w.run(
      `DELETE FROM ${table} WHERE workspace_id = $1 AND ${column} IN (SELECT unnest($2::VARCHAR[]))`,
      [ws, listValue(ids)],
    );
  }
}
