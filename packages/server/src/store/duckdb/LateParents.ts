// Owns where the stored rows waiting for a late conversation can be: the first commit that wrote a row carrying
// a conversation that had not arrived, and which tables it wrote. Rows carry the number of the commit that last
// wrote them (commit_seq), so a repair scans only the row groups from that commit on (DuckDB settles
// `commit_seq >= n` from segment statistics, where `conversation_id IN (…)` reads every row) and skips the
// tables that hold none of them.

/** The tables a conversation's carried context lives in, as bits of a mask. */
export const CARRIERS = { messages: 1, evaluations: 2, tool_calls: 4 } as const;
export type Carrier = keyof typeof CARRIERS;
const EVERY_CARRIER = 7;

/** Conversations remembered at most; the oldest are forgotten first, and a forgotten one costs a full scan. */
const CAPACITY = 200_000;

/** Where a late conversation's children can be: commits from `since` on, in the tables of `tables`. */
export interface ChildrenAt {
  since: number;
  tables: number;
}
/** Unknown: anywhere. */
export const ANYWHERE: ChildrenAt = Object.freeze({ since: 0, tables: EVERY_CARRIER });

export class LateParents {
  /** 53 bits of the conversation key's MD5 → first commit × 8 + the tables' mask. */
  private readonly first = new Map<number, number>();

  constructor(private readonly capacity = CAPACITY) {}

  private static key(w0: number, w1: number): number {
    return w0 + (w1 & 0x1fffff) * 2 ** 32;
  }

  /**
   * Commit `seq` stored rows in `tables` (a mask) carrying a conversation that is not stored. Keys that share
   * 53 bits share one entry, holding the least commit and every table of them all: a bound for each.
   */
  noteMissing(w0: number, w1: number, seq: number, tables: number): void {
    const k = LateParents.key(w0, w1);
    const had = this.first.get(k);
    if (had !== undefined) {
      const merged = Math.min(seq, Math.floor(had / 8)) * 8 + ((had & EVERY_CARRIER) | tables);
      if (merged !== had) this.first.set(k, merged);
      return;
    }
    if (this.first.size >= this.capacity) this.first.delete(this.first.keys().next().value as number);
    this.first.set(k, seq * 8 + tables);
  }

  /**
   * Where the children of a conversation arriving now can be, forgotten from now on (its later children carry
   * its context from the start). `ANYWHERE` when unknown: referenced before this process started, forgotten
   * for room, sharing an entry already taken, or a conversation re-sent with new attributes.
   */
  take(w0: number, w1: number): ChildrenAt {
    const k = LateParents.key(w0, w1);
    const v = this.first.get(k);
    if (v === undefined) return ANYWHERE;
    this.first.delete(k);
    return { since: Math.floor(v / 8), tables: v & EVERY_CARRIER };
  }

  get size(): number {
    return this.first.size;
  }
}
