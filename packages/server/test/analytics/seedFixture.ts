// Owns the small fixed data set of the seed-endpoint tests and a GET helper; the tests recount it in plain JS.
import type { TestServer } from '../helpers/testServer.ts';

export const MODELS = [
  { model_id: 'base-m', name: 'Base', provider: 'runpod', training_method: 'base' as const },
  {
    model_id: 'ft-m',
    name: 'Fine-tune',
    provider: 'runpod',
    training_method: 'sft' as const,
    base_model: 'base-m',
  },
  { model_id: 'other-m', name: 'Other', provider: 'openai', training_method: 'other' as const },
];

const day = (i: number) => `2025-03-0${1 + (i % 5)}`;

export const CONVERSATIONS = Array.from({ length: 10 }, (_, i) => ({
  id: `c${i}`,
  user_id: `u${i % 3}`,
  created_at: `${day(i)}T09:00:00Z`,
}));

export const MESSAGES = Array.from({ length: 60 }, (_, i) => {
  const assistant = i % 2 === 1;
  return {
    id: `m${i}`,
    conversation_id: `c${i % 10}`,
    role: assistant ? ('assistant' as const) : ('user' as const),
    content: `message ${i}`,
    created_at: `${day(i)}T10:${String(i).padStart(2, '0')}:00Z`,
    input_tokens: 100 + i,
    ...(assistant
      ? {
          model_id: MODELS[(i >> 1) % 3].model_id,
          provider: MODELS[(i >> 1) % 3].provider,
          output_tokens: 50,
          latency_ms: 100 * i,
          ...(i % 7 === 1 ? { error_type: 'timeout' } : {}),
          ...(i % 4 === 1 ? { tools_called: [{ name: 'search', success: i % 8 === 1 }] } : {}),
        }
      : {}),
  };
});

export const EVALUATIONS = MESSAGES.filter((m) => m.role === 'assistant').map((m, k) => {
  const rating = 1 + (k % 5);
  return {
    id: `e${k}`,
    message_id: m.id,
    evaluator_id: k % 2 ? 'judge' : 'user',
    rating,
    success: rating >= 4,
    failure_tags: rating <= 2 ? ['hallucination', ...(k % 3 === 0 ? ['off_topic'] : [])] : [],
    created_at: m.created_at,
  };
});

export async function loadFixture(s: TestServer): Promise<void> {
  const res = await fetch(`${s.url}/api/ingest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${s.adminKey}` },
    body: JSON.stringify({
      models: MODELS,
      conversations: CONVERSATIONS,
      messages: MESSAGES,
      evaluations: EVALUATIONS,
    }),
  });
  if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
}

export interface ErrorBody {
  error: { code: string; message: string };
}

/** GET with the admin key; the body is typed by the caller (`T`) and checked by the test's assertions. */
export async function get<T>(
  s: TestServer,
  path: string,
  key: string | null = s.adminKey,
): Promise<{ status: number; headers: Headers; body: T & Partial<ErrorBody> }> {
  const res = await fetch(`${s.url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  return { status: res.status, headers: res.headers, body: (await res.json()) as T & Partial<ErrorBody> };
}
