// Owns when demo conversations start: one weight per hour over the demo period, giving a daily rhythm (busy
// in working hours, UTC), a weekly rhythm (quiet weekends) and slow growth, so trend charts look lived-in.
// Starts come out in time order, as a live product's traffic arrives.
import { firstAbove } from './Rng.ts';

const HOUR_MS = 3_600_000;

/** Relative traffic per UTC hour of day: night trough, working-hours plateau, evening tail. */
const HOUR_WEIGHTS = [
  0.12, 0.08, 0.06, 0.06, 0.08, 0.12, 0.2, 0.35, 0.65, 0.9, 1.0, 1.0, 0.85, 0.95, 1.0, 1.0, 0.95, 0.8, 0.6,
  0.5, 0.45, 0.4, 0.3, 0.2,
];
const WEEKEND_FACTOR = 0.4;
/** Traffic at the end of the period relative to its start (+30 %): a product that is being adopted. */
const GROWTH = 0.3;

export class DemoTimeline {
  private readonly firstSlotMs: number;
  private readonly cumulative: Float64Array;

  /**
   * Slots are whole hours inside the period and end an hour before `now`, so every turn of a conversation
   * (at most ~45 minutes long) still lies in the past.
   */
  constructor(now: Date, days: number) {
    const endMs = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - HOUR_MS;
    this.firstSlotMs = Math.ceil((now.getTime() - days * 24 * HOUR_MS) / HOUR_MS) * HOUR_MS;
    const slots = Math.max(1, (endMs - this.firstSlotMs) / HOUR_MS);
    this.cumulative = new Float64Array(slots);
    let sum = 0;
    for (let i = 0; i < slots; i++) {
      const t = new Date(this.firstSlotMs + i * HOUR_MS);
      const dow = t.getUTCDay();
      const weekend = dow === 0 || dow === 6 ? WEEKEND_FACTOR : 1;
      sum += HOUR_WEIGHTS[t.getUTCHours()] * weekend * (1 + (GROWTH * i) / slots);
      this.cumulative[i] = sum;
    }
  }

  /**
   * The time (epoch ms) below which `fraction` (0–1) of the period's traffic lies: the rhythm's inverse CDF.
   * Walking `fraction` upwards yields start times in arrival order, the order live ingest stores them in.
   */
  startAt(fraction: number): number {
    const c = this.cumulative;
    const target = Math.min(Math.max(fraction, 0), 1) * c[c.length - 1];
    const lo = firstAbove(c, target);
    const before = lo ? c[lo - 1] : 0;
    const within = c[lo] > before ? (target - before) / (c[lo] - before) : 0;
    return this.firstSlotMs + lo * HOUR_MS + Math.min(HOUR_MS - 1, Math.floor(within * HOUR_MS));
  }
}
