// Owns the deterministic sample of a variant's units that a latency bootstrap resamples when a variant is large.

/** FNV-1a over the UTF-16 code units: a stable order that does not follow the ids' own order. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** All of `ids` when they are at most `size`, else the `size` whose hashes (salted by `salt`) are smallest. */
export function sampleUnits(ids: readonly string[], size: number, salt: string): string[] {
  if (ids.length <= size) return [...ids];
  return ids
    .map((id) => [fnv1a(`${salt}:${id}`), id] as const)
    .sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1))
    .slice(0, size)
    .map(([, id]) => id);
}
