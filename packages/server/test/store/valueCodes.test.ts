// Value codes stay one-to-one with values across commits, restarts and engines: every value of a workspace has
// exactly one code, no code stands for two values, and the rows carry the code of their own value.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { IngestBatch } from '@llm-analytics/core';
import { DuckDBStore } from '../../src/store/duckdb/DuckDBStore.ts';
import type { Store } from '../../src/store/Store.ts';
import { commitBatch, withStore } from '../helpers/storeFor.ts';
import { tempDir } from '../helpers/tempDir.ts';

const T = '2025-05-01T10:00:00Z';
const WS = 'ws';
const batch = (n: number, model: string, session: string): IngestBatch => ({
  models: [{ model_id: model, provider: 'p', training_method: 'base' }],
  conversations: [{ id: `c${n}`, session_id: session, experiment_name: 'exp' }],
  messages: [
    {
      id: `m${n}`,
      conversation_id: `c${n}`,
      role: 'assistant',
      model_id: model,
      provider: 'p',
      created_at: T,
    },
  ],
});
const commit = commitBatch;

async function assertCodes(store: Store) {
  const codes = await store.query<{ value: string; code: number }>(
    'SELECT value, code FROM value_codes WHERE workspace_id = $1 ORDER BY code',
    [WS],
  );
  assert.deepEqual(codes.map((c) => c.value).sort(), [
    'alpha',
    'base',
    'beta',
    'exp',
    'gamma',
    'p',
    's1',
    's2',
  ]);
  assert.deepEqual(
    codes.map((c) => c.code),
    [1, 2, 3, 4, 5, 6, 7, 8],
    'dense, one per value',
  );
  const code = (v: string) => codes.find((c) => c.value === v)!.code;
  const row = (id: string, model: string, session: string) => ({
    id,
    model_code: code(model),
    provider_code: code('p'),
    session_code: code(session),
    experiment_code: code('exp'),
  });
  assert.deepEqual(
    await store.query(
      'SELECT id, model_code, provider_code, session_code, experiment_code FROM messages WHERE workspace_id = $1 ORDER BY id',
      [WS],
    ),
    [row('m1', 'alpha', 's1'), row('m2', 'beta', 's1'), row('m4', 'gamma', 's2')],
  );
  assert.deepEqual(
    await store.query('SELECT model_id, model_code FROM models WHERE workspace_id = $1 ORDER BY model_id', [
      WS,
    ]),
    ['alpha', 'beta', 'gamma'].map((m) => ({ model_id: m, model_code: code(m) })),
  );
}

describe('value codes are one per value across commits, workspaces and restarts', () => {
  it('duckdb (codes live in memory: reopening continues the numbering)', async () => {
    const dir = tempDir('lla-codes');
    const file = join(dir, 'db.duckdb');
    const first = await DuckDBStore.open(file);
    await commit(first, WS, batch(1, 'alpha', 's1'));
    await commit(first, WS, batch(2, 'beta', 's1'));
    await commit(first, 'other', batch(3, 'beta', 's9'));
    await first.close();
    const second = await DuckDBStore.open(file);
    try {
      await commit(second, WS, batch(4, 'gamma', 's2'));
      await assertCodes(second);
    } finally {
      await second.close();
    }
  });

  it('duckdb: commits running at once that bring the same new value give it one code', async () => {
    await withStore('duckdb', async (store) => {
      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          commit(store, WS, batch(10 + i, i % 2 ? 'zeta' : 'eta', `s${i % 3}`)),
        ),
      );
      const codes = await store.query<{ value: string; n: number }>(
        'SELECT value, count(*)::INTEGER AS n FROM value_codes WHERE workspace_id = $1 GROUP BY value HAVING count(*) > 1',
        [WS],
      );
      assert.deepEqual(codes, [], 'no value has two codes');
      const codeCount = await store.query<{ n: number }>(
        'SELECT count(DISTINCT code)::INTEGER AS n FROM value_codes WHERE workspace_id = $1',
        [WS],
      );
      const valueCount = await store.query<{ n: number }>(
        'SELECT count(DISTINCT value)::INTEGER AS n FROM value_codes WHERE workspace_id = $1',
        [WS],
      );
      assert.equal(codeCount[0].n, valueCount[0].n, 'no code stands for two values');
      const split = await store.query(
        'SELECT model_id FROM messages GROUP BY model_id HAVING count(DISTINCT model_code) > 1',
      );
      assert.deepEqual(split, []);
    });
  });

  it('postgres', () =>
    withStore('postgres', async (store) => {
      await commit(store, WS, batch(1, 'alpha', 's1'));
      await commit(store, WS, batch(2, 'beta', 's1'));
      await commit(store, 'other', batch(3, 'beta', 's9'));
      await commit(store, WS, batch(4, 'gamma', 's2'));
      await assertCodes(store);
    }));
});
