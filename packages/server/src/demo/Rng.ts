// Owns the demo's deterministic randomness: a seeded mulberry32 generator plus the few distributions the demo needs.
// Math.random is never used so that a seed reproduces the exact same data set (tests and benchmarks rely on it).
export class Rng {
  private state: number;
  /** Second Box–Muller output, kept so each pair of uniforms yields two normals. */
  private spareNormal: number | null = null;

  constructor(seed: number) {
    // Mix the seed so that small neighbouring seeds (1, 2, 3…) do not start with correlated streams.
    this.state = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0;
  }

  /** Uniform in [0, 1). mulberry32: tiny, fast and statistically fine for synthetic data. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Standard normal via Box–Muller. */
  normal(): number {
    if (this.spareNormal !== null) {
      const v = this.spareNormal;
      this.spareNormal = null;
      return v;
    }
    const u = 1 - this.next(); // (0, 1]: log(0) would be -Infinity
    const r = Math.sqrt(-2 * Math.log(u));
    const a = 2 * Math.PI * this.next();
    this.spareNormal = r * Math.sin(a);
    return r * Math.cos(a);
  }

  /** Log-normal with the given median and shape: latencies and token counts have this long right tail. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Index into a cumulative weight table (ascending, last entry = total) by binary search. */
  weighted(cumulative: Float64Array | readonly number[]): number {
    return firstAbove(cumulative, this.next() * cumulative[cumulative.length - 1]);
  }
}

/** Index of the first entry of an ascending table above `target` (the last one when none is). */
export function firstAbove(cumulative: Float64Array | readonly number[], target: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Turns weights into the cumulative table `Rng.weighted` expects. */
export function cumulate(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => {
    sum += w;
    return sum;
  });
}
