// Owns MD5 (RFC 1321) of a string's UTF-8 bytes, reduced to the digest's first two little-endian words: the
// id hash that DuckDB can compute too (md5_number), so stored ids are hashed inside the database at start.
const SHIFT = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const R = new Int32Array(64);
const K = new Int32Array(64);
for (let i = 0; i < 64; i++) {
  R[i] = SHIFT[(i >>> 4) * 4 + (i & 3)];
  K[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0;
}
const X = new Int32Array(16);
const state = new Int32Array(4);
const encoder = new TextEncoder();
let bytes = new Uint8Array(320);

const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));

/** One 64-byte block (already in X) folded into `state`. */
function block(): void {
  let a = state[0];
  let b = state[1];
  let c = state[2];
  let d = state[3];
  let t = 0;
  for (let i = 0; i < 16; i++) {
    t = (a + ((b & c) | (~b & d)) + K[i] + X[i]) | 0;
    a = d;
    d = c;
    c = b;
    b = (b + rotl(t, R[i])) | 0;
  }
  for (let i = 16; i < 32; i++) {
    t = (a + ((d & b) | (~d & c)) + K[i] + X[(5 * i + 1) & 15]) | 0;
    a = d;
    d = c;
    c = b;
    b = (b + rotl(t, R[i])) | 0;
  }
  for (let i = 32; i < 48; i++) {
    t = (a + (b ^ c ^ d) + K[i] + X[(3 * i + 5) & 15]) | 0;
    a = d;
    d = c;
    c = b;
    b = (b + rotl(t, R[i])) | 0;
  }
  for (let i = 48; i < 64; i++) {
    t = (a + (c ^ (b | ~d)) + K[i] + X[(7 * i) & 15]) | 0;
    a = d;
    d = c;
    c = b;
    b = (b + rotl(t, R[i])) | 0;
  }
  state[0] = (state[0] + a) | 0;
  state[1] = (state[1] + b) | 0;
  state[2] = (state[2] + c) | 0;
  state[3] = (state[3] + d) | 0;
}

function reset(): void {
  state[0] = 0x67452301;
  state[1] = 0xefcdab89 | 0;
  state[2] = 0x98badcfe | 0;
  state[3] = 0x10325476;
}

/** The general case: any length, any characters (lone surrogates hash as U+FFFD, as TextEncoder writes). */
function digestBytes(s: string): void {
  if (s.length * 3 + 72 > bytes.length) bytes = new Uint8Array(s.length * 3 + 72);
  const n = encoder.encodeInto(s, bytes).written;
  const end = (((n + 8) >>> 6) + 1) * 64;
  bytes.fill(0, n, end);
  bytes[n] = 0x80;
  // The bit length, little-endian; keys are far below 2^32 bits.
  const bits = n * 8;
  for (let k = 0; k < 4; k++) bytes[end - 8 + k] = (bits >>> (8 * k)) & 255;
  reset();
  for (let off = 0; off < end; off += 64) {
    for (let j = 0; j < 16; j++) {
      const p = off + j * 4;
      X[j] = bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16) | (bytes[p + 3] << 24);
    }
    block();
  }
}

/**
 * Writes words 0 and 1 of MD5(utf8(s)) to `out`: in DuckDB, `md5_number(s) & 0xFFFFFFFF` and
 * `(md5_number(s) >> 32) & 0xFFFFFFFF`. Ids are nearly always short ASCII, which takes one block and skips
 * the byte buffer.
 */
export function md5Words(s: string, out: Uint32Array): void {
  const n = s.length;
  let ascii = n <= 55;
  if (ascii) {
    X.fill(0);
    for (let i = 0; i < n; i++) {
      const ch = s.charCodeAt(i);
      if (ch > 127) {
        ascii = false;
        break;
      }
      X[i >>> 2] |= ch << ((i & 3) << 3);
    }
  }
  if (ascii) {
    X[n >>> 2] |= 0x80 << ((n & 3) << 3);
    X[14] = n * 8;
    reset();
    block();
  } else {
    digestBytes(s);
  }
  out[0] = state[0] >>> 0;
  out[1] = state[1] >>> 0;
}
