// Owns brute-force throttling of sign-ins: failures counted per email+IP, then a lockout with Retry-After.
export class LoginThrottle {
  private failures = new Map<string, { count: number; first: number; lockedUntil: number }>();

  constructor(
    private readonly maxFailures: number,
    private readonly lockoutSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  private key = (email: string, ip: string) => `${email.trim().toLowerCase()}\u0000${ip}`;

  /** Seconds until this email+IP may try again, or 0. */
  retryAfter(email: string, ip: string): number {
    const f = this.failures.get(this.key(email, ip));
    if (!f) return 0;
    const wait = f.lockedUntil - this.now();
    return wait > 0 ? Math.ceil(wait / 1000) : 0;
  }

  /** Records a failure; returns the lockout in seconds once the limit is reached, else 0. */
  fail(email: string, ip: string): number {
    if (this.maxFailures <= 0) return 0;
    const k = this.key(email, ip);
    const now = this.now();
    let f = this.failures.get(k);
    // Failures older than one lockout window are forgotten.
    if (!f || now - f.first > this.lockoutSeconds * 1000) f = { count: 0, first: now, lockedUntil: 0 };
    f.count += 1;
    if (f.count >= this.maxFailures) f.lockedUntil = now + this.lockoutSeconds * 1000;
    if (this.failures.size > 50_000) this.prune(now);
    this.failures.set(k, f);
    return f.lockedUntil > now ? this.lockoutSeconds : 0;
  }

  succeed(email: string, ip: string): void {
    this.failures.delete(this.key(email, ip));
  }

  private prune(now: number): void {
    for (const [k, f] of this.failures) {
      if (f.lockedUntil < now && now - f.first > this.lockoutSeconds * 1000) this.failures.delete(k);
    }
  }
}
