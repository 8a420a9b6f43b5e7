// Owns "has this id possibly been written before?" without scanning a table: a scalable Bloom filter.
// A false positive only sends that id down the slower delete-then-insert path, so correctness never
// depends on the filter; memory stays ~1.2 bytes per id (1% false-positive rate per layer).
const BITS_PER_ITEM = 10;
const HASHES = 7;

interface Layer {
  bits: Uint32Array;
  size: number;
  capacity: number;
  count: number;
}

function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function newLayer(capacity: number): Layer {
  const size = Math.max(1024, capacity * BITS_PER_ITEM);
  return { bits: new Uint32Array(Math.ceil(size / 32)), size, capacity, count: 0 };
}

export class IdFilter {
  private layers: Layer[];

  constructor(initialCapacity = 1 << 16) {
    this.layers = [newLayer(initialCapacity)];
  }

  private static positions(key: string, size: number, out: number[]): void {
    const h1 = fnv1a(key, 2166136261);
    const h2 = fnv1a(key, 0x9747b28c) | 1;
    for (let i = 0; i < HASHES; i++) out[i] = ((h1 + Math.imul(i, h2)) >>> 0) % size;
  }

  private readonly pos: number[] = new Array(HASHES).fill(0);

  add(key: string): void {
    let layer = this.layers[this.layers.length - 1];
    if (layer.count >= layer.capacity) {
      layer = newLayer(layer.capacity * 2);
      this.layers.push(layer);
    }
    IdFilter.positions(key, layer.size, this.pos);
    for (const p of this.pos) layer.bits[p >>> 5] |= 1 << (p & 31);
    layer.count++;
  }

  mightContain(key: string): boolean {
    for (const layer of this.layers) {
      IdFilter.positions(key, layer.size, this.pos);
      let all = true;
      for (const p of this.pos) {
        if ((layer.bits[p >>> 5] & (1 << (p & 31))) === 0) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    return false;
  }

  get count(): number {
    return this.layers.reduce((n, l) => n + l.count, 0);
  }
}
