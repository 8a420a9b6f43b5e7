// Owns the seeded random variates the simulation tests draw (Bernoulli counts, normals).
import { seededRandom } from '../../src/statistics/seededRandom.ts';

export function variates(seed: number) {
  const next = seededRandom(seed);
  return {
    uniform: next,
    /** Number of successes in n Bernoulli(p) trials. */
    binomial(n: number, p: number): number {
      let k = 0;
      for (let i = 0; i < n; i++) if (next() < p) k++;
      return k;
    },
    /** N(mean, sd²) by Box–Muller. */
    normal(mean = 0, sd = 1): number {
      const u = 1 - next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
}
