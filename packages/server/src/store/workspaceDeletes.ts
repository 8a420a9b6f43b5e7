// Owns what removing a workspace deletes: its rows in every catalogue table that holds a workspace_id, then
// its own row. Derived from the catalogue, so a table added there is covered without another list.
import { CATALOGUE, TABLES } from '@llm-analytics/core';

/** The statements ($1 = the workspace id), in order; each engine runs them in one transaction. */
export const WORKSPACE_DELETES: readonly string[] = [
  ...CATALOGUE.filter((t) => t !== TABLES.workspaces && 'workspace_id' in t.columns).map(
    (t) => `DELETE FROM ${t.name} WHERE workspace_id = $1`,
  ),
  `DELETE FROM ${TABLES.workspaces.name} WHERE id = $1`,
];
