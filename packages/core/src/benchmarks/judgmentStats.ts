// Owns the tally of a set of benchmark judgments and its statistics: accuracy with its Wilson interval, mean
// score with its t interval.
import { meanInterval } from '../statistics/meanInterval.ts';
import { wilsonInterval } from '../statistics/wilsonInterval.ts';

export interface Tally {
  judgments: number;
  passed: number;
  failed: number;
  scored: number;
  sum: number;
  sumSquares: number;
}

export const emptyTally = (): Tally => ({
  judgments: 0,
  passed: 0,
  failed: 0,
  scored: 0,
  sum: 0,
  sumSquares: 0,
});

/** Adds `b`'s counts and sums into `a`. */
export function addTallies(a: Tally, b: Tally): void {
  a.judgments += b.judgments;
  a.passed += b.passed;
  a.failed += b.failed;
  a.scored += b.scored;
  a.sum += b.sum;
  a.sumSquares += b.sumSquares;
}

const pct = (ci: [number, number] | null): [number, number] | null =>
  ci ? [ci[0] * 100, ci[1] * 100] : null;

/** The wire statistics of a tally (accuracy and its interval in %). */
export function judgmentStats(t: Tally) {
  const known = t.passed + t.failed;
  const score = meanInterval({ n: t.scored, sum: t.sum, sumSquares: t.sumSquares });
  return {
    judgments: t.judgments,
    passed: t.passed,
    failed: t.failed,
    accuracy: known ? (100 * t.passed) / known : null,
    accuracy_ci: pct(wilsonInterval(t.passed, known)),
    scored: t.scored,
    mean_score: score.mean,
    score_ci: score.ci,
  };
}
