// Owns deterministic traffic splitting: which variant of an experiment a user gets, the same in every process
// and every language that implements the documented hash.

const encoder = new TextEncoder();

/**
 * The 32-bit hash of `text`: FNV-1a over its UTF-8 bytes (offset basis 0x811c9dc5, prime 0x01000193, all
 * arithmetic mod 2³²), then MurmurHash3's 32-bit finalizer (fmix32: h ^= h >>> 16; h *= 0x85ebca6b;
 * h ^= h >>> 13; h *= 0xc2b2ae35; h ^= h >>> 16), so ids that differ in one character land far apart.
 */
export function variantHash(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The variant `userId` gets in `experiment`: u = variantHash(`${experiment}:${userId}`) / 2³² ∈ [0, 1), then the
 * first variant i with u < (w₀ + … + wᵢ) / Σw (weights default to equal). Deterministic: the same user always gets
 * the same variant of an experiment, with no state and no second service; different experiments split
 * independently. Changing the variants or weights of a running experiment moves users, so fix them first.
 *
 * Record the assignment by sending the conversation with `experiment_name: experiment` and
 * `session_id: <the variant>` (LLMAnalytics.experimentConversation does both), so the experiment's variants select
 * their conversations by `session_ids`.
 */
export function assignVariant<V extends string>(
  experiment: string,
  userId: string,
  variants: readonly V[],
  weights?: readonly number[],
): V {
  if (variants.length === 0) throw new RangeError('assignVariant needs at least one variant');
  const w = weights ?? variants.map(() => 1);
  if (w.length !== variants.length) throw new RangeError('assignVariant needs one weight per variant');
  if (!w.every((x) => Number.isFinite(x) && x >= 0)) throw new RangeError('weights must be finite and ≥ 0');
  const total = w.reduce((s, x) => s + x, 0);
  if (!(total > 0)) throw new RangeError('at least one weight must be > 0');
  const u = variantHash(`${experiment}:${userId}`) / 2 ** 32;
  let cumulative = 0;
  for (let i = 0; i < variants.length; i++) {
    cumulative += w[i];
    if (u < cumulative / total) return variants[i];
  }
  // Rounding can leave u just above the last boundary: the last variant with weight takes it.
  for (let i = variants.length - 1; i >= 0; i--) if (w[i] > 0) return variants[i];
  return variants[variants.length - 1];
}
