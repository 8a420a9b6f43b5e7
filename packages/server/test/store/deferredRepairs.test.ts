// DuckDB repairs late conversations in batches after their commits: a read never sees a row without its
// conversation's context, an evaluation that copied an unrepaired message is repaired too, and repairs that
// had not run when the process stopped run when the store opens again (the durable mark trails the commits).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import type { IngestBatch } from '@llm-analytics/core';
import { DuckDBStore } from '../../src/store/duckdb/DuckDBStore.ts';
import type { Store } from '../../src/store/Store.ts';
import { commitBatch } from '../helpers/storeFor.ts';
import { tempDir } from '../helpers/tempDir.ts';

const WS = 'ws-late';
const T = '2026-03-02T10:00:00Z';
const message = (id: string, conversation_id: string) => ({
  id,
  conversation_id,
  role: 'assistant' as const,
  model_id: 'gpt',
  created_at: T,
  tools_called: [{ name: 'search' }],
});
const conversation = (id: string) => ({ id, user_id: `user of ${id}` });
const batch = (b: IngestBatch) => b;

/** What the rows of `table` carry as their conversation's user, read through `run`. */
async function users(
  run: (sql: string) => Promise<Record<string, unknown>[]>,
): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const [table, key, col] of [
    ['messages', 'id', 'user_id'],
    ['tool_calls', 'message_id', 'm_user_id'],
    ['evaluations', 'id', 'm_user_id'],
  ]) {
    for (const r of await run(`SELECT ${key} AS k, ${col} AS u FROM ${table} ORDER BY k`))
      out[`${table}:${r.k}`] = (r.u as string | null) ?? null;
  }
  return out;
}

/** The file's rows as they are on disk, read without the store (which would repair on opening). */
async function onDisk(file: string) {
  const instance = await DuckDBInstance.create(file);
  const c = await instance.connect();
  try {
    const run = async (sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJS();
    const [{ mark }] = await run('SELECT max(seq)::INTEGER AS mark FROM repaired_commits');
    const [{ last }] = await run('SELECT max(commit_seq)::INTEGER AS last FROM conversations');
    return { users: await users(run), mark: Number(mark), last: Number(last) };
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

const read = (store: Store) => (sql: string) => store.query(sql);
/** Repairs wait for a read (or the next open), not for the timer, however slow the machine. */
const open = (file: string) => DuckDBStore.open(file, { repairDelayMs: 3_600_000 });

describe('deferred repairs of late conversations (DuckDB)', () => {
  it('a read straight after the late conversation sees every child repaired, evaluations included', async () => {
    const store = await open(join(tempDir('lla-deferred'), 'db.duckdb'));
    try {
      await commitBatch(store, WS, batch({ messages: [message('m1', 'c1')] }));
      await commitBatch(store, WS, batch({ conversations: [conversation('c1')] }));
      // Committed after the conversation, before any repair: it copies m1's context as stored (no user yet).
      await commitBatch(store, WS, batch({ evaluations: [{ id: 'e1', message_id: 'm1', rating: 4 }] }));
      assert.deepEqual(await users(read(store)), {
        'messages:m1': 'user of c1',
        'tool_calls:m1': 'user of c1',
        'evaluations:e1': 'user of c1',
      });
    } finally {
      await store.close();
    }
  });

  it('repairs left pending when the store closed run when it opens again', async () => {
    const file = join(tempDir('lla-deferred'), 'db.duckdb');
    const first = await open(file);
    await commitBatch(first, WS, batch({ messages: [message('m1', 'c1'), message('m2', 'c2')] }));
    await commitBatch(first, WS, batch({ conversations: [conversation('c1')] }));
    await first.close();

    // Not repaired yet, and the mark says so: the next open must repair the commits after it.
    const before = await onDisk(file);
    assert.equal(before.users['messages:m1'], null);
    assert.ok(before.mark < before.last, `mark ${before.mark} trails the last commit ${before.last}`);

    const second = await open(file);
    await commitBatch(second, WS, batch({ conversations: [conversation('c2')] }));
    await second.close();
    const after = await onDisk(file);
    assert.deepEqual(after.users, {
      'messages:m1': 'user of c1',
      'messages:m2': null,
      'tool_calls:m1': 'user of c1',
      'tool_calls:m2': null,
    });

    const third = await open(file);
    try {
      assert.deepEqual(await users(read(third)), {
        'messages:m1': 'user of c1',
        'messages:m2': 'user of c2',
        'tool_calls:m1': 'user of c1',
        'tool_calls:m2': 'user of c2',
      });
    } finally {
      await third.close();
    }
    const last = await onDisk(file);
    assert.equal(last.mark, last.last, 'every commit repaired');
  });

  it('runs pending repairs on its own after the delay when nothing reads', async () => {
    const file = join(tempDir('lla-deferred'), 'db.duckdb');
    const store = await DuckDBStore.open(file, { repairDelayMs: 20 });
    await commitBatch(store, WS, batch({ messages: [message('m1', 'c1')] }));
    await commitBatch(store, WS, batch({ conversations: [conversation('c1')] }));
    await new Promise((r) => setTimeout(r, 500));
    await store.close();
    const disk = await onDisk(file);
    assert.equal(disk.users['messages:m1'], 'user of c1');
    assert.equal(disk.mark, disk.last);
  });

  it('a read made inside a transaction does not wait for pending repairs (they wait for the transaction)', async () => {
    const store = await open(join(tempDir('lla-deferred'), 'db.duckdb'));
    try {
      await commitBatch(store, WS, batch({ messages: [message('m1', 'c1')] }));
      await commitBatch(store, WS, batch({ conversations: [conversation('c1')] }));
      const inside = await store.transaction(async (tx) => {
        const [r] = await store.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM messages');
        await tx.query('SELECT 1');
        return r.n;
      });
      assert.equal(inside, 1);
      // Outside it, reads wait for the repairs as always.
      assert.equal((await users(read(store)))['messages:m1'], 'user of c1');
    } finally {
      await store.close();
    }
  });
});
