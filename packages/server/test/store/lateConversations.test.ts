// Parents that arrive after their children, in any order and grouping, on both engines: every message, tool
// call and evaluation ends up carrying its parents' latest context, checked against a plain replay of the
// commits. On DuckDB the store is also reopened mid-stream, so repairs run both where the writer remembers the
// first commit of a late conversation's children and where it does not (children stored before the restart).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import type { IngestBatch } from '@llm-analytics/core';
import { TestRng } from '../../../core/test/schemas/randomBatch.ts';
import { DuckDBStore } from '../../src/store/duckdb/DuckDBStore.ts';
import type { Store } from '../../src/store/Store.ts';
import { ENGINES } from '../helpers/engines.ts';
import { commitBatch, withStore } from '../helpers/storeFor.ts';
import { tempDir } from '../helpers/tempDir.ts';

type Conversation = NonNullable<IngestBatch['conversations']>[number];
type Message = NonNullable<IngestBatch['messages']>[number];
type Evaluation = NonNullable<IngestBatch['evaluations']>[number];
const WORKSPACES = ['ws-a', 'ws-b']; // equal ids in both: a conversation id alone names two conversations
const T0 = Date.parse('2026-03-01T00:00:00Z');
/** Enough conversations that many arrive for the first time late in the stream, after children of theirs. */
const CONVERSATIONS = 80;

/** One commit: records of one workspace, as a client's requests grouped by the writer. */
interface Step {
  ws: string;
  batch: Required<Pick<IngestBatch, 'conversations' | 'messages' | 'evaluations'>>;
}

function steps(rng: TestRng, count: number): Step[] {
  const out: Step[] = [];
  for (let i = 0; i < count; i++) {
    const batch: Step['batch'] = { conversations: [], messages: [], evaluations: [] };
    for (let r = rng.int(1, 3); r > 0; r--) {
      const kind = rng.pick(['conversation', 'message', 'message', 'evaluation'] as const);
      const n = rng.int(1, 12);
      for (let k = 0; k < n; k++) {
        if (kind === 'conversation') {
          batch.conversations.push({
            id: `c${rng.int(0, CONVERSATIONS - 1)}`,
            user_id: rng.chance(0.8) ? `u${rng.int(0, 5)}` : undefined,
            session_id: rng.chance(0.7) ? `s${rng.int(0, 3)}` : undefined,
            experiment_name: rng.chance(0.5) ? `exp ${rng.int(0, 2)}` : undefined,
            is_widget_session: rng.chance(0.3),
          });
        } else if (kind === 'message') {
          const m: Message = {
            id: `m${rng.int(0, 119)}`,
            conversation_id: `c${rng.int(0, CONVERSATIONS - 1)}`,
            role: 'assistant',
            model_id: `model-${rng.int(0, 3)}`,
            created_at: new Date(T0 + rng.int(0, 86_400) * 1000).toISOString(),
          };
          if (rng.chance(0.3)) m.tools_called = [{ name: 'search', success: rng.chance(0.8) }];
          batch.messages.push(m);
        } else {
          batch.evaluations.push({
            id: `e${rng.int(0, 59)}`,
            message_id: `m${rng.int(0, 119)}`,
            rating: rng.int(1, 5),
          });
        }
      }
    }
    out.push({ ws: rng.pick(WORKSPACES), batch });
  }
  return out;
}

interface Context {
  conversation_id: string | null;
  model_id: string | null;
  user_id: string | null;
  session_id: string | null;
  experiment_name: string | null;
  is_widget_session: boolean | null;
}
type Expected = Record<'messages' | 'tool_calls' | 'evaluations', Map<string, Context>>;

