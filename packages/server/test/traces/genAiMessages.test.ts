// LLM spans become assistant messages: spans made by the OpenTelemetry JS SDK in each convention's shape, sent
// with the official protobuf exporter to the real server, on both engines; the messages, their tools and the
// dashboard's metrics over them are checked against what the spans say; re-sending changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Attributes, context, type Span, SpanStatusCode, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { ENGINES } from '../helpers/engines.ts';
import { post } from '../helpers/post.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

/** A tracer whose finished spans collect in memory, to be exported when the test says. */
function recorder() {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'chat-app' }),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  const tracer = provider.getTracer('genai-tests');
  let clock = Date.now() - 60_000;
  /** A span from `at` ms to `at + ms` (explicit times: the order of calls and tools is the test's). */
  const span = (name: string, attributes: Attributes, parent: Span | null, ms: number, error?: Error) => {
    const start = clock;
    clock += ms + 1;
    const ctx = parent ? trace.setSpan(context.active(), parent) : context.active();
    const s = tracer.startSpan(name, { attributes, startTime: start }, ctx);
    if (error) {
      s.recordException(error);
      s.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
    }
    return { s, end: () => s.end(start + ms) };
  };
  return { span, spans: () => memory.getFinishedSpans() as ReadableSpan[], reset: () => memory.reset() };
}

const chat = (model: string, input: number, output: number, extra: Attributes = {}): Attributes => ({
  'gen_ai.operation.name': 'chat',
  'gen_ai.provider.name': 'openai',
  'gen_ai.request.model': model,
  'gen_ai.usage.input_tokens': input,
  'gen_ai.usage.output_tokens': output,
  ...extra,
});

/** Four traces, one per convention and shape; returns its spans and what they must become. */
function conversationSpans() {
  const r = recorder();
  // 1. GenAI semconv agent loop: chat → tool (sibling) → chat with a failing tool under it.
  const agent = r.span('invoke_agent support', { 'gen_ai.operation.name': 'invoke_agent' }, null, 200);
  const c1 = r.span(
    'chat gpt-4o-mini',
    chat('gpt-4o-mini', 100, 20, { 'gen_ai.conversation.id': 'conv-42' }),
    agent.s,
    10,
  );
  c1.end();
  const t1 = r.span(
    'execute_tool get_weather',
    { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'get_weather' },
    agent.s,
    5,
  );
  t1.end();
  const c2 = r.span(
    'chat gpt-4o-mini',
    chat('gpt-4o-mini', 150, 30, {
      'gen_ai.conversation.id': 'conv-42',
      'gen_ai.output.messages': JSON.stringify([
        { role: 'assistant', parts: [{ type: 'text', content: 'Done.' }] },
      ]),
    }),
    agent.s,
    20,
  );
  const t2 = r.span(
    'execute_tool lookup',
    { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'lookup' },
    c2.s,
    3,
    new Error('not found'),
  );
  t2.end();
  c2.end();
  agent.end();
  // 2. Vercel AI SDK: the generateText wrapper, its provider call, a tool call after it.
  const wrap = r.span(
    'ai.generateText',
    { 'ai.operationId': 'ai.generateText', 'ai.usage.promptTokens': 50, 'ai.usage.completionTokens': 10 },
    null,
    100,
  );
  const gen = r.span(
    'ai.generateText.doGenerate',
    {
      'ai.operationId': 'ai.generateText.doGenerate',
      'ai.model.provider': 'openai.chat',
      'ai.model.id': 'gpt-4o',
      'ai.usage.promptTokens': 50,
      'ai.usage.completionTokens': 10,
      'ai.response.text': 'Hi there',
      'gen_ai.system': 'openai.chat',
      'gen_ai.request.model': 'gpt-4o',
    },
    wrap.s,
    30,
  );
  gen.end();
  const call = r.span(
    'ai.toolCall',
    { 'ai.operationId': 'ai.toolCall', 'ai.toolCall.name': 'search' },
    wrap.s,
    5,
  );
  call.end();
  wrap.end();
  // 3. OpenInference: a chain around an LLM call that failed.
  const chain = r.span(
    'RunnableSequence',
    { 'openinference.span.kind': 'CHAIN', 'session.id': 'sess-9' },
    null,
    100,
  );
  const llm = r.span(
    'ChatAnthropic',
    {
      'openinference.span.kind': 'LLM',
      'llm.model_name': 'claude-3-5-sonnet',
      'llm.provider': 'anthropic',
      'llm.token_count.prompt': 70,
      'llm.token_count.completion': 7,
      'session.id': 'sess-9',
      'user.id': 'u-1',
    },
    chain.s,
    40,
    new TypeError('overloaded'),
  );
  llm.end();
  chain.end();
  // 4. A framework's LLM span around the provider's (OpenLLMetry over LangChain): one call.
  const outer = r.span(
    'ChatOpenAI.chat',
    {
      'gen_ai.system': 'Langchain',
      'llm.request.type': 'chat',
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.usage.prompt_tokens': 10,
      'gen_ai.usage.completion_tokens': 5,
    },
    null,
    50,
  );
  const inner = r.span(
    'openai.chat',
    {
      'gen_ai.system': 'openai',
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.response.model': 'gpt-4o-2024-08-06',
      'gen_ai.usage.prompt_tokens': 10,
      'gen_ai.usage.completion_tokens': 5,
    },
    outer.s,
    30,
  );
  inner.end();
  outer.end();
  const id = (x: { s: Span }) => {
    const c = x.s.spanContext();
    return `${c.traceId}-${c.spanId}`;
  };
  const traceOf = (x: { s: Span }) => x.s.spanContext().traceId;
  return {
    spans: r.spans(),
    /** id → [conversation, model, provider, input, output, latency, tools, error_type, content] */
    expected: new Map<string, unknown[]>([
      [id(c1), ['conv-42', 'gpt-4o-mini', 'openai', 100, 20, 10, [['get_weather', true]], null, null]],
      [id(c2), ['conv-42', 'gpt-4o-mini', 'openai', 150, 30, 20, [['lookup', false]], null, 'Done.']],
      [id(gen), [traceOf(gen), 'gpt-4o', 'openai', 50, 10, 30, [['search', true]], null, 'Hi there']],
      [id(llm), ['sess-9', 'claude-3-5-sonnet', 'anthropic', 70, 7, 40, null, 'TypeError', null]],
      [id(inner), [traceOf(inner), 'gpt-4o-2024-08-06', 'openai', 10, 5, 30, null, null, null]],
    ]),
  };
}

