// The writer's id filters are rebuilt at start from hashes DuckDB computes (md5_number): those must be exactly the
// hashes JavaScript computes for incoming ids, or a re-send after a restart would double a row and a late parent
// would not repair its children. Ids of every shape cross a restart here.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { IngestBatch } from '@llm-analytics/core';
import { DuckDBStore } from '../../src/store/duckdb/DuckDBStore.ts';
import { md5Words } from '../../src/store/md5Words.ts';
import { commitBatch } from '../helpers/storeFor.ts';
import { tempDir } from '../helpers/tempDir.ts';

/** Lengths around MD5's block edges (55/56/64 bytes), multi-byte and astral characters, a NUL. */
const SHAPES = [
  'a',
  'm-1',
  'x'.repeat(55),
  'x'.repeat(56),
  'x'.repeat(63),
  'x'.repeat(64),
  'y'.repeat(119),
  'z'.repeat(256),
  'héllo-wörld',
  '日本語のメッセージ'.repeat(5),
  'emoji-😀-🚀',
  'nul\u0000inside',
  `${'é'.repeat(27)}x`,
];

describe('md5Words', () => {
  it('is the first two little-endian words of MD5 over the UTF-8 bytes', () => {
    const out = new Uint32Array(2);
    for (const s of ['', ...SHAPES, 'lone \ud800 surrogate']) {
      md5Words(s, out);
      const digest = createHash('md5').update(s, 'utf8').digest();
      assert.deepEqual([out[0], out[1]], [digest.readUInt32LE(0), digest.readUInt32LE(4)], JSON.stringify(s));
    }
  });
});

const T = '2025-05-01T10:00:00Z';

/** One record of each kind per shape; conversations are sent later, after their messages. */
const facts = (): IngestBatch => ({
  models: SHAPES.map((s) => ({ model_id: `model ${s}`, name: s })),
  messages: SHAPES.map((s, i) => ({
    id: `msg ${s}`,
    conversation_id: `conv ${s}`,
    role: 'assistant' as const,
    created_at: T,
    model_id: `model ${s}`,
    latency_ms: i,
  })),
  evaluations: SHAPES.map((s) => ({ id: `eval ${s}`, message_id: `late msg ${s}`, rating: 4 })),
});

async function counts(store: DuckDBStore): Promise<Record<string, number>> {
  const [row] = await store.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM models) AS models, (SELECT count(*) FROM conversations) AS conversations,
       (SELECT count(*) FROM messages) AS messages, (SELECT count(*) FROM evaluations) AS evaluations`,
  );
  return row;
}

it('after a restart, re-sent ids of every shape replace their rows and late parents repair their children', async () => {
  const file = join(tempDir('lla-storedids'), 'db.duckdb');
  const ws = 'wörkspace ✓';
  let store = await DuckDBStore.open(file);
  await commitBatch(store, ws, facts());
  const before = await counts(store);
  assert.deepEqual(before, { models: 13, conversations: 0, messages: 13, evaluations: 13 });
  await store.close();

  store = await DuckDBStore.open(file);
  try {
    await commitBatch(store, ws, facts());
    assert.deepEqual(await counts(store), before, 're-sent records were recognised as stored');

    // Parents of stored children, arriving only now: their attributes reach the children.
    await commitBatch(store, ws, {
      conversations: SHAPES.map((s) => ({ id: `conv ${s}`, session_id: `session ${s}`, created_at: T })),
      messages: SHAPES.map((s) => ({
        id: `late msg ${s}`,
        conversation_id: `conv ${s}`,
        role: 'assistant' as const,
        created_at: T,
      })),
    });
    const unrepaired = await store.query(
      `SELECT (SELECT count(*) FROM messages WHERE session_id IS NULL) AS messages,
         (SELECT count(*) FROM evaluations WHERE m_created_at IS NULL) AS evaluations`,
    );
    assert.deepEqual(unrepaired, [{ messages: 0, evaluations: 0 }]);
  } finally {
    await store.close();
  }
});

it('a commit that rolled back leaves nothing behind: its ids commit later, one row each', async () => {
  const store = await DuckDBStore.open(join(tempDir('lla-storedids-rollback'), 'db.duckdb'));
  try {
    const message = (content: string) => ({
      id: 'm-1',
      conversation_id: 'c-1',
      role: 'user' as const,
      created_at: T,
      content,
    });
    // The store cannot hold an unpaired surrogate (validation rejects it before a commit; here it fails one).
    await assert.rejects(commitBatch(store, 'ws', { messages: [message('bad \ud800')] }));
    assert.deepEqual(await counts(store), { models: 0, conversations: 0, messages: 0, evaluations: 0 });
    await commitBatch(store, 'ws', { messages: [message('good')] });
    await commitBatch(store, 'ws', { messages: [message('good again')] });
    const rows = await store.query('SELECT content FROM messages');
    assert.deepEqual(rows, [{ content: 'good again' }]);
  } finally {
    await store.close();
  }
});
