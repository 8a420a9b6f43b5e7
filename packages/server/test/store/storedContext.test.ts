// Children that arrive in a later commit than their parents take the parents' context from the store (the
// writer's lookups), on both engines: a message its conversation's attributes, an evaluation its message's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IngestBatch } from '@llm-analytics/core';
import type { Store } from '../../src/store/Store.ts';
import { ENGINES } from '../helpers/engines.ts';
import { commitBatch, withStore } from '../helpers/storeFor.ts';

const WS = 'ws';
const T = '2025-05-01T10:00:00Z';
const commit = (store: Store, b: IngestBatch) => commitBatch(store, WS, b);

async function parentsFirst(store: Store) {
  await commit(store, {
    conversations: [
      { id: 'c1', user_id: 'u1', session_id: 's1', experiment_name: 'exp', is_widget_session: true },
    ],
  });
  await commit(store, {
    messages: [
      { id: 'm1', conversation_id: 'c1', role: 'assistant', model_id: 'gpt', provider: 'p', created_at: T },
    ],
  });
  await commit(store, { evaluations: [{ id: 'e1', message_id: 'm1', rating: 4 }] });

  const messages = await store.query('SELECT user_id, session_id, is_widget_session FROM messages');
  assert.deepEqual(messages, [{ user_id: 'u1', session_id: 's1', is_widget_session: true }]);
  const evaluations = await store.query<{ m_created_at: unknown }>(
    'SELECT m_model_id, m_user_id, m_session_id, m_created_at FROM evaluations',
  );
  assert.equal(evaluations.length, 1);
  const { m_created_at, ...rest } = evaluations[0];
  assert.deepEqual(rest, { m_model_id: 'gpt', m_user_id: 'u1', m_session_id: 's1' });
  assert.equal(new Date(m_created_at as string).toISOString(), new Date(T).toISOString());
}

describe('stored parents give their context to children of later commits', () => {
  for (const engine of ENGINES) it(engine, () => withStore(engine, parentsFirst));
});
