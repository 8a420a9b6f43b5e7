// Owns the data of the AnomalyFeed browser test: two models answering 80 evaluated messages a day for 34 days,
// the success rate of one falling from ~85% to ~35% for three days, so a daily scan has one clear incident.
import { type IngestBatchInput, seededRandom } from '@llm-analytics/core';

const DAY = 86_400_000;

export const REGRESSION = {
  model: 'support-bot',
  provider: 'acme',
  /** Days before now: the drop covers [startDaysAgo, endDaysAgo) in whole UTC days. */
  startDaysAgo: 12,
  endDaysAgo: 9,
} as const;
const STEADY = { model: 'steady-bot', provider: 'acme' } as const;
const DAYS = 34;
const PER_DAY = 80;

/** Midnight UTC `days` days before today. */
export const dayStart = (days: number): number => {
  const today = new Date();
  return Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - days * DAY;
};

export function regressionBatches(): IngestBatchInput[] {
  const rnd = seededRandom(19);
  const batches: IngestBatchInput[] = [];
  for (let d = DAYS; d >= 1; d--) {
    const batch: Required<Pick<IngestBatchInput, 'conversations' | 'messages' | 'evaluations'>> = {
      conversations: [],
      messages: [],
      evaluations: [],
    };
    for (const m of [REGRESSION, STEADY]) {
      const bad = m === REGRESSION && d <= REGRESSION.startDaysAgo && d > REGRESSION.endDaysAgo;
      for (let i = 0; i < PER_DAY; i++) {
        const id = `${m.model}-${d}-${i}`;
        const at = new Date(dayStart(d) + Math.floor(rnd() * DAY)).toISOString();
        const success = rnd() < (bad ? 0.35 : 0.85);
        batch.conversations.push({ id: `c-${id}`, user_id: `u${i % 20}`, created_at: at });
        batch.messages.push({
          id: `m-${id}`,
          conversation_id: `c-${id}`,
          role: 'assistant',
          content: 'answer',
          created_at: at,
          model_id: m.model,
          provider: m.provider,
          input_tokens: 200 + Math.floor(rnd() * 50),
          output_tokens: 100 + Math.floor(rnd() * 50),
          latency_ms: 600 + Math.floor(rnd() * 200),
        });
        batch.evaluations.push({ id: `e-${id}`, message_id: `m-${id}`, success, rating: success ? 5 : 2 });
      }
    }
    batches.push({
      models: [
        { model_id: REGRESSION.model, provider: 'acme' },
        { model_id: STEADY.model, provider: 'acme' },
      ],
      ...batch,
    });
  }
  return batches;
}
