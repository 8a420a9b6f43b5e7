// Owns grouping (workspace, id) pairs by workspace, each id once: statements bind one workspace and an id list.
export function groupByWorkspace(pairs: Iterable<readonly [string, string]>): Map<string, string[]> {
  const sets = new Map<string, Set<string>>();
  for (const [ws, id] of pairs) {
    const set = sets.get(ws) ?? new Set<string>();
    set.add(id);
    sets.set(ws, set);
  }
  return new Map([...sets].map(([ws, ids]) => [ws, [...ids]]));
}
