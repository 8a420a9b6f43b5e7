// Owns the Wilson score interval of one proportion.
import { normal } from './normal.ts';

/**
 * Wilson's score interval of x successes in n trials at confidence 1 − α (0.05 unless given):
 *   (p + z²/2n ∓ z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n),  z = Φ⁻¹(1 − α/2).
 * It stays inside [0, 1] and keeps a width at x = 0 and x = n, where Wald's p ± z·√(pq/n) collapses.
 * Null when n = 0. Reference: E. B. Wilson, JASA 22 (1927) 209–212.
 */
export function wilsonInterval(x: number, n: number, alpha = 0.05): [number, number] | null {
  if (n === 0) return null;
  return wilsonBounds(x, n, normal.quantile(1 - alpha / 2));
}

/** The interval for a given z (callers computing several intervals at one level pass z once). */
export function wilsonBounds(x: number, n: number, z: number): [number, number] {
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At x = 0 (x = n) the bound is exactly 0 (1); rounding must not push it past.
  return [x === 0 ? 0 : Math.max(0, centre - half), x === n ? 1 : Math.min(1, centre + half)];
}
