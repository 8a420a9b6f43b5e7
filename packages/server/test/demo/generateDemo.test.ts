// Checks the demo data set against issue 2's content requirements, computing every figure independently.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type Conversation,
  type Evaluation,
  IngestBatchSchema,
  type Message,
  type Model,
} from '@llm-analytics/core';
import { DEMO_REGRESSION } from '../../src/demo/demoRegression.ts';
import { DEMO_BATCH_ITEMS, generateDemo } from '../../src/demo/generateDemo.ts';

const NOW = new Date('2025-12-01T15:30:00.000Z');
const DAY = 86_400_000;
const N = 60_000;

function collect(messages: number, seed = 1) {
  const out = { models: [] as Model[], conversations: [] as Conversation[], messages: [] as Message[] };
  const evaluations: Evaluation[] = [];
  let batches = 0;
  for (const batch of generateDemo({ messages, seed, now: NOW })) {
    batches++;
    const parsed = IngestBatchSchema.safeParse(batch);
    assert.ok(
      parsed.success,
      `batch ${batches} invalid: ${JSON.stringify(parsed.error?.issues.slice(0, 3))}`,
    );
    const b = parsed.data;
    const items =
      (b.models?.length ?? 0) +
      (b.conversations?.length ?? 0) +
      (b.messages?.length ?? 0) +
      (b.evaluations?.length ?? 0);
    assert.ok(items <= DEMO_BATCH_ITEMS, `batch ${batches} holds ${items} items`);
    out.models.push(...(b.models ?? []));
    out.conversations.push(...(b.conversations ?? []));
    out.messages.push(...(b.messages ?? []));
    evaluations.push(...(b.evaluations ?? []));
  }
  return { ...out, evaluations, batches };
}

const data = collect(N);
const assistant = data.messages.filter((m) => m.role === 'assistant');
const messageById = new Map(data.messages.map((m) => [m.id, m]));
const share = (n: number, d: number) => n / d;

