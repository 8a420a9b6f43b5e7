// Tests that isIsoDateTime accepts exactly the strings zod's `z.iso.datetime({ offset: true })` accepts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConversationSchema } from '../../src/schemas/ingest.ts';
import { isIsoDateTime } from '../../src/schemas/isIsoDateTime.ts';
import { TestRng } from './randomBatch.ts';

const zodTimestamp = ConversationSchema.shape.created_at;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function agree(s: string): void {
  assert.equal(isIsoDateTime(s), zodTimestamp.safeParse(s).success, JSON.stringify(s));
}

test('every month and day 00–13 / 00–32 across leap-year rules (incl. years 0000, 1900, 2000, 2100)', () => {
  const rng = new TestRng(11);
  const years = [0, 1, 4, 100, 200, 400, 1600, 1700, 1900, 1996, 2000, 2023, 2024, 2100, 2400, 9996, 9999];
  for (let i = 0; i < 16; i++) years.push(rng.int(0, 9999));
  for (const y of years)
    for (let m = 0; m <= 13; m++)
      for (let d = 0; d <= 32; d++) agree(`${pad(y, 4)}-${pad(m)}-${pad(d)}T12:00:00Z`);
});

test('time of day, fractions and offsets', () => {
  for (const h of [0, 9, 10, 19, 20, 23, 24, 29, 30, 99])
    for (const m of [0, 59, 60, 99]) {
      agree(`2024-06-01T${pad(h)}:${pad(m)}:00Z`);
      agree(`2024-06-01T00:00:${pad(m)}Z`);
      agree(`2024-06-01T00:00:00+${pad(h)}:${pad(m)}`);
      agree(`2024-06-01T00:00:00-${pad(h)}:${pad(m)}`);
    }
  const fractions = ['', '.', '.0', '.1', '.123', '.123456', '.123456789012', '.1a', '..1', '.-1'];
  const zones = [
    'Z',
    'z',
    '+05:30',
    '-00:00',
    '+0530',
    '+05',
    '+05:3',
    '+05:300',
    ' Z',
    'Z ',
    '',
    'UTC',
    '+5:30',
  ];
  for (const f of fractions) for (const z of zones) agree(`2024-01-01T00:00:00${f}${z}`);
  for (const s of [
    '2024-01-01',
    '2024-01-01T00:00:00',
    '2024-01-01t00:00:00Z',
    '2024-01-01 00:00:00Z',
    '2024-01-01T00:00Z',
    '2024-02-30T00:00:00Z',
    '24-01-01T00:00:00Z',
    '+002024-01-01T00:00:00Z',
    '2024-1-01T00:00:00Z',
    '2024/01/01T00:00:00Z',
    '２０２４-01-01T00:00:00Z',
    '2024-01-01T00:00:00\nZ',
    '2024-01-01T00:00:00Z\n',
    '',
  ])
    agree(s);
});

test('random single-character edits of valid timestamps (seeded)', () => {
  const rng = new TestRng(12);
  const alphabet = '0123456789-:T.Z+ zt\u0660';
  const seeds = ['2024-02-29T23:59:59.999+14:00', '1999-12-31T00:00:00Z', '2000-02-29T12:30:45.5-03:30'];
  for (let n = 0; n < 20_000; n++) {
    let s = rng.pick(seeds);
    for (let edits = rng.int(1, 2); edits > 0; edits--) {
      const i = rng.int(0, s.length);
      const ch = rng.pick([...alphabet]);
      const op = rng.int(0, 2);
      s =
        op === 0
          ? s.slice(0, i) + ch + s.slice(i + 1)
          : op === 1
            ? s.slice(0, i) + ch + s.slice(i)
            : s.slice(0, i) + s.slice(i + 1);
    }
    agree(s);
  }
});
