// Owns the cohort tests' seeded data: 60 users over 20 weeks (some on the widget, some on the fine-tune, some
// rating low, some failing), as raw rows an independent oracle reads and an ingest batch the server stores.
import { type IngestBatchInput, seededRandom } from '@llm-analytics/core';

export interface RawMessage {
  id: string;
  conversation_id: string;
  user_id: string | null;
  widget: boolean;
  model_id: string | null;
  created_ms: number;
  error_type: string | null;
  rating: number | null;
}

export interface Fixture {
  conversations: { id: string; user_id: string | null; widget: boolean }[];
  messages: RawMessage[];
}

const DAY = 86_400_000;

/** Every conversation sits at 10:00 UTC of its day, so a window boundary at midnight never splits one. */
export function generateFixture(seed: number, now: number, users = 60): Fixture {
  const rnd = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const today = Math.floor(now / DAY) * DAY;
  const f: Fixture = { conversations: [], messages: [] };
  let c = 0;
  for (let u = 0; u <= users; u++) {
    // u === users: conversations with no user id (counted by no cohort).
    const user = u === users ? null : `u${u}`;
    const firstDay = int(1, 140);
    const convs = user === null ? 3 : int(1, 8);
    const heavy = u % 7 === 0;
    for (let k = 0; k < convs + (heavy ? 6 : 0); k++) {
      const id = `c${String(c++).padStart(4, '0')}`;
      const widget = u % 3 === 0 && k % 2 === 0;
      f.conversations.push({ id, user_id: user, widget });
      const day = today - Math.max(0, firstDay - (k === 0 ? 0 : int(0, firstDay))) * DAY;
      const turns = int(1, 3);
      for (let t = 0; t < turns; t++) {
        const at = day + 10 * 3_600_000 + t * 60_000;
        const model = u % 4 === 0 ? 'ft-m' : 'base-m';
        f.messages.push({
          id: `${id}-m${t}`,
          conversation_id: id,
          user_id: user,
          widget,
          model_id: model,
          created_ms: at,
          error_type: rnd() < 0.06 ? 'timeout' : null,
          rating: rnd() < 0.5 ? int(1, 5) : null,
        });
      }
    }
  }
  return f;
}

export function toBatch(f: Fixture): IngestBatchInput {
  return {
    models: [
      { model_id: 'base-m', provider: 'p-1', training_method: 'base' },
      { model_id: 'ft-m', provider: 'p-1', training_method: 'sft', base_model: 'base-m' },
    ],
    conversations: f.conversations.map((c) => ({
      id: c.id,
      ...(c.user_id ? { user_id: c.user_id } : {}),
      is_widget_session: c.widget,
    })),
    messages: f.messages.map((m) => ({
      id: m.id,
      conversation_id: m.conversation_id,
      role: 'assistant' as const,
      content: 'x',
      created_at: new Date(m.created_ms).toISOString(),
      ...(m.model_id ? { model_id: m.model_id, provider: 'p-1' } : {}),
      ...(m.error_type ? { error_type: m.error_type } : {}),
    })),
    evaluations: f.messages
      .filter((m) => m.rating !== null)
      .map((m) => ({ id: `${m.id}-e`, message_id: m.id, rating: m.rating!, success: m.rating! >= 3 })),
  };
}
