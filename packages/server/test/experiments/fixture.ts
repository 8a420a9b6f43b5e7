// Owns the experiments tests' seeded data: two A/B arms (sessions exp-a, exp-b), a third session of another
// experiment and ordinary chat, as raw rows the oracle reads and an ingest batch the server stores.
import { type IngestBatchInput, seededRandom } from '@llm-analytics/core';

export interface RawMessage {
  id: string;
  conversation_id: string;
  role: 'user' | 'assistant';
  created_at: string;
  output_tokens: number | null;
  latency_ms: number | null;
  error_type: string | null;
}
export interface RawEvaluation {
  id: string;
  message_id: string;
  success: boolean;
  rating: number | null;
}
export interface RawConversation {
  id: string;
  user_id: string | null;
  session_id: string | null;
  experiment_name: string | null;
}
export interface Fixture {
  conversations: RawConversation[];
  messages: RawMessage[];
  evaluations: RawEvaluation[];
}

const DAY = 86_400_000;

/**
 * 14 days of traffic ending `now`. Every conversation starts at mid-day of its day, so moving "now" by a minute
 * never moves a conversation across the seven-days-ago boundary. Arm b answers faster, succeeds more often and
 * writes shorter answers.
 */
export function generateFixture(
  seed: number,
  now: number,
  opts: { a: number; b: number } = { a: 140, b: 120 },
): Fixture {
  const rnd = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const f: Fixture = { conversations: [], messages: [], evaluations: [] };
  const arms: [string | null, string | null, number][] = [
    ['exp-a', 'prompt test', opts.a],
    ['exp-b', 'prompt test', opts.b],
    ['other-1', 'other test', 15],
    ['other-2', 'other test', 15],
    [null, null, 30],
  ];
  let c = 0;
  for (const [session, experiment, n] of arms) {
    for (let k = 0; k < n; k++) {
      const id = `c${String(c++).padStart(4, '0')}`;
      f.conversations.push({
        id,
        user_id: rnd() < 0.1 ? null : `u${int(0, 90)}`,
        session_id: session,
        experiment_name: experiment,
      });
      const start = now - (int(0, 13) + 0.5) * DAY;
      const turns = int(1, 4);
      const fast = session === 'exp-b';
      for (let t = 0; t < turns; t++) {
        const at = (i: number) => new Date(start + (2 * t + i) * 60_000).toISOString();
        f.messages.push({
          id: `${id}-u${t}`,
          conversation_id: id,
          role: 'user',
          created_at: at(0),
          output_tokens: null,
          latency_ms: null,
          error_type: null,
        });
        const mid = `${id}-a${t}`;
        f.messages.push({
          id: mid,
          conversation_id: id,
          role: 'assistant',
          created_at: at(1),
          output_tokens: int(20, fast ? 300 : 400),
          latency_ms: rnd() < 0.1 ? null : int(200, fast ? 1500 : 2000),
          error_type: rnd() < (fast ? 0.05 : 0.12) ? 'timeout' : null,
        });
        if (rnd() < 0.7)
          f.evaluations.push({
            id: `${mid}-e`,
            message_id: mid,
            success: rnd() < (fast ? 0.8 : 0.65),
            rating: rnd() < 0.2 ? null : int(fast ? 2 : 1, 5),
          });
      }
    }
  }
  return f;
}

export function toBatch(f: Fixture): IngestBatchInput {
  return {
    conversations: f.conversations.map((c) => ({
      id: c.id,
      ...(c.user_id ? { user_id: c.user_id } : {}),
      ...(c.session_id ? { session_id: c.session_id } : {}),
      ...(c.experiment_name ? { experiment_name: c.experiment_name } : {}),
    })),
    messages: f.messages.map((m) => ({
      id: m.id,
      conversation_id: m.conversation_id,
      role: m.role,
      content: 'x',
      created_at: m.created_at,
      ...(m.role === 'assistant' ? { model_id: 'm-1', provider: 'p-1' } : {}),
      ...(m.output_tokens !== null ? { output_tokens: m.output_tokens } : {}),
      ...(m.latency_ms !== null ? { latency_ms: m.latency_ms } : {}),
      ...(m.error_type !== null ? { error_type: m.error_type } : {}),
    })),
    evaluations: f.evaluations.map((e) => ({
      id: e.id,
      message_id: e.message_id,
      success: e.success,
      ...(e.rating !== null ? { rating: e.rating } : {}),
    })),
  };
}
