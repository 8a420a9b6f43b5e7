// Owns the seeded, fixed-time data set of the analytics correctness tests, with the edge cases they need.
import type { IngestBatchInput } from '@llm-analytics/core';

export const NOW = new Date('2025-06-15T12:00:00Z');
const DAY = 86_400_000;
const T0 = NOW.getTime();

export interface DsModel {
  model_id: string;
  provider: string | null;
  training_method: 'base' | 'sft' | 'dpo' | 'rlhf' | 'other';
  base_model: string | null;
}
export interface DsConversation {
  id: string;
  user_id: string | null;
  session_id: string | null;
  experiment_name: string | null;
  is_widget_session: boolean | null;
}
export interface DsTool {
  name: string;
  success: boolean | null;
}
export interface DsMessage {
  id: string;
  conversation_id: string;
  role: 'user' | 'assistant' | 'system' | 'tool';
  created_at: string;
  model_id: string | null;
  provider: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  latency_ms: number | null;
  tools_called: DsTool[];
  error_type: string | null;
}
export interface DsEvaluation {
  id: string;
  message_id: string;
  evaluator_id: string | null;
  rating: number | null;
  success: boolean | null;
  failure_tags: string[] | null;
  created_at: string;
}
export interface Dataset {
  models: DsModel[];
  conversations: DsConversation[];
  messages: DsMessage[];
  evaluations: DsEvaluation[];
}

/** Registered models: base and fine-tunes (sft, dpo, rlhf) of one base, plus two catalog-priced API models. */
const MODELS: DsModel[] = [
  { model_id: 'gpt-4o', provider: 'openai', training_method: 'base', base_model: null },
  {
    model_id: 'claude-3-5-sonnet-20241022',
    provider: 'anthropic',
    training_method: 'base',
    base_model: null,
  },
  { model_id: 'llama-3-8b', provider: 'runpod', training_method: 'base', base_model: null },
  { model_id: 'llama-3-8b-sft', provider: 'runpod', training_method: 'sft', base_model: 'llama-3-8b' },
  { model_id: 'llama-3-8b-dpo', provider: 'runpod', training_method: 'dpo', base_model: 'llama-3-8b' },
  { model_id: 'llama-3-8b-rlhf', provider: 'selfhost', training_method: 'rlhf', base_model: 'llama-3-8b' },
];

/** (model, provider) pairs of assistant messages: case variants of providers, unregistered and unpriceable models. */
const PAIRS: [string | null, string | null][] = [
  ['gpt-4o', 'openai'],
  ['gpt-4o', 'OpenAI'],
  ['gpt-4o-mini', 'openai'],
  ['claude-3-5-sonnet-20241022', 'anthropic'],
  ['llama-3-8b', 'runpod'],
  ['llama-3-8b-sft', 'RunPod'],
  ['llama-3-8b-sft', 'runpod'],
  ['llama-3-8b-dpo', 'runpod'],
  ['llama-3-8b-rlhf', 'selfhost'],
  ['mystery-model', null],
  [null, null],
];
const TOOLS = ['search', 'calculator', 'Web_Lookup'];
const TAGS = ['hallucination', 'off_topic', 'Tone'];

