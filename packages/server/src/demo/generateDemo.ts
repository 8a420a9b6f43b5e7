// Owns the demo data set: a deterministic stream of ingest batches (models, conversations, messages,
// evaluations) shaped like a real LLM chat product over the last `days` days. It feeds `llm-analytics demo`
// and the 1M-message benchmarks, so it is written for speed: one pass, plain objects, no per-item validation.
import type { ConversationInput, EvaluationInput, IngestBatchInput, MessageInput } from '@llm-analytics/core';
import { assistantTurn } from './assistantTurn.ts';
import { DemoTimeline } from './DemoTimeline.ts';
import { assistantContent, type Sentiment, TOPIC_COUNT, userContent } from './demoContent.ts';
import { DEMO_SESSIONS, EXPERIMENT_SHARE, WIDGET_SHARE } from './demoExperiments.ts';
import { DEMO_MODELS, type DemoModelProfile } from './demoModels.ts';
import { DEMO_REGRESSION, regressionWindow } from './demoRegression.ts';
import { cumulate, Rng } from './Rng.ts';

export interface GenerateDemoOptions {
  /** Total messages (user + assistant) to generate. */
  messages: number;
  /** PRNG seed; the same seed and `now` give byte-identical output. Default 42. */
  seed?: number;
  /** End of the demo period; default the current time. */
  now?: Date;
  /** Length of the demo period in days; default 90. */
  days?: number;
}

/** Upper bound on items per yielded batch, well under the wire format's cap so a batch is a cheap request. */
export const DEMO_BATCH_ITEMS = 2000;
/** Widget share of the conversations of widget users (every fourth user); the others make up WIDGET_SHARE. */
const WIDGET_USER_SHARE = 0.5;
const MAX_TURNS = 10;
/** Largest conversation in items: itself, MAX_TURNS user+assistant messages and one evaluation per reply. */
const MAX_CONVERSATION_ITEMS = 1 + 3 * MAX_TURNS;
const SYSTEM_PROMPT_TOKENS = 180;

export function* generateDemo(opts: GenerateDemoOptions): Generator<IngestBatchInput> {
  const total = opts.messages;
  if (!Number.isInteger(total) || total < 0) throw new RangeError('messages must be a non-negative integer');
  const seed = opts.seed ?? 42;
  const now = opts.now ?? new Date();
  const nowMs = now.getTime();
  const rng = new Rng(seed);
  const timeline = new DemoTimeline(now, opts.days ?? 90);
  const regression = regressionWindow(now);
  // Ids carry the seed, so re-running the same demo upserts in place while a different seed adds new data.
  const prefix = `demo${seed.toString(36)}`;

  const byId = new Map<string, DemoModelProfile>(DEMO_MODELS.map((m) => [m.row.model_id, m]));
  const sessions = DEMO_SESSIONS.map((s) => ({ ...s, model: byId.get(s.model_id)! }));
  const trafficCum = cumulate(DEMO_MODELS.map((m) => m.trafficWeight));
  // Roughly one user per 40 messages, with a skewed activity distribution (a few heavy users, a long tail).
  const userCount = Math.max(20, Math.ceil(total / 40));

  let conversations: ConversationInput[] = [];
  let messages: MessageInput[] = [];
  let evaluations: EvaluationInput[] = [];
  let items = DEMO_MODELS.length;
  let first = true;
  const flush = (): IngestBatchInput => {
    const batch: IngestBatchInput = { conversations, messages, evaluations };
    if (first) batch.models = DEMO_MODELS.map((m) => structuredClone(m.row));
    first = false;
    conversations = [];
    messages = [];
    evaluations = [];
    items = 0;
    return batch;
  };

  let remaining = total;
  let convNo = 0;
  let msgNo = 0;
  let evalNo = 0;
  while (remaining > 0) {
    if (items + MAX_CONVERSATION_ITEMS > DEMO_BATCH_ITEMS) yield flush();

    // Cohort-worthy users: the pool grows over the period (new users arrive every week; the earliest, who
    // get the most traffic, are the heavy users), and one user in four mostly chats through the widget.
    const u = rng.next();
    const pool = Math.ceil(userCount * (0.3 + (0.7 * (total - remaining)) / Math.max(1, total)));
    const userNo = Math.floor(u * u * pool);
    const userId = `user_${userNo}`;
    const widget = rng.chance(
      userNo % 4 === 0 ? WIDGET_USER_SHARE : (WIDGET_SHARE - WIDGET_USER_SHARE / 4) / 0.75,
    );
    const session = rng.chance(EXPERIMENT_SHARE) ? rng.pick(sessions) : null;
    const model = session ? session.model : DEMO_MODELS[rng.weighted(trafficCum)];
    // Widget chats are shorter: quick questions from an embedded help box.
    const continueP = widget ? 0.4 : 0.62;
    let turns = 1;
    while (turns < MAX_TURNS && rng.chance(continueP)) turns++;
    const conversationId = `${prefix}-c${convNo++}`;
    // Conversations start in time order (as live traffic is stored), spread by the share of messages so far.
    let t = timeline.startAt((total - remaining + rng.next()) / total);
    conversations.push({
      id: conversationId,
      user_id: userId,
      session_id: session ? session.session_id : null,
      experiment_name: session ? session.experiment_name : null,
      is_widget_session: widget,
      created_at: new Date(t).toISOString(),
    });
    items++;

    const topic = rng.int(0, TOPIC_COUNT - 1);
    const r = rng.next();
    let sentiment: Sentiment = r < 0.15 ? 'positive' : r < 0.25 ? 'negative' : 'neutral';
    let context = SYSTEM_PROMPT_TOKENS;
    for (let turn = 0; turn < turns && remaining > 0; turn++) {
      const userTokens = Math.max(3, Math.round(rng.logNormal(45, 0.6)));
      messages.push({
        id: `${prefix}-m${msgNo++}`,
        conversation_id: conversationId,
        role: 'user',
        content: userContent(rng, topic, turn, sentiment),
        created_at: new Date(t).toISOString(),
        input_tokens: userTokens,
      });
      items++;
      context += userTokens;
      if (--remaining === 0) break;

      const outcome = assistantTurn({
        rng,
        model,
        id: `${prefix}-m${msgNo++}`,
        evaluationId: `${prefix}-e${evalNo}`,
        conversationId,
        userId,
        atMs: t,
        nowMs,
        inputTokens: context,
        inRegression:
          model.row.model_id === DEMO_REGRESSION.model_id && t >= regression.startMs && t < regression.endMs,
        regressionSuccessRate: DEMO_REGRESSION.successRate,
        content: (good, refusal) =>
          refusal ? "I'm sorry, but I can't help with that request." : assistantContent(rng, topic, good),
      });
      messages.push(outcome.message);
      items++;
      remaining--;
      if (outcome.evaluation) {
        evaluations.push(outcome.evaluation);
        evalNo++;
        items++;
      }
      context += outcome.message.output_tokens ?? 0;
      // The user reacts to what they got: good answers draw thanks, bad ones complaints.
      const s = rng.next();
      sentiment = outcome.good
        ? s < 0.5
          ? 'positive'
          : s < 0.95
            ? 'neutral'
            : 'negative'
        : s < 0.65
          ? 'negative'
          : s < 0.95
            ? 'neutral'
            : 'positive';
      // Reading and typing time before the next turn: seconds to a few minutes.
      t = outcome.endMs + Math.min(240_000, Math.round(rng.logNormal(35_000, 0.8)));
    }
  }
  if (items > 0 || first) yield flush();
}