describe('generateDemo', () => {
  it('yields exactly the requested number of messages, all valid, with unique ids', () => {
    assert.equal(data.messages.length, N);
    assert.equal(new Set(data.messages.map((m) => m.id)).size, N);
    assert.equal(new Set(data.evaluations.map((e) => e.id)).size, data.evaluations.length);
    assert.equal(collect(101).messages.length, 101);
    assert.ok(collect(0).models.length >= 8, 'models are sent even for an empty demo');
  });

  it('registers ≥ 8 models over openai, anthropic and runpod with a base model and its sft/dpo/rlhf fine-tunes', () => {
    assert.ok(data.models.length >= 8);
    for (const p of ['openai', 'anthropic', 'runpod']) {
      assert.ok(data.models.filter((m) => m.provider === p).length >= 2, `provider ${p}`);
    }
    const base = data.models.find((m) => m.training_method === 'base');
    assert.ok(base);
    for (const method of ['sft', 'dpo', 'rlhf']) {
      const ft = data.models.find((m) => m.training_method === method);
      assert.ok(ft, method);
      assert.equal(ft.base_model, base.model_id);
      assert.ok(ft.training_dataset && ft.evaluation_metrics);
      for (const k of ['training_job_id', 'runpod_endpoint_id', 'deployment_type', 'deployed_at']) {
        assert.ok(ft.metadata?.[k], `${method} metadata.${k}`);
      }
    }
    const used = new Set(assistant.map((m) => m.model_id));
    for (const m of data.models) assert.ok(used.has(m.model_id), `${m.model_id} gets traffic`);
  });

  it('spreads conversations over ≥ 3 named A/B sessions, ~20 % widget sessions and many users', () => {
    const sessions = new Map<string, string>();
    for (const c of data.conversations) if (c.session_id) sessions.set(c.session_id, c.experiment_name ?? '');
    assert.ok(sessions.size >= 3);
    for (const name of sessions.values()) assert.ok(name.length > 0);
    assert.ok(new Set(sessions.values()).size >= 3, 'three experiments');
    const widget = share(
      data.conversations.filter((c) => c.is_widget_session).length,
      data.conversations.length,
    );
    assert.ok(widget > 0.16 && widget < 0.24, `widget share ${widget}`);
    assert.ok(new Set(data.conversations.map((c) => c.user_id)).size > 500);
  });

  it('has user messages with clearly positive, neutral and negative sentiment', () => {
    const users = data.messages.filter((m) => m.role === 'user').map((m) => m.content ?? '');
    const pos = users.filter((c) => /thank|great|perfect|awesome|love|helpful/i.test(c)).length;
    const neg = users.filter((c) =>
      /wrong|useless|terrible|frustrating|disappointed|ridiculous|waste/i.test(c),
    ).length;
    const neutral = users.length - pos - neg;
    for (const [name, n] of Object.entries({ pos, neg, neutral })) {
      assert.ok(share(n, users.length) > 0.08, `${name} share ${share(n, users.length)}`);
    }
    assert.ok(new Set(users).size > 100, 'varied texts');
  });

  it('has errors of every type, tool calls with failures and per-model latency distributions', () => {
    const errors = new Set(assistant.map((m) => m.error_type).filter(Boolean));
    assert.deepEqual([...errors].sort(), ['rate_limit', 'server_error', 'timeout']);
    const withTools = assistant.filter((m) => m.tools_called?.length);
    assert.ok(share(withTools.length, assistant.length) > 0.1);
    assert.ok(
      withTools.some((m) => m.tool_success === false && m.tools_called?.some((t) => t.success === false)),
    );
    assert.ok(withTools.every((m) => m.tools_called?.every((t) => typeof t.duration_ms === 'number')));
    const median = (id: string) => {
      const v = assistant.filter((m) => m.model_id === id && !m.error_type).map((m) => m.latency_ms ?? 0);
      return v.sort((a, b) => a - b)[v.length >> 1];
    };
    assert.ok(median('claude-3-5-sonnet-20241022') > 1.8 * median('claude-3-5-haiku-20241022'));
    assert.ok(assistant.every((m) => m.input_tokens !== undefined && m.output_tokens !== undefined));
  });

  it('evaluates ~30 % of replies with ratings, pass/fail and failure tags; fine-tunes beat their base', () => {
    assert.ok(Math.abs(share(data.evaluations.length, assistant.length) - 0.3) < 0.03);
    assert.deepEqual([...new Set(data.evaluations.map((e) => e.rating))].sort(), [1, 2, 3, 4, 5]);
    const tags = new Set(data.evaluations.flatMap((e) => e.failure_tags ?? []));
    for (const t of ['hallucination', 'incorrect_format', 'refusal', 'off_topic', 'incomplete'])
      assert.ok(tags.has(t), t);
    assert.ok(data.evaluations.every((e) => e.success || (e.failure_tags?.length ?? 0) > 0));
    const avg = (id: string) => {
      const r = data.evaluations
        .filter((e) => messageById.get(e.message_id)?.model_id === id)
        .map((e) => e.rating ?? 0);
      return r.reduce((a, b) => a + b, 0) / r.length;
    };
    for (const ft of ['sft', 'dpo', 'rlhf']) {
      assert.ok(avg(`llama-3-8b-support-${ft}`) > avg('llama-3-8b-base') + 0.3, ft);
    }
  });

  it('spreads timestamps over 90 days with a daily and weekly rhythm', () => {
    const times = data.messages.map((m) => Date.parse(m.created_at ?? ''));
    const lo = times.reduce((a, b) => Math.min(a, b));
    const hi = times.reduce((a, b) => Math.max(a, b));
    assert.ok(lo >= NOW.getTime() - 90 * DAY && hi <= NOW.getTime(), `range ${lo}..${hi}`);
    assert.ok(lo < NOW.getTime() - 85 * DAY && hi > NOW.getTime() - 2 * DAY, 'covers the whole period');
    const evalTimes = data.evaluations.map((e) => Date.parse(e.created_at ?? ''));
    assert.ok(
      evalTimes.every((t) => t <= NOW.getTime()),
      'evaluations are not in the future',
    );
    const byHour = new Array(24).fill(0);
    const byDow = new Array(7).fill(0);
    for (const t of times) {
      byHour[new Date(t).getUTCHours()]++;
      byDow[new Date(t).getUTCDay()]++;
    }
    const work = (byHour[10] + byHour[11] + byHour[14] + byHour[15]) / 4;
    const night = (byHour[1] + byHour[2] + byHour[3] + byHour[4]) / 4;
    assert.ok(work > 4 * night, `working hours ${work} vs night ${night}`);
    const weekday = (byDow[1] + byDow[2] + byDow[3] + byDow[4] + byDow[5]) / 5;
    const weekend = (byDow[0] + byDow[6]) / 2;
    assert.ok(weekday > 1.8 * weekend, `weekday ${weekday} vs weekend ${weekend}`);
  });

  it('writes conversations in time order, as live traffic arrives', () => {
    const starts = data.conversations.map((c) => Date.parse(c.created_at ?? ''));
    for (let i = 1; i < starts.length; i++)
      assert.ok(starts[i] >= starts[i - 1], `conversation ${i} is earlier`);
    // Messages interleave only within a conversation's span (under an hour), never across days.
    const times = data.messages.map((m) => Date.parse(m.created_at ?? ''));
    let latest = 0;
    for (const t of times) {
      assert.ok(t > latest - 3_600_000, 'a message arrives more than an hour behind the newest one');
      latest = Math.max(latest, t);
    }
  });

  it('shows the injected regression: the model passes far less often inside the window', () => {
    const start = NOW.getTime() - DEMO_REGRESSION.startDaysAgo * DAY;
    const end = NOW.getTime() - DEMO_REGRESSION.endDaysAgo * DAY;
    const rate = (inside: boolean, modelId: string) => {
      const evals = data.evaluations.filter((e) => {
        const m = messageById.get(e.message_id);
        if (m?.model_id !== modelId) return false;
        const t = Date.parse(m.created_at ?? '');
        return (t >= start && t < end) === inside;
      });
      return { n: evals.length, rate: share(evals.filter((e) => e.success).length, evals.length) };
    };
    const inside = rate(true, DEMO_REGRESSION.model_id);
    const outside = rate(false, DEMO_REGRESSION.model_id);
    assert.ok(inside.n >= 30, `evaluations in window: ${inside.n}`);
    assert.ok(inside.rate < outside.rate - 0.3, `in ${inside.rate} vs out ${outside.rate}`);
    // Other models are unaffected in the same window.
    const control = rate(true, 'llama-3-8b-support-sft');
    assert.ok(control.rate > inside.rate + 0.2);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = JSON.stringify([...generateDemo({ messages: 3000, seed: 9, now: NOW })]);
    const b = JSON.stringify([...generateDemo({ messages: 3000, seed: 9, now: NOW })]);
    const c = JSON.stringify([...generateDemo({ messages: 3000, seed: 10, now: NOW })]);
    assert.equal(a, b);
    assert.notEqual(a, c);
  });
});
