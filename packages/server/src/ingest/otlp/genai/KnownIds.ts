// Owns a bounded memory of ids known to be stored, per workspace, that forgets the oldest first and after a while.
const MAX = 100_000;
/** Forgotten after this long: a workspace removed and made again with its id is looked up afresh. */
const TTL_MS = 10 * 60_000;

export class KnownIds {
  private readonly seen = new Map<string, number>();

  has(workspaceId: string, id: string): boolean {
    const key = `${workspaceId}\u0000${id}`;
    const at = this.seen.get(key);
    if (at === undefined) return false;
    if (Date.now() - at > TTL_MS) {
      this.seen.delete(key);
      return false;
    }
    return true;
  }

  add(workspaceId: string, id: string): void {
    const key = `${workspaceId}\u0000${id}`;
    this.seen.delete(key);
    this.seen.set(key, Date.now());
    // A Map iterates in insertion order: the first key is the oldest.
    if (this.seen.size > MAX) this.seen.delete(this.seen.keys().next().value as string);
  }
}
