// Owns the deterministic sample of a variant's units that a latency bootstrap resamples when a variant is large.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units of `s`, continuing from state `h`: a stable order that does not follow the ids' own. */
function fnv1a(s: string, h = FNV_OFFSET): number {
  let x = h;
  for (let i = 0; i < s.length; i++) {
    x ^= s.charCodeAt(i);
    x = Math.imul(x, FNV_PRIME) >>> 0;
  }
  return x;
}

/**
 * All of `ids` when they are at most `size`, else the `size` whose hashes of `<salt>:<id>` are smallest (the
 * salt's part of the hash is computed once).
 */
export function sampleUnits(ids: readonly string[], size: number, salt: string): string[] {
  if (ids.length <= size) return [...ids];
  const salted = fnv1a(`${salt}:`);
  return ids
    .map((id) => [fnv1a(id, salted), id] as const)
    .sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1))
    .slice(0, size)
    .map(([, id]) => id);
}
