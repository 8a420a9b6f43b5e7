// Owns which tables hold the stored rows of a conversation that has not arrived: its repair, when it does
// arrive, updates only those (an UPDATE of a table holding none of its rows still scans the whole table).

/** The tables a conversation's carried context lives in, as bits of a mask. */
export const CARRIERS = { messages: 1, evaluations: 2, tool_calls: 4 } as const;
/** Unknown: any of them. */
export const EVERY_CARRIER = 7;

/** Conversations remembered at most; the oldest are forgotten first, and a forgotten one repairs every table. */
const CAPACITY = 200_000;

export class LateParents {
  /** The conversation key's MD5 words ("w0,w1") → the mask of tables holding rows that carry it. */
  private readonly tables = new Map<string, number>();

  constructor(private readonly capacity = CAPACITY) {}

  /**
   * A commit is the first ever to store rows (in `tables`, a mask) carrying a conversation that is not stored:
   * no earlier commit, in this process or before it, references it. Only then is the mask complete.
   */
  firstReference(w0: number, w1: number, tables: number): void {
    const k = `${w0},${w1}`;
    // Not expected to be there already (a first reference is new to the id filters too); if so, widen.
    const had = this.tables.get(k);
    if (had === undefined && this.tables.size >= this.capacity)
      this.tables.delete(this.tables.keys().next().value as string);
    this.tables.set(k, (had ?? 0) | tables);
  }

  /** A later commit stored rows carrying the conversation in `tables`; one with no entry stays unknown. */
  widen(w0: number, w1: number, tables: number): void {
    const k = `${w0},${w1}`;
    const had = this.tables.get(k);
    if (had !== undefined && (had & tables) !== tables) this.tables.set(k, had | tables);
  }

  /**
   * The tables holding rows of a conversation arriving now, forgotten from now on (its later rows carry its
   * context from the start). `EVERY_CARRIER` when unknown: referenced before this process started, forgotten
   * for room, or a conversation re-sent with new attributes.
   */
  take(w0: number, w1: number): number {
    const k = `${w0},${w1}`;
    const v = this.tables.get(k);
    if (v === undefined) return EVERY_CARRIER;
    this.tables.delete(k);
    return v;
  }

  get size(): number {
    return this.tables.size;
  }
}
