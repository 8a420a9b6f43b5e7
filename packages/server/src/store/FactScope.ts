// Owns how SQL outside the compiler keeps fact-table rows (messages, evaluations, tool calls) to one workspace.

/**
 * `column = value` selects a workspace's fact rows. A store may key them by an integer (the value is then a
 * number), which the engine settles per storage segment where a text id is compared on every row.
 */
export interface FactScope {
  readonly column: string;
  readonly value: string | number;
}

/** The integer key of a scope, the compiler's `workspaceKey`; undefined when the scope is the workspace id. */
export const scopeKey = (scope: FactScope): number | undefined =>
  typeof scope.value === 'number' ? scope.value : undefined;
