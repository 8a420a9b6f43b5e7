// Owns the seeded pseudo-random generator that makes bootstraps and simulations reproducible.

/**
 * A uniform generator on [0, 1) from a 32-bit seed: xoshiro128** (state of four 32-bit words, period 2¹²⁸ − 1),
 * the state filled by SplitMix32 from the seed so that nearby seeds give unrelated streams. The output is the top
 * 32 bits scaled by 2⁻³², so the same seed yields the same sequence on every platform.
 *
 * Reference: D. Blackman & S. Vigna, "Scrambled linear pseudorandom number generators", ACM Transactions on
 * Mathematical Software 47 (2021) 36:1–36:32; G. Steele, D. Lea & C. Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014 (SplitMix).
 */
export function seededRandom(seed: number): () => number {
  let sm = seed >>> 0;
  const splitMix = () => {
    sm = (sm + 0x9e3779b9) >>> 0;
    let z = sm;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitMix();
  let b = splitMix();
  let c = splitMix();
  let d = splitMix();
  if ((a | b | c | d) === 0) a = 1;
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result / 4294967296;
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
