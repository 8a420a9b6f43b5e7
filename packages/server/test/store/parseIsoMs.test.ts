// Tests that parseIsoMs gives Date.parse's milliseconds for every string, valid ingest timestamp or not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseIsoMs } from '../../src/store/parseIsoMs.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const same = (s: string) => assert.equal(parseIsoMs(s), Date.parse(s), JSON.stringify(s));

/** mulberry32, seeded so a failure reproduces. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('every month/day 00–13 / 00–32 over leap and century years, incl. 0000–0099', () => {
  for (const y of [0, 1, 4, 99, 100, 400, 1600, 1899, 1900, 1969, 1970, 2000, 2023, 2024, 2100, 9999])
    for (let m = 0; m <= 13; m++)
      for (let d = 0; d <= 32; d++) same(`${pad(y, 4)}-${pad(m)}-${pad(d)}T00:00:00Z`);
});

test('random timestamps with fractions of 0–12 digits and offsets up to ±23:59 (seeded)', () => {
  const r = rng(5);
  const int = (n: number) => Math.floor(r() * n);
  for (let i = 0; i < 20_000; i++) {
    const fraction = r() < 0.3 ? '' : `.${Array.from({ length: 1 + int(12) }, () => int(10)).join('')}`;
    const zone = r() < 0.4 ? 'Z' : `${r() < 0.5 ? '+' : '-'}${pad(int(24))}:${pad(int(60))}`;
    same(
      `${pad(int(10_000), 4)}-${pad(1 + int(12))}-${pad(1 + int(31))}T${pad(int(25))}:${pad(int(61))}:${pad(int(61))}${fraction}${zone}`,
    );
  }
  for (const s of [
    '2024-01-01T00:00:00.9999999999999999999999Z',
    '2024-01-01T00:00:00.999+23:59',
    '2024-01-01T00:00:00.0473299125Z',
  ])
    same(s);
});

test('anything outside the schema grammar is read as Date.parse reads it', () => {
  for (const s of [
    '',
    '2024-01-01',
    '2024-01-01T00:00:00',
    '2024-01-01T00:00Z',
    '2024-01-01T00:00:00.Z',
    '2024-01-01T24:00:00Z',
    '2024-01-01T00:00:00+24:00',
    '2024-01-01T00:00:00+05:60',
    '2024-01-01T00:00:00+0530',
    '2024-01-01t00:00:00z',
    '2024-01-01 00:00:00Z',
    '2024-02-30T00:00:00Z',
    '+002024-01-01T00:00:00Z',
    'Mon, 01 Jan 2024 00:00:00 GMT',
    '2024-01-01T00:00:00Z ',
  ])
    same(s);
});
