// Owns building ClusterSums from per-cluster (numerator, denominator) pairs.
import type { ClusterSums } from './compareRatios.ts';

/**
 * Σ over clusters of x, y, x², y² and xy from per-cluster pairs [xᵢ, yᵢ] (e.g. [failed messages, messages] of
 * one conversation): the sufficient statistics of the delta-method ratio variance in compareRatios.
 *
 * Reference: A. Deng, U. Knoblich & J. Lu, KDD 2018 (the ratio's variance needs only these moments).
 */
export function clusterSums(pairs: Iterable<readonly [number, number]>): ClusterSums {
  const s: ClusterSums = { clusters: 0, sumX: 0, sumY: 0, sumXX: 0, sumYY: 0, sumXY: 0 };
  for (const [x, y] of pairs) {
    s.clusters += 1;
    s.sumX += x;
    s.sumY += y;
    s.sumXX += x * x;
    s.sumYY += y * y;
    s.sumXY += x * y;
  }
  return s;
}
