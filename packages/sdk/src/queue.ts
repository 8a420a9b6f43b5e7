// Owns the FIFO of encoded records and cutting it into request bodies within the item and byte limits.
import { KINDS, type QueuedRecord, type RecordKind } from './records.ts';

/** One request's worth of records, already serialised as the JSON body. */
export interface Batch {
  body: string;
  items: number;
  counts: Record<RecordKind, number>;
}

/** Bytes of `{"models":[],"conversations":[],"messages":[],"evaluations":[]}`, the body with no records. */
export const EMPTY_BODY_BYTES = Buffer.byteLength(`{${KINDS.map((k) => `"${k}":[]`).join(',')}}`);

export class RecordQueue {
  private items: QueuedRecord[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(record: QueuedRecord): void {
    this.items.push(record);
  }

  /**
   * Removes the oldest records that fit in one request: at most `maxItems` records and a body of at most
   * `maxBytes`. Always takes at least one record (each record was checked to fit on its own at enqueue).
   */
  take(maxItems: number, maxBytes: number): Batch | null {
    if (this.length === 0) return null;
    const groups: Record<RecordKind, string[]> = {
      models: [],
      conversations: [],
      messages: [],
      evaluations: [],
    };
    let bytes = EMPTY_BODY_BYTES;
    let n = 0;
    while (n < maxItems && this.head < this.items.length) {
      const record = this.items[this.head];
      const cost = record.bytes + 1; // the comma that joins it
      if (n > 0 && bytes + cost > maxBytes) break;
      groups[record.kind].push(record.json);
      bytes += cost;
      n++;
      this.head++;
    }
    this.compact();
    const counts = {
      models: groups.models.length,
      conversations: groups.conversations.length,
      messages: groups.messages.length,
      evaluations: groups.evaluations.length,
    };
    const body = `{${KINDS.map((k) => `"${k}":[${groups[k].join(',')}]`).join(',')}}`;
    return { body, items: n, counts };
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
