// Owns the key of a row within all workspaces (`workspace_id`, NUL, the id), in JavaScript and in SQL. The two
// must agree byte for byte: the DuckDB writer's id filters hash one at ingest and the other at start.
export const idKey = (ws: string, id: string): string => `${ws}\u0000${id}`;

/** `idKey(workspace_id, column)` as a SQL expression over the row's columns. */
export const idKeySql = (column: string): string => `workspace_id || chr(0) || ${column}`;