/** What every child should carry once all steps are committed: the last version of each record wins. */
function replay(all: Step[]): Expected {
  const convs = new Map<string, Conversation>();
  const msgs = new Map<string, Message>();
  const evals = new Map<string, Evaluation & { ws: string }>();
  for (const { ws, batch } of all) {
    for (const c of batch.conversations) convs.set(`${ws}/${c.id}`, c);
    for (const m of batch.messages) msgs.set(`${ws}/${m.id}`, m);
    for (const e of batch.evaluations) evals.set(`${ws}/${e.id}`, { ...e, ws });
  }
  const of = (ws: string, m: Message | undefined): Context => {
    const c = m ? convs.get(`${ws}/${m.conversation_id}`) : undefined;
    return {
      conversation_id: m?.conversation_id ?? null,
      model_id: m?.model_id ?? null,
      user_id: c?.user_id ?? null,
      session_id: c?.session_id ?? null,
      experiment_name: c?.experiment_name ?? null,
      is_widget_session: c ? (c.is_widget_session ?? null) : null,
    };
  };
  const out: Expected = { messages: new Map(), tool_calls: new Map(), evaluations: new Map() };
  for (const [key, m] of msgs) {
    const ws = key.slice(0, key.indexOf('/'));
    out.messages.set(key, of(ws, m));
    if (m.tools_called?.length) out.tool_calls.set(key, of(ws, m));
  }
  for (const [key, e] of evals) out.evaluations.set(key, of(e.ws, msgs.get(`${e.ws}/${e.message_id}`)));
  return out;
}

const CONTEXT = [
  'conversation_id',
  'model_id',
  'user_id',
  'session_id',
  'experiment_name',
  'is_widget_session',
];

/** The carried context of the rows of workspaces whose id starts with `ws`. */
async function stored(store: Store, ws: string): Promise<Expected> {
  const read = async (table: keyof Expected, key: string, prefix: string) => {
    const rows = await store.query<Record<string, unknown>>(
      `SELECT workspace_id || '/' || ${key} AS k, ${CONTEXT.map((c) => `${prefix}${c} AS ${c}`).join(', ')}
       FROM ${table} WHERE starts_with(workspace_id, $1)`,
      [ws],
    );
    return new Map(rows.map(({ k, ...ctx }) => [String(k), ctx as unknown as Context]));
  };
  return {
    messages: await read('messages', 'id', ''),
    tool_calls: await read('tool_calls', 'message_id', 'm_'),
    evaluations: await read('evaluations', 'id', 'm_'),
  };
}

