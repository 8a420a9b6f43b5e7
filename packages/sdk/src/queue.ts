// Owns a FIFO of encoded items and cutting it into request bodies within the item and byte limits.

/** One item, encoded once at enqueue time so that a request body is a concatenation. */
export interface EncodedItem<K extends string> {
  kind: K;
  json: string;
  bytes: number;
}

/** One request's worth of items, already serialised as the body. */
export interface Batch {
  body: string;
  items: number;
}

/** Writes a request body around the encoded items of each kind (each array's elements, in queue order). */
export type Envelope<K extends string> = (groups: Record<K, string[]>) => string;

export class RecordQueue<K extends string> {
  /** Bytes of the body with no items. */
  readonly emptyBytes: number;
  private items: EncodedItem<K>[] = [];
  private head = 0;

  constructor(
    private readonly kinds: readonly K[],
    private readonly envelope: Envelope<K>,
  ) {
    this.emptyBytes = Buffer.byteLength(envelope(this.groups()));
  }

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: EncodedItem<K>): void {
    this.items.push(item);
  }

  /**
   * Removes the oldest items that fit in one request: at most `maxItems` items and a body of at most
   * `maxBytes`. Always takes at least one item (each item was checked to fit on its own at enqueue).
   */
  take(maxItems: number, maxBytes: number): Batch | null {
    if (this.length === 0) return null;
    const groups = this.groups();
    let bytes = this.emptyBytes;
    let n = 0;
    while (n < maxItems && this.head < this.items.length) {
      const item = this.items[this.head];
      const cost = item.bytes + 1; // the comma that joins it
      if (n > 0 && bytes + cost > maxBytes) break;
      groups[item.kind].push(item.json);
      bytes += cost;
      n++;
      this.head++;
    }
    this.compact();
    return { body: this.envelope(groups), items: n };
  }

  private groups(): Record<K, string[]> {
    return Object.fromEntries(this.kinds.map((k) => [k, []])) as unknown as Record<K, string[]>;
  }

  /** Drops already-taken slots once they dominate the array, keeping take() amortised O(batch). */
  private compact(): void {
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