interface MessageRow {
  id: string;
  conversation_id: string;
  role: string;
  model_id: string | null;
  provider: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  latency_ms: number | null;
  tools_called: unknown;
  error_type: string | null;
  content: string | null;
}

async function storedMessages(s: TestServer, ws: string): Promise<Map<string, unknown[]>> {
  const rows = await s.ctx.store.query<MessageRow & Record<string, unknown>>(
    `SELECT id, conversation_id, role, model_id, provider, input_tokens, output_tokens, latency_ms, tools_called,
       error_type, content FROM messages WHERE workspace_id = $1 ORDER BY id`,
    [ws],
  );
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  return new Map(
    rows.map((m) => {
      assert.equal(m.role, 'assistant');
      const tools = parse(m.tools_called) as { name: string; success: boolean }[] | null;
      return [
        m.id,
        [
          m.conversation_id,
          m.model_id,
          m.provider,
          m.input_tokens,
          m.output_tokens,
          m.latency_ms,
          tools ? tools.map((t) => [t.name, t.success]) : null,
          m.error_type,
          m.content,
        ],
      ];
    }),
  );
}

for (const engine of ENGINES) {
  describe(`GenAI spans become messages on ${engine}`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ engine });
    });
    after(() => s.close());

    const exporterFor = async (ws: string) =>
      new OTLPTraceExporter({
        url: `${s.url}/v1/traces`,
        headers: { Authorization: `Bearer ${await s.createKey('ingest', ws)}` },
      });
    const send = (e: OTLPTraceExporter, spans: ReadableSpan[]) =>
      new Promise<void>((resolve, reject) =>
        e.export(spans, (r) => (r.code === 0 ? resolve() : reject(r.error ?? new Error('export failed')))),
      );

    it('writes one message per LLM call, with tools, tokens, latency and errors; re-sending changes nothing', async () => {
      const ws = 'ws-genai';
      const { spans, expected } = conversationSpans();
      const exporter = await exporterFor(ws);
      await send(exporter, spans);
      assert.deepEqual(await storedMessages(s, ws), expected);
      const counts = async () => [
        await s.count('messages', ws),
        await s.count('tool_calls', ws),
        await s.count('conversations', ws),
      ];
      // conv-42, sess-9 and the two traces without a conversation attribute.
      assert.deepEqual(await counts(), [5, 3, 4]);
      await send(exporter, spans);
      await send(exporter, [...spans].reverse());
      assert.deepEqual(await counts(), [5, 3, 4]);
      assert.deepEqual(await storedMessages(s, ws), expected);
      const [user] = await s.ctx.store.query<{ user_id: string | null }>(
        'SELECT user_id FROM conversations WHERE workspace_id = $1 AND id = $2',
        [ws, 'sess-9'],
      );
      assert.equal(user.user_id, 'u-1');
      await exporter.shutdown();
    });

    it('the dashboard metrics cover them: messages, tokens, tool calls and errors per model', async () => {
      const { expected } = conversationSpans();
      const want = new Map<string, { messages: number; input: number; output: number; errors: number }>();
      for (const [, [, model, , input, output, , , error]] of expected) {
        const w = want.get(model as string) ?? { messages: 0, input: 0, output: 0, errors: 0 };
        w.messages++;
        w.input += input as number;
        w.output += output as number;
        if (error) w.errors++;
        want.set(model as string, w);
      }
      const key = await s.createKey('read', 'ws-genai');
      const now = Date.now();
      const r = await post(`${s.url}/api/analytics/query`, key, {
        metrics: ['messages', 'input_tokens', 'output_tokens', 'errors', 'tool_calls'],
        dimensions: ['model'],
        date_range: {
          from: new Date(now - 3_600_000).toISOString(),
          to: new Date(now + 60_000).toISOString(),
        },
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const rows = r.body.rows as Record<string, number | string>[];
      for (const [model, w] of want) {
        const row = rows.find((x) => x.model === model);
        assert.ok(row, model);
        assert.deepEqual(
          [row.messages, row.input_tokens, row.output_tokens, row.errors],
          [w.messages, w.input, w.output, w.errors],
          model,
        );
      }
      assert.equal(
        rows.reduce((n, x) => n + Number(x.tool_calls), 0),
        3,
      );
    });

    it('a tool span sent after its call joins that call’s message; a stored conversation keeps its fields', async () => {
      const ws = 'ws-genai-late';
      const ingest = await s.createKey('ingest', ws);
      const sent = await post(`${s.url}/api/ingest`, ingest, {
        conversations: [{ id: 'conv-ab', session_id: 'ab-1', experiment_name: 'prompt-v2', user_id: 'u-9' }],
      });
      assert.equal(sent.status, 200);
      const r = recorder();
      const root = r.span('turn', {}, null, 100);
      const c = r.span('chat', chat('gpt-4o', 5, 5, { 'gen_ai.conversation.id': 'conv-ab' }), root.s, 10);
      c.end();
      const exporter = await exporterFor(ws);
      await send(exporter, r.spans());
      r.reset();
      const tool = r.span(
        'execute_tool',
        { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'refund' },
        root.s,
        5,
      );
      tool.end();
      root.end();
      await send(exporter, r.spans());
      const messages = await storedMessages(s, ws);
      assert.deepEqual(
        [...messages.values()].map((m) => m[6]),
        [[['refund', true]]],
      );
      assert.equal(await s.count('tool_calls', ws), 1);
      const [conv] = await s.ctx.store.query<Record<string, unknown>>(
        'SELECT session_id, experiment_name, user_id FROM conversations WHERE workspace_id = $1',
        [ws],
      );
      assert.deepEqual({ ...conv }, { session_id: 'ab-1', experiment_name: 'prompt-v2', user_id: 'u-9' });
      // The message carries its conversation's experiment, like any ingested message.
      const read = await s.createKey('read', ws);
      const q = await post(`${s.url}/api/analytics/query`, read, {
        metrics: ['messages'],
        dimensions: ['experiment'],
        date_range: 'all',
      });
      assert.deepEqual(q.body.rows, [{ experiment: 'prompt-v2', messages: 1 }]);
      await exporter.shutdown();
    });
  });
}
