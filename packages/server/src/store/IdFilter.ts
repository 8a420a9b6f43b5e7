// Owns "has this id been written before?" without scanning a table: an open-addressing set of 64-bit id
// hashes in typed arrays (16 bytes per id at most). A collision only sends that id down the slower
// delete-then-insert path (which scans), so correctness never depends on it; at 64 bits it is ~1e-12 per id,
// unlike a Bloom filter whose ~1% false positives would make nearly every batch scan the table.
const EMPTY = 0;

/** cyrb53-style mixing: two well-spread 32-bit halves of one string's hash. */
function hash64(s: string, out: Uint32Array): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  out[0] = h1 >>> 0;
  out[1] = h2 >>> 0 || 1; // (x, 0) never marks a used slot
}

export class IdFilter {
  private slots: Uint32Array;
  private mask: number;
  private size = 0;
  private readonly h = new Uint32Array(2);

  constructor(initialCapacity = 1 << 16) {
    let cap = 1024;
    while (cap < initialCapacity * 2) cap *= 2;
    this.slots = new Uint32Array(cap * 2);
    this.mask = cap - 1;
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

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.mask = old.length - 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] === EMPTY) continue;
      const to = this.find(old[at], old[at + 1]);
      this.slots[to] = old[at];
      this.slots[to + 1] = old[at + 1];
    }
  }

  add(key: string): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    hash64(key, this.h);
    const at = this.find(this.h[0], this.h[1]);
    if (this.slots[at + 1] !== EMPTY) return;
    this.slots[at] = this.h[0];
    this.slots[at + 1] = this.h[1];
    this.size++;
  }

  mightContain(key: string): boolean {
    hash64(key, this.h);
    return this.slots[this.find(this.h[0], this.h[1]) + 1] !== EMPTY;
  }

  get count(): number {
    return this.size;
  }
}
