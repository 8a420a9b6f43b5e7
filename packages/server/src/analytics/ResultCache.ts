// Owns caching analytics replies per workspace: a key is (data version, SQL, params), so any committed
// write or settings change (prices and SLA are bound params) makes old entries unreachable at once.
interface Entry<T> {
  at: number;
  value: Promise<T>;
}

export class ResultCache<T> {
  private entries = new Map<string, Entry<T>>();
  private versions = new Map<string, number>();

  /** `ttlMs` bounds staleness from writers this process does not see (other instances on PostgreSQL). */
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
  ) {}

  version(workspaceId: string): number {
    return this.versions.get(workspaceId) ?? 0;
  }

  /** Called after a commit: every cached reply of the workspace is now stale. */
  bump(workspaceId: string): void {
    this.versions.set(workspaceId, this.version(workspaceId) + 1);
  }

  /** Returns the cached reply for `key` (built with `version()` read before running) or runs `load`;
   *  `fresh` always runs `load` and stores its result. */
  get(key: string, fresh: boolean, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && !fresh && Date.now() - hit.at < this.ttlMs) {
      this.entries.delete(key); // re-insert: Map order doubles as LRU order
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = load();
    this.entries.set(key, { at: Date.now(), value });
    value.catch(() => this.entries.delete(key));
    while (this.entries.size > this.maxEntries)
      this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