/** mulberry32: a seeded uniform generator in [0, 1). */
function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A deterministic data set; `conversations` sets its size (each conversation holds 1–70 messages). */
export function generateDataset(seed: number, conversations = 600): Dataset {
  const r = makeRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const chance = (p: number) => r() < p;
  const ds: Dataset = { models: MODELS, conversations: [], messages: [], evaluations: [] };
  let mid = 0;
  let eid = 0;

  const addMessage = (conversation_id: string, role: DsMessage['role'], t: number): DsMessage => {
    const assistant = role === 'assistant';
    const [model_id, provider] = assistant ? pick(PAIRS) : [null, null];
    const zero = chance(0.05);
    const m: DsMessage = {
      id: `m-${mid++}`,
      conversation_id,
      role,
      created_at: iso(t),
      model_id,
      provider,
      input_tokens: zero
        ? 0
        : assistant
          ? chance(0.05)
            ? null
            : int(10, 3000)
          : chance(0.1)
            ? int(1, 50)
            : null,
      output_tokens: zero ? 0 : assistant ? (chance(0.05) ? null : int(5, 2000)) : null,
      latency_ms: assistant
        ? chance(0.1)
          ? null
          : chance(0.03)
            ? 0
            : Math.round(150 * Math.exp(r() * 4))
        : null,
      tools_called: assistant && chance(0.3) ? Array.from({ length: int(1, 3) }, () => tool()) : [],
      error_type: assistant && chance(0.11) ? pick(['timeout', 'timeout', 'rate_limit', '']) : null,
    };
    ds.messages.push(m);
    if (chance(assistant ? 0.55 : 0.03)) {
      const k = chance(0.7) ? 1 : chance(0.66) ? 2 : 3;
      for (let i = 0; i < k; i++) addEvaluation(m.id, chance(0.1) ? T0 - DAY : t + int(1, 72) * 3_600_000);
    }
    return m;
  };
  const tool = (): DsTool => ({ name: pick(TOOLS), success: chance(0.1) ? null : chance(0.8) });
  const addEvaluation = (message_id: string, t: number) => {
    const rating = chance(0.15) ? null : int(1, 5);
    const success = chance(0.1)
      ? null
      : rating === null
        ? chance(0.5)
        : rating >= 3
          ? chance(0.9)
          : chance(0.2);
    const tags = TAGS.filter(() => chance(0.4));
    ds.evaluations.push({
      id: `e-${eid++}`,
      message_id,
      evaluator_id: chance(0.1) ? null : pick(['judge', 'rev-1', 'rev-2', 'rev-3']),
      rating,
      success,
      failure_tags:
        success === false && chance(0.8) ? (tags.length ? tags : ['hallucination']) : chance(0.5) ? null : [],
      created_at: iso(t),
    });
  };

  for (let c = 0; c < conversations; c++) {
    const id = `c-${c}`;
    ds.conversations.push({
      id,
      user_id: chance(0.1) ? null : `u-${int(1, 80)}`,
      session_id: chance(0.2) ? null : pick(['A', 'B']),
      experiment_name: chance(0.4) ? null : pick(['exp-1', 'exp-2']),
      is_widget_session: chance(0.1) ? null : chance(0.3),
    });
    const x = r();
    const length =
      x < 0.4
        ? 1
        : x < 0.6
          ? int(2, 3)
          : x < 0.75
            ? int(4, 5)
            : x < 0.87
              ? int(6, 10)
              : x < 0.95
                ? int(11, 20)
                : x < 0.99
                  ? int(21, 50)
                  : int(51, 70);
    let t = T0 - 200 * DAY + Math.floor(r() * 202 * DAY);
    for (let i = 0; i < length; i++) {
      const role = i === 0 && chance(0.1) ? 'system' : chance(0.05) ? 'tool' : i % 2 ? 'assistant' : 'user';
      addMessage(id, role, t);
      t += chance(0.1) ? int(1, 5) * DAY : int(1, 600) * 1000;
    }
  }
  // Window edges: exactly 7 and 30 days back (inside), exactly now (outside), one ms before now (inside).
  ds.conversations.push({
    id: 'c-edge',
    user_id: 'u-edge',
    session_id: 'A',
    experiment_name: null,
    is_widget_session: false,
  });
  for (const t of [T0 - 7 * DAY, T0 - 30 * DAY, T0, T0 - 1]) addMessage('c-edge', 'assistant', t);
  // Messages of a conversation that was never sent: no user, session or widget.
  for (let i = 0; i < 5; i++) addMessage('c-orphan', 'assistant', T0 - int(0, 20) * DAY - 3_600_000);
  // Evaluations of messages that do not exist never count.
  for (let i = 0; i < 10; i++) addEvaluation(`m-missing-${i}`, T0 - DAY);
  return ds;
}

/** The data set as one ingest batch (nulls left out, as a client would send it). */
export function toBatch(ds: Dataset): IngestBatchInput {
  return {
    models: ds.models,
    conversations: ds.conversations,
    messages: ds.messages.map((m) => ({ ...m, tools_called: m.tools_called.length ? m.tools_called : null })),
    evaluations: ds.evaluations,
  };
}