/** Rows whose integer codes do not name the text they carry (codes are the columns analytics group on). */
async function codeMismatches(store: Store, ws: string): Promise<number> {
  const [row] = await store.query<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM messages m
     LEFT JOIN value_codes v ON v.workspace_id = m.workspace_id AND v.code = m.session_code
     WHERE starts_with(m.workspace_id, $1) AND v.value IS DISTINCT FROM m.session_id`,
    [ws],
  );
  return row.n;
}

/** Compares the stored context of the steps' workspaces (ids starting with `ws`) with the replay's. */
async function check(store: Store, all: Step[], ws: string) {
  const expected = replay(all);
  const actual = await stored(store, ws);
  for (const table of Object.keys(expected) as (keyof Expected)[]) {
    const keys = [...new Set([...expected[table].keys(), ...actual[table].keys()])];
    const wrong = keys.filter((k) => !isDeepStrictEqual(actual[table].get(k), expected[table].get(k)));
    assert.deepEqual(
      wrong.slice(0, 3).map((k) => ({ k, stored: actual[table].get(k), expected: expected[table].get(k) })),
      [],
      `${ws}: ${wrong.length} of ${keys.length} ${table} rows differ`,
    );
  }
  assert.equal(await codeMismatches(store, ws), 0, `${ws}: session codes`);
}

const SEEDS = [1, 2, 3, 4];

/** Each road by which a row comes to carry a conversation that has not arrived, alone in its commits. */
function roads(): Step[] {
  const ws = 'roads';
  const T = '2026-03-02T10:00:00Z';
  const msg = (id: string, conversation_id: string, tools = false): Message => ({
    id,
    conversation_id,
    role: 'assistant',
    model_id: 'gpt',
    created_at: T,
    ...(tools ? { tools_called: [{ name: 'search' }] } : {}),
  });
  const conv = (id: string): Conversation => ({
    id,
    user_id: `user of ${id}`,
    session_id: `session of ${id}`,
  });
  const step = (b: Partial<Step['batch']>): Step => ({
    ws,
    batch: { conversations: [], messages: [], evaluations: [], ...b },
  });
  return [
    // message, then its evaluation (which copies the message's context), then the conversation
    step({ messages: [msg('m1', 'c1')] }),
    step({ evaluations: [{ id: 'e1', message_id: 'm1', rating: 4 }] }),
    step({ conversations: [conv('c1')] }),
    // evaluation, then its message (whose repair gives the evaluation the conversation), then the conversation
    step({ evaluations: [{ id: 'e2', message_id: 'm2', rating: 2 }] }),
    step({ messages: [msg('m2', 'c2')] }),
    step({ conversations: [conv('c2')] }),
    // a message with a tool call, then the conversation
    step({ messages: [msg('m3', 'c3', true)] }),
    step({ conversations: [conv('c3')] }),
    // a conversation re-sent with new attributes: every child is repaired, late or not
    step({ messages: [msg('m4', 'c4', true)] }),
    step({ conversations: [conv('c4')] }),
    step({ messages: [msg('m5', 'c4')], evaluations: [{ id: 'e5', message_id: 'm4', rating: 5 }] }),
    step({ conversations: [{ id: 'c4', user_id: 'renamed', experiment_name: 'exp' }] }),
  ];
}

describe('late parents: every child carries its parents latest context', () => {
  for (const engine of ENGINES) {
    it(`${engine}, random arrival orders and groupings`, () =>
      withStore(engine, async (store) => {
        for (const seed of SEEDS) {
          const ws = `seed-${seed}-`; // a fresh pair of workspaces per seed
          const all = steps(new TestRng(seed), 60).map((s) => ({ ...s, ws: `${ws}${s.ws}` }));
          for (const s of all) await commitBatch(store, s.ws, s.batch);
          await check(store, all, ws);
        }
      }));
  }

  for (const engine of ENGINES) {
    it(`${engine}, each road a child takes to carry a late conversation`, () =>
      withStore(engine, async (store) => {
        const all = roads();
        for (const s of all) await commitBatch(store, s.ws, s.batch);
        await check(store, all, 'roads');
      }));
  }

  it('duckdb, a conversation referenced before a restart and again after it reaches its older children', async () => {
    const file = join(tempDir('lla-late-restart'), 'db.duckdb');
    const ws = 'restart-roads';
    const T = '2026-03-02T10:00:00Z';
    const msg = (id: string, tools = false): Message => ({
      id,
      conversation_id: 'c1',
      role: 'assistant',
      model_id: 'gpt',
      created_at: T,
      ...(tools ? { tools_called: [{ name: 'search' }] } : {}),
    });
    const step = (b: Partial<Step['batch']>): Step => ({
      ws,
      batch: { conversations: [], messages: [], evaluations: [], ...b },
    });
    const before = [step({ messages: [msg('m1', true)], evaluations: [{ id: 'e1', message_id: 'm1' }] })];
    const after = [
      step({ messages: [msg('m2')] }),
      step({ conversations: [{ id: 'c1', user_id: 'u1', session_id: 's1' }] }),
    ];
    let store = await DuckDBStore.open(file);
    for (const s of before) await commitBatch(store, s.ws, s.batch);
    await store.close();
    store = await DuckDBStore.open(file);
    try {
      for (const s of after) await commitBatch(store, s.ws, s.batch);
      await check(store, [...before, ...after], ws);
    } finally {
      await store.close();
    }
  });

  it('duckdb, reopened mid-stream (children stored before the restart are found without the writer memory)', async () => {
    const file = join(tempDir('lla-late'), 'db.duckdb');
    for (const seed of SEEDS) {
      const ws = `restart-${seed}-`;
      const all = steps(new TestRng(100 + seed), 60).map((s) => ({ ...s, ws: `${ws}${s.ws}` }));
      const restartAt = new Set([15, 30, 45]);
      let store = await DuckDBStore.open(file);
      try {
        for (let i = 0; i < all.length; i++) {
          if (restartAt.has(i)) {
            await store.close();
            store = await DuckDBStore.open(file);
          }
          await commitBatch(store, all[i].ws, all[i].batch);
        }
        await check(store, all, ws);
      } finally {
        await store.close();
      }
    }
  });
});
