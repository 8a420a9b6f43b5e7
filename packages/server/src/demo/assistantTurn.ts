// Owns how one assistant reply is simulated: error or answer, latency, tokens, tool calls, latent quality and
// the optional evaluation. Kept apart from the conversation loop so the quality model reads in one place.
import type { EvaluationInput, MessageInput, ToolCall } from '@llm-analytics/core';
import type { DemoModelProfile } from './demoModels.ts';
import type { Rng } from './Rng.ts';

export interface AssistantOutcome {
  message: MessageInput;
  evaluation: EvaluationInput | null;
  /** When the reply finished (epoch ms): the user's turn time plus the latency. */
  endMs: number;
  /** Whether the user experienced a good answer; the next user turn's sentiment follows it. */
  good: boolean;
}

const ERROR_TYPES = ['timeout', 'rate_limit', 'server_error'] as const;
const TOOLS = ['search_docs', 'get_order_status', 'create_ticket', 'run_sql', 'web_search'] as const;
/** Failure tags in normal operation, weighted; the regression shifts the mix to hallucination/format errors. */
const NORMAL_TAGS = [
  'hallucination',
  'incorrect_format',
  'refusal',
  'off_topic',
  'incomplete',
  'too_verbose',
];
const NORMAL_TAG_CUM = [3, 5, 7, 9, 12, 13];
const REGRESSION_TAGS = ['hallucination', 'incorrect_format', 'incomplete'];
const REGRESSION_TAG_CUM = [6, 9, 10];
const EVALUATED_SHARE = 0.3;
const TOOL_USE_SHARE = 0.22;
const JUDGE_ID = 'llm-judge:gpt-4o';

export interface AssistantTurnInput {
  rng: Rng;
  model: DemoModelProfile;
  id: string;
  evaluationId: string;
  conversationId: string;
  userId: string;
  /** Time of the user turn being answered; the reply is stamped when it finishes. */
  atMs: number;
  nowMs: number;
  inputTokens: number;
  inRegression: boolean;
  regressionSuccessRate: number;
  content: (good: boolean, refusal: boolean) => string;
}

/** Simulates one reply. Success probability is the model's (or the regression's); ratings follow it. */
export function assistantTurn(t: AssistantTurnInput): AssistantOutcome {
  const { rng, model } = t;
  const row = model.row;
  const message: MessageInput = {
    id: t.id,
    conversation_id: t.conversationId,
    role: 'assistant',
    model_id: row.model_id,
    provider: row.provider,
    input_tokens: t.inputTokens,
  };

  if (rng.chance(model.errorRate)) {
    const [a, b] = model.errorMix;
    const r = rng.next();
    const errorType = ERROR_TYPES[r < a ? 0 : r < a + b ? 1 : 2];
    message.error_type = errorType;
    message.content = null;
    message.output_tokens = 0;
    const latency =
      errorType === 'timeout'
        ? 30_000 + rng.int(0, 400)
        : errorType === 'rate_limit'
          ? rng.int(40, 300)
          : Math.round(rng.logNormal(model.latencyMedianMs * 0.4, 0.5));
    message.latency_ms = latency;
    const endMs = t.atMs + latency;
    message.created_at = new Date(endMs).toISOString();
    const evaluation = rng.chance(EVALUATED_SHARE)
      ? evaluate(t, endMs, false, ['incomplete'], model.successRate)
      : null;
    return { message, evaluation, endMs, good: false };
  }

  const successRate = t.inRegression ? t.regressionSuccessRate : model.successRate;
  let good = rng.chance(successRate);
  let toolMs = 0;
  if (rng.chance(TOOL_USE_SHARE)) {
    const calls: ToolCall[] = [];
    const n = rng.chance(0.3) ? 2 : 1;
    let allOk = true;
    // Self-hosted models call tools less reliably than the hosted frontier models.
    const toolOk = row.provider === 'runpod' ? 0.85 : 0.93;
    for (let i = 0; i < n; i++) {
      const ok = rng.chance(toolOk);
      const duration = Math.round(rng.logNormal(220, 0.7));
      calls.push({ name: rng.pick(TOOLS), success: ok, duration_ms: duration });
      toolMs += duration;
      allOk &&= ok;
    }
    message.tools_called = calls;
    message.tool_success = allOk;
    // A failed tool often leaves the model guessing.
    if (!allOk && rng.chance(0.4)) good = false;
  }

  const tags = good ? null : failureTags(rng, t.inRegression);
  const outputTokens = Math.max(1, Math.round(rng.logNormal(model.outputTokensMedian, 0.5)));
  message.output_tokens = outputTokens;
  // Latency scales partly with the answer's length, on top of the model's own spread.
  const scale = 0.7 + (0.3 * outputTokens) / model.outputTokensMedian;
  const latency = Math.max(
    1,
    Math.round(rng.logNormal(model.latencyMedianMs, model.latencySigma) * scale + toolMs),
  );
  message.latency_ms = latency;
  message.content = t.content(good, tags?.[0] === 'refusal');
  const endMs = t.atMs + latency;
  message.created_at = new Date(endMs).toISOString();
  const evaluation = rng.chance(EVALUATED_SHARE) ? evaluate(t, endMs, good, tags, successRate) : null;
  return { message, evaluation, endMs, good };
}

function failureTags(rng: Rng, inRegression: boolean): string[] {
  const names = inRegression ? REGRESSION_TAGS : NORMAL_TAGS;
  const cum = inRegression ? REGRESSION_TAG_CUM : NORMAL_TAG_CUM;
  const first = names[rng.weighted(cum)];
  if (!rng.chance(0.25)) return [first];
  const second = names[rng.weighted(cum)];
  return second === first ? [first] : [first, second];
}

/** Ratings: a better model earns more fives on its good answers, so averages differ beyond the pass rate. */
function evaluate(
  t: AssistantTurnInput,
  atMs: number,
  good: boolean,
  tags: string[] | null,
  quality: number,
): EvaluationInput {
  const { rng } = t;
  let rating: number;
  if (good) {
    const pFive = Math.min(0.85, Math.max(0.1, 0.2 + 1.5 * (quality - 0.5)));
    rating = rng.chance(pFive) ? 5 : rng.chance(0.8) ? 4 : 3;
  } else {
    const r = rng.next();
    rating = r < 0.45 ? 1 : r < 0.85 ? 2 : 3;
  }
  const byJudge = rng.chance(0.3);
  const delayMs = Math.round(rng.logNormal(byJudge ? 5_000 : 90_000, 0.8));
  return {
    id: t.evaluationId,
    message_id: t.id,
    evaluator_id: byJudge ? JUDGE_ID : t.userId,
    rating,
    success: good,
    failure_tags: good ? [] : tags,
    created_at: new Date(Math.min(t.nowMs, atMs + delayMs)).toISOString(),
  };
}
