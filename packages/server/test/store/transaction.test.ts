// Store.transaction on both engines: every statement commits or none does, readers never see part of one,
// and the services' transactions and ingest commits running at the same time all land.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IngestBatch } from '@llm-analytics/core';
import type { Store } from '../../src/store/Store.ts';
import { ENGINES } from '../helpers/engines.ts';
import { commitBatch, withStore } from '../helpers/storeFor.ts';

const T = '2025-05-01T10:00:00Z';
const INSERT = 'INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, now())';
const message = (i: number): IngestBatch => ({
  messages: [{ id: `m${i}`, conversation_id: `c${i}`, role: 'user', created_at: T }],
});

const workspaceIds = async (store: Store) =>
  (await store.query<{ id: string }>('SELECT id FROM workspaces ORDER BY id')).map((r) => r.id);
const messageIds = async (store: Store, ws: string) =>
  (
    await store.query<{ id: string }>('SELECT id FROM messages WHERE workspace_id = $1 ORDER BY id', [ws])
  ).map((r) => r.id);

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

for (const engine of ENGINES) {
  describe(`Store.transaction on ${engine}`, () => {
    it('commits every statement, returns what fn returns, and a concurrent reader sees none before', () =>
      withStore(engine, async (store) => {
        const result = await store.transaction(async (tx) => {
          await tx.query(INSERT, ['a', 'A']);
          assert.deepEqual(await tx.query('SELECT id FROM workspaces'), [{ id: 'a' }], 'fn sees its writes');
          assert.deepEqual(await workspaceIds(store), [], 'a reader outside sees no part of it');
          await tx.query(INSERT, ['b', 'B']);
          return 42;
        });
        assert.equal(result, 42);
        assert.deepEqual(await workspaceIds(store), ['a', 'b']);
      }));

    it('rolls every statement back when fn throws, and rethrows the error', () =>
      withStore(engine, async (store) => {
        const boom = new Error('boom');
        await assert.rejects(
          store.transaction(async (tx) => {
            await tx.query(INSERT, ['a', 'A']);
            await tx.query(INSERT, ['b', 'B']);
            throw boom;
          }),
          (e) => e === boom,
        );
        assert.deepEqual(await workspaceIds(store), []);
        // A failing statement rolls back the ones before it too.
        await assert.rejects(
          store.transaction(async (tx) => {
            await tx.query(INSERT, ['c', 'C']);
            await tx.query('INSERT INTO no_such_table VALUES (1)');
          }),
        );
        assert.deepEqual(await workspaceIds(store), []);
        // The connection is usable afterwards.
        await store.transaction((tx) => tx.query(INSERT, ['d', 'D']));
        assert.deepEqual(await workspaceIds(store), ['d']);
      }));

    it('runs beside ingest commits: a commit before, commits during, and the transaction all land', () =>
      withStore(engine, async (store) => {
        const gate = deferred();
        const started = deferred();
        const before = commitBatch(store, 'w', message(0));
        const tx = store.transaction(async (t) => {
          await t.query(INSERT, ['tx1', 'one']);
          started.resolve();
          await gate.promise;
          await t.query(INSERT, ['tx2', 'two']);
          return 'done';
        });
        await started.promise;
        const during = [1, 2, 3, 4, 5].map((i) => commitBatch(store, 'w', message(i)));
        await new Promise((r) => setTimeout(r, 50));
        gate.resolve();
        assert.equal(await tx, 'done');
        await Promise.all([before, ...during]);
        assert.deepEqual(await workspaceIds(store), ['tx1', 'tx2']);
        assert.deepEqual(await messageIds(store, 'w'), ['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
        // And the writer goes on as before.
        await commitBatch(store, 'w', message(6));
        assert.equal((await messageIds(store, 'w')).length, 7);
      }));

    it('transactions at once each commit whole', () =>
      withStore(engine, async (store) => {
        await Promise.all(
          [1, 2, 3, 4].map((i) =>
            store.transaction(async (tx) => {
              await tx.query(INSERT, [`w${i}a`, 'x']);
              await new Promise((r) => setTimeout(r, 5));
              await tx.query(INSERT, [`w${i}b`, 'x']);
            }),
          ),
        );
        assert.deepEqual(await workspaceIds(store), ['w1a', 'w1b', 'w2a', 'w2b', 'w3a', 'w3b', 'w4a', 'w4b']);
      }));
  });
}
