// Owns the trace viewer browser tests' data, sent through the real ingest endpoints: OTLP/JSON spans to
// POST /v1/traces (a four-level checkout trace with an LLM span, a tool error and an orphan; a failed payment
// trace; 60 small batch traces for paging; a 2,000-span trace) and a conversation with an evaluated answer to POST /api/ingest.

export const TRACE_CHECKOUT = '4bf92f3577b34da6a3ce929d0e0e4736';
export const TRACE_PAYMENT = '5cf92f3577b34da6a3ce929d0e0e4737';
export const FILLER_TRACES = 60;
export const fillerTrace = (i: number) => `6d${i.toString(16).padStart(30, '0')}`;
/** 2,000 spans: a root, 40 children, the rest spread under those (the oldest trace of all). */
export const TRACE_BIG = '7e0f2f3577b34da6a3ce929d0e0e4738';
export const BIG_SPANS = 2000;
export const CONVERSATION = 'conv-viewer-1';
export const ASSISTANT_MESSAGE = 'msg-viewer-2';

const span = (n: number) => n.toString(16).padStart(16, '0');
/** The checkout trace's spans in the order (and at the depth) its waterfall must show them. */
export const CHECKOUT_TREE: { id: string; name: string; depth: number; parent: string | null }[] = [
  { id: span(1), name: 'POST /checkout', depth: 0, parent: null },
  { id: span(2), name: 'agent.run', depth: 1, parent: span(1) },
  { id: span(3), name: 'chat gpt-4o', depth: 2, parent: span(2) },
  { id: span(4), name: 'tool lookup_order', depth: 3, parent: span(3) },
  { id: span(5), name: 'render reply', depth: 2, parent: span(2) },
  { id: span(6), name: 'audit.write', depth: 1, parent: span(1) },
  // Its parent never arrives: shown at the top level, after the root's tree (it starts later).
  { id: span(7), name: 'late callback', depth: 0, parent: span(99) },
];
export const LLM_SPAN = span(3);
export const ERROR_SPAN = span(4);
export const INPUT_MESSAGES = JSON.stringify([
  { role: 'system', content: 'You are a shop assistant.' },
  { role: 'user', content: 'Where is my order 42?' },
]);

const str = (key: string, v: string) => ({ key, value: { stringValue: v } });
const int = (key: string, v: number) => ({ key, value: { intValue: String(v) } });
const ns = (ms: number) => String(BigInt(Math.round(ms * 1000)) * 1000n);

/** Start (epoch ms) and duration of each checkout span: children inside their parents, siblings in order. */
const TIMES: Record<string, [number, number]> = {
  [span(1)]: [0, 900],
  [span(2)]: [10, 700],
  [span(3)]: [20, 400],
  [span(4)]: [100, 120],
  [span(5)]: [450, 200],
  [span(6)]: [720, 150],
  [span(7)]: [950, 30],
};

function otlpRequest(service: string, spans: unknown[]) {
  return {
    resourceSpans: [
      {
        resource: { attributes: [str('service.name', service), str('deployment.environment', 'test')] },
        scopeSpans: [{ scope: { name: 'viewer-tests', version: '1.0.0' }, spans }],
      },
    ],
  };
}

/** The OTLP/JSON requests, timed relative to `now` (epoch ms): checkout a minute ago, payment after it. */
export function traceRequests(now: number): unknown[] {
  const t0 = now - 60_000;
  const checkout = CHECKOUT_TREE.map((s) => {
    const [start, dur] = TIMES[s.id];
    const attributes =
      s.id === LLM_SPAN
        ? [
            str('gen_ai.operation.name', 'chat'),
            str('gen_ai.system', 'openai'),
            str('gen_ai.request.model', 'gpt-4o'),
            int('gen_ai.usage.input_tokens', 120),
            int('gen_ai.usage.output_tokens', 48),
            str('gen_ai.input.messages', INPUT_MESSAGES),
            str('output.value', 'Your order 42 ships tomorrow.'),
          ]
        : [str('app.step', s.name)];
    return {
      traceId: TRACE_CHECKOUT,
      spanId: s.id,
      ...(s.parent ? { parentSpanId: s.parent } : {}),
      name: s.name,
      kind: s.depth === 0 ? 2 : 1,
      startTimeUnixNano: ns(t0 + start),
      endTimeUnixNano: ns(t0 + start + dur),
      attributes,
      ...(s.id === ERROR_SPAN ? { status: { code: 2, message: 'order service timed out' } } : {}),
      ...(s.id === LLM_SPAN ? { events: [{ name: 'first_token', timeUnixNano: ns(t0 + 150) }] } : {}),
    };
  });
  const payment = [
    {
      traceId: TRACE_PAYMENT,
      spanId: span(1),
      name: 'POST /pay',
      kind: 2,
      startTimeUnixNano: ns(t0 + 5_000),
      endTimeUnixNano: ns(t0 + 5_300),
      status: { code: 2, message: 'card declined' },
    },
  ];
  // Older than both: the list's later pages.
  const filler = Array.from({ length: FILLER_TRACES }, (_, i) => ({
    traceId: fillerTrace(i),
    spanId: span(1),
    name: `batch job ${i}`,
    kind: 1,
    startTimeUnixNano: ns(t0 - 3_600_000 - i * 1000),
    endTimeUnixNano: ns(t0 - 3_600_000 - i * 1000 + 50),
  }));
  const big = Array.from({ length: BIG_SPANS }, (_, i) => ({
    traceId: TRACE_BIG,
    spanId: span(i + 1),
    ...(i === 0 ? {} : { parentSpanId: span(i <= 40 ? 1 : ((i - 1) % 40) + 2) }),
    name: i === 0 ? 'nightly reindex' : `chunk ${i}`,
    kind: 1,
    startTimeUnixNano: ns(t0 - 7_200_000 + i),
    endTimeUnixNano: ns(t0 - 7_200_000 + (i === 0 ? BIG_SPANS + 10 : i + 5)),
    attributes: [int('chunk.index', i)],
  }));
  return [
    otlpRequest('checkout-api', checkout),
    otlpRequest('payments', payment),
    otlpRequest('batch-worker', filler),
    otlpRequest('indexer', big),
  ];
}

/** The conversation: a question, an answer (from the checkout trace, rated 2 with a failure tag), a follow-up. */
export function conversationBatch(now: number) {
  const at = (s: number) => new Date(now - 120_000 + s * 1000).toISOString();
  return {
    conversations: [{ id: CONVERSATION, user_id: 'user-7', session_id: 'sess-7', created_at: at(0) }],
    messages: [
      {
        id: 'msg-viewer-1',
        conversation_id: CONVERSATION,
        role: 'user',
        content: 'Where is my order 42?',
        created_at: at(1),
      },
      {
        id: ASSISTANT_MESSAGE,
        conversation_id: CONVERSATION,
        role: 'assistant',
        content: 'Your order 42 ships tomorrow.',
        created_at: at(2),
        model_id: 'gpt-4o',
        provider: 'openai',
        input_tokens: 120,
        output_tokens: 48,
        latency_ms: 812,
        metadata: { trace_id: TRACE_CHECKOUT, span_id: LLM_SPAN },
      },
      {
        id: 'msg-viewer-3',
        conversation_id: CONVERSATION,
        role: 'user',
        content: 'Thanks!',
        created_at: at(3),
      },
    ],
    evaluations: [
      {
        id: 'eval-viewer-1',
        message_id: ASSISTANT_MESSAGE,
        evaluator_id: 'judge-1',
        rating: 2,
        success: false,
        failure_tags: ['wrong_date'],
        created_at: at(4),
      },
    ],
  };
}
