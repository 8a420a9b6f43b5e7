// Owns the expected value of each bucket: a seasonal median when history allows, else a trailing median.
import type { AnomalyBaseline, AnomalyGranularity } from '../../wire/anomalies.ts';
import { median } from './median.ts';
import type { SeriesGrid } from './seriesGrid.ts';
import type { AnomalyMetricKind } from './types.ts';
import { weightedMedian } from './weightedMedian.ts';

/**
 * Baselines tried in order, as (name, lag in buckets, same kind of day only): hour-of-week, then hour-of-day
 * on days of the same kind for hourly series; day-of-week, then the last days of the same kind for daily ones.
 */
const SEASONS: Readonly<Record<AnomalyGranularity, readonly [AnomalyBaseline, number, boolean][]>> = {
  hour: [
    ['hour_of_week', 168, false],
    ['hour_of_day', 24, true],
  ],
  day: [
    ['day_of_week', 7, false],
    ['recent_days', 1, true],
  ],
};
/** Same-season values used (the last K weeks / days) and the fewest that make a seasonal baseline. */
const MAX_SEASONS = 6;
const MIN_SEASONS = 3;
/** Trailing window (buckets) and the fewest values it needs. */
const TRAILING: Readonly<Record<AnomalyGranularity, number>> = { hour: 24, day: 14 };
const MIN_TRAILING = 5;

/** Saturday or Sunday in UTC (1970-01-01 was a Thursday). */
const isWeekend = (ms: number) => {
  const weekday = (Math.floor(ms / 86_400_000) + 4) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
};

export interface Centers {
  /** NaN where there is not enough history yet. */
  center: Float64Array;
  baseline: (AnomalyBaseline | null)[];
}

/**
 * The expected value cᵢ of bucket i from earlier buckets only (a past incident never hides in its own
 * baseline):
 * - seasonal, when at least 3 of the same slot's last 6 seasons have data: hour-of-week (lag 168 h) for hourly
 *   series with ≥ 3 weeks of history, day-of-week (lag 7 d) for daily; cᵢ = median of x_{i−kL}, k = 1…6;
 *   while an hourly series has less, hour-of-day: the same hour on the last ≤ 6 days of the same kind (weekday
 *   or weekend, within 2 weeks), at least 3 of them — so a quiet Saturday is not compared with Friday; a daily
 *   series likewise takes its last ≤ 6 days of the same kind (`recent_days`);
 * - else trailing: the median of the last 24 hourly / 14 daily buckets (at least 5 with data); its spread
 *   comes from its own past residuals (scoreSeries.ts), which are wide, so warm-up rarely fires.
 * Rates take the weighted median (weights = trials), so tiny buckets barely move the centre. The median of
 * three or more seasons tolerates one incident week among them.
 *
 * Reference: R. B. Cleveland et al., "STL: a seasonal-trend decomposition procedure based on loess", Journal
 * of Official Statistics 6 (1990) 3–73 (seasonal sub-series); J. Hochenbaum, O. S. Vallis & A. Kejariwal,
 * "Automatic anomaly detection in the cloud via statistical learning", arXiv:1704.07706 (2017) (median and
 * MAD in place of mean and standard deviation for seasonal residuals).
 */
export function bucketCenters(
  grid: SeriesGrid,
  granularity: AnomalyGranularity,
  kind: AnomalyMetricKind,
): Centers {
  const { obs, sample, length } = grid;
  const center = new Float64Array(length).fill(Number.NaN);
  const baseline: (AnomalyBaseline | null)[] = new Array(length).fill(null);
  const values: number[] = [];
  const weights: number[] = [];
  const pick = () => (kind === 'rate' ? weightedMedian(values, weights) : median(values));
  for (let i = 0; i < length; i++) {
    let done = false;
    for (const [name, lag, sameKind] of SEASONS[granularity]) {
      values.length = 0;
      weights.length = 0;
      // Compares like with like: weekdays with weekdays, weekends with weekends (up to 2 weeks back).
      const weekend = sameKind && isWeekend(grid.origin + i * grid.step);
      for (
        let k = 1, used = 0;
        used < MAX_SEASONS &&
        k <= (sameKind ? (14 * 24 * 3_600_000) / (lag * grid.step) : MAX_SEASONS) &&
        i - k * lag >= 0;
        k++
      ) {
        const j = i - k * lag;
        if (sameKind && isWeekend(grid.origin + j * grid.step) !== weekend) continue;
        used++;
        if (Number.isNaN(obs[j])) continue;
        values.push(obs[j]);
        weights.push(sample[j]);
      }
      if (values.length >= MIN_SEASONS) {
        center[i] = pick();
        baseline[i] = name;
        done = true;
        break;
      }
    }
    if (done) continue;
    values.length = 0;
    weights.length = 0;
    for (let j = Math.max(0, i - TRAILING[granularity]); j < i; j++) {
      if (Number.isNaN(obs[j])) continue;
      values.push(obs[j]);
      weights.push(sample[j]);
    }
    if (values.length >= MIN_TRAILING) {
      center[i] = pick();
      baseline[i] = 'trailing';
    }
  }
  return { center, baseline };
}
