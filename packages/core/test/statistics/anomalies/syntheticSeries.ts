// Owns the seeded synthetic series the anomaly tests scan: daily and weekly rhythm, noise, injected incidents.
import type { AnomalyBucket } from '../../../src/statistics/anomalies/types.ts';
import { seededRandom } from '../../../src/statistics/seededRandom.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Monday 2026-01-05 00:00 UTC: series start on a week boundary so slot arithmetic is easy to read. */
export const ORIGIN = Date.UTC(2026, 0, 5);

export interface Incident {
  /** Bucket indexes [from, to). */
  from: number;
  to: number;
  /** Rates: added to the success probability (−0.1 = a 10-point drop). Means and volume: a multiplier. */
  effect: number;
}

export interface SyntheticOptions {
  seed: number;
  granularity: 'hour' | 'day';
  buckets: number;
  /** Mean messages per hour at the daily peak on a weekday. */
  traffic: number;
  /** Rates: base success probability and its day-to-day wobble (sd, in probability). */
  p?: number;
  wobble?: number;
  /** Means: base level (e.g. p95 latency ms) and multiplicative noise (sd of the log). */
  level?: number;
  noise?: number;
  /** Day-to-day traffic noise (sd of the log; default 0.08). */
  trafficNoise?: number;
  /** Share of messages evaluated (rates: trials = share × messages). */
  evaluated?: number;
  incidents?: Incident[];
}

/** Traffic shape: a daytime hump (×0.25 at 3 am to ×1 at 3 pm UTC) and weekends at 55 %. */
export function rhythm(t: number): number {
  const hourOfDay = (t % DAY) / HOUR;
  const weekday = Math.floor((t - ORIGIN) / DAY) % 7; // 0 = Monday
  const daily = 0.625 - 0.375 * Math.cos((2 * Math.PI * (hourOfDay - 3)) / 24);
  return daily * (weekday >= 5 ? 0.55 : 1);
}

export function synthetic(kind: 'rate' | 'mean' | 'volume', o: SyntheticOptions): AnomalyBucket[] {
  const next = seededRandom(o.seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const poisson = (lambda: number) => {
    if (lambda > 60) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let prod = next();
    while (prod > limit) {
      k++;
      prod *= next();
    }
    return k;
  };
  const binomial = (n: number, p: number) => {
    if (n > 200) return Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normal())));
    let k = 0;
    for (let i = 0; i < n; i++) if (next() < p) k++;
    return k;
  };
  const step = o.granularity === 'hour' ? HOUR : DAY;
  const out: AnomalyBucket[] = [];
  for (let i = 0; i < o.buckets; i++) {
    const t = ORIGIN + i * step;
    const incident = o.incidents?.find((x) => i >= x.from && i < x.to);
    // Daily series: the day's mean rhythm (0.625 weekdays) times 24 hours.
    const shape = o.granularity === 'hour' ? rhythm(t) : 24 * 0.625 * rhythm(t + 15 * HOUR);
    // Traffic is overdispersed (a gamma-like day-to-day factor), as real traffic is.
    let lambda = o.traffic * shape * Math.exp((o.trafficNoise ?? 0.08) * normal());
    if (kind === 'volume' && incident) lambda *= incident.effect;
    const messages = poisson(lambda);
    if (kind === 'volume') {
      out.push({ start: new Date(t).toISOString(), value: messages });
    } else if (kind === 'rate') {
      const trials = Math.round(messages * (o.evaluated ?? 1));
      const p = Math.min(1, Math.max(0, (o.p ?? 0.8) + (o.wobble ?? 0) * normal() + (incident?.effect ?? 0)));
      const successes = binomial(trials, p);
      out.push({ start: t, value: trials ? (100 * successes) / trials : null, successes, trials });
    } else {
      // Busier hours are slower; noise shrinks with the sample like a percentile's does.
      const n = messages;
      if (n === 0) continue;
      const sd = (o.noise ?? 0.05) * Math.sqrt(50 / Math.max(n, 1));
      // rhythm() is 0.14–1 (hourly) or 0.55–1 (daily, the afternoon's value): up to 20 % above the quiet level.
      const busy = o.granularity === 'hour' ? rhythm(t) : rhythm(t + 15 * HOUR);
      const value =
        (o.level ?? 1000) * (0.9 + 0.2 * busy) * Math.exp(sd * normal()) * (incident?.effect ?? 1);
      out.push({ start: t, value, n });
    }
  }
  return out;
}
