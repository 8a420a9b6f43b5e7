// Owns "has this id been written before?" without scanning a table: an open-addressing set of 64-bit id
// hashes in typed arrays (8 bytes per slot, at most 70% full). A collision only sends that id down the slower
// delete-then-insert path (which scans), so correctness never depends on it; at 64 bits it is ~1e-12 per id,
// unlike a Bloom filter whose ~1% false positives would make nearly every batch scan the table. The hash is
// MD5's first 64 bits, so the database can hash stored ids itself and only numbers cross into JavaScript.
import { md5Words } from './md5Words.ts';

const EMPTY = 0;
const MAX_LOAD = 0.7;

/** The smallest power-of-two slot count (≥ 1024) that holds `n` ids within the load limit. */
const capacityFor = (n: number) => {
  let cap = 1024;
  while (cap * MAX_LOAD < n) cap *= 2;
  return cap;
};

export class IdFilter {
  private slots: Uint32Array;
  private mask: number;
  private size = 0;
  private readonly h = new Uint32Array(2);
  private lastKey = '';

  constructor(expected = 1 << 15) {
    const cap = capacityFor(expected);
    this.slots = new Uint32Array(cap * 2);
    this.mask = cap - 1;
  }

  /** Makes room for `n` more ids at once, so a bulk load never rehashes (or holds two tables) midway. */
  reserve(n: number): void {
    const cap = capacityFor(this.size + n);
    if (cap > this.mask + 1) this.rehash(cap);
  }

  /** Slot of a hash is `w0 & slotMask`: adding hashes in that order fills the table front to back. */
  get slotMask(): number {
    return this.mask;
  }

  private find(h1: number, h2: number): number {
    let i = h1 & this.mask;
    for (;;) {
      const at = i * 2;
      const s2 = this.slots[at + 1];
      if (s2 === EMPTY || (s2 === h2 && this.slots[at] === h1)) return at;
      i = (i + 1) & this.mask;
    }
  }

  private rehash(cap: number): void {
    const old = this.slots;
    this.slots = new Uint32Array(cap * 2);
    this.mask = cap - 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] === EMPTY) continue;
      const to = this.find(old[at], old[at + 1]);
      this.slots[to] = old[at];
      this.slots[to + 1] = old[at + 1];
    }
  }

  /** Hashes `key` into `h`; consecutive calls with one key (messages of one conversation) hash it once. */
  private hashKey(key: string): void {
    if (key === this.lastKey) return;
    md5Words(key, this.h);
    this.lastKey = key;
  }

  add(key: string): void {
    this.hashKey(key);
    this.addHash(this.h[0], this.h[1]);
  }

  /** Adds a key by its hash words; says whether it may have been there already. */
  addAndTellHash(w0: number, w1: number): boolean {
    const before = this.size;
    this.addHash(w0, w1);
    return this.size === before;
  }

  /** Adds a key by its hash words (as `md5Words` gives them, or the database's md5_number for the key). */
  addHash(w0: number, w1: number): void {
    if (this.size + 1 > (this.mask + 1) * MAX_LOAD) this.rehash((this.mask + 1) * 2);
    const h2 = w1 || 1; // (x, 0) never marks a used slot
    const at = this.find(w0, h2);
    if (this.slots[at + 1] !== EMPTY) return;
    this.slots[at] = w0;
    this.slots[at + 1] = h2;
    this.size++;
  }

  mightContain(key: string): boolean {
    this.hashKey(key);
    return this.mightContainHash(this.h[0], this.h[1]);
  }

  mightContainHash(w0: number, w1: number): boolean {
    return this.slots[this.find(w0, w1 || 1) + 1] !== EMPTY;
  }

  get count(): number {
    return this.size;
  }
}
