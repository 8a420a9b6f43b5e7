// Owns in-memory token buckets keyed by a string (an IP, a key id): allow or say how long to wait.
export class TokenBuckets {
  private buckets = new Map<string, { tokens: number; at: number }>();

  /** `perSecond` refill rate, `burst` capacity; perSecond 0 disables the limit. */
  constructor(
    private readonly perSecond: number,
    private readonly burst: number = Math.max(1, perSecond * 2),
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token; returns 0 when allowed, else the seconds to wait (for Retry-After). */
  take(key: string): number {
    if (this.perSecond <= 0) return 0;
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    if (this.buckets.size > 50_000) this.prune(now);
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.perSecond));
  }

  // A bucket that would be full again carries no state: drop it, so many distinct IPs cannot grow the map.
  private prune(now: number): void {
    for (const [k, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(k);
    }
  }
}
