// The GenAI mapping as a pure function, table-driven: attribute sets as each instrumentation emits them → the
// span's reading; a trace's spans → its messages (wrappers once, tools to the call they follow).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readGenAi } from '../../src/ingest/otlp/genai/readGenAi.ts';
import { type TraceSpan, traceMessages } from '../../src/ingest/otlp/genai/traceMessages.ts';

const OK = { status_code: 0, events: [] };

describe('readGenAi', () => {
  const cases: [string, Record<string, unknown>, Record<string, unknown> | null][] = [
    [
      'GenAI semconv chat',
      {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'gpt-4o',
        'gen_ai.response.model': 'gpt-4o-2024-08-06',
        'gen_ai.usage.input_tokens': 120,
        'gen_ai.usage.output_tokens': 30,
        'gen_ai.conversation.id': 'conv-1',
        'gen_ai.output.messages': JSON.stringify([
          { role: 'assistant', parts: [{ type: 'text', content: 'It is sunny.' }], finish_reason: 'stop' },
        ]),
      },
      {
        type: 'llm',
        convention: 'gen_ai',
        model: 'gpt-4o-2024-08-06',
        provider: 'openai',
        input_tokens: 120,
        output_tokens: 30,
        conversation_id: 'conv-1',
        output: 'It is sunny.',
      },
    ],
    [
      'older GenAI names (OpenLLMetry): gen_ai.system, prompt/completion tokens, completion.0.content',
      {
        'gen_ai.system': 'Anthropic',
        'llm.request.type': 'chat',
        'gen_ai.request.model': 'claude-3-5-sonnet',
        'gen_ai.usage.prompt_tokens': 11,
        'gen_ai.usage.completion_tokens': 4,
        'gen_ai.completion.0.content': 'Hello',
      },
      {
        type: 'llm',
        model: 'claude-3-5-sonnet',
        provider: 'anthropic',
        input_tokens: 11,
        output_tokens: 4,
        output: 'Hello',
      },
    ],
    [
      'GenAI invoke_agent is not a message',
      { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.request.model': 'x' },
      null,
    ],
    [
      'GenAI embeddings is not a message',
      { 'gen_ai.operation.name': 'embeddings', 'gen_ai.request.model': 'x' },
      null,
    ],
    [
      'GenAI execute_tool',
      { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'get_weather' },
      { type: 'tool', tool_name: 'get_weather' },
    ],
    [
      'OpenInference LLM',
      {
        'openinference.span.kind': 'LLM',
        'llm.model_name': 'gpt-4o-mini',
        'llm.provider': 'openai',
        'llm.token_count.prompt': 70,
        'llm.token_count.completion': '7',
        'session.id': 'sess-9',
        'user.id': 'u-1',
        'output.value': JSON.stringify({ choices: [{ message: { role: 'assistant', content: 'Sure' } }] }),
      },
      {
        type: 'llm',
        convention: 'openinference',
        model: 'gpt-4o-mini',
        input_tokens: 70,
        output_tokens: 7,
        conversation_id: 'sess-9',
        user_id: 'u-1',
        output: 'Sure',
      },
    ],
    ['OpenInference CHAIN is not a message', { 'openinference.span.kind': 'CHAIN', 'session.id': 's' }, null],
    [
      'OpenInference TOOL',
      { 'openinference.span.kind': 'TOOL', 'tool.name': 'search' },
      { type: 'tool', tool_name: 'search' },
    ],
    [
      'Vercel AI SDK provider call (it sets gen_ai.* too: read as Vercel)',
      {
        'ai.operationId': 'ai.generateText.doGenerate',
        'ai.model.provider': 'openai.chat',
        'ai.model.id': 'gpt-4o',
        'ai.response.model': 'gpt-4o-2024-08-06',
        'ai.usage.promptTokens': 50,
        'ai.usage.completionTokens': 10,
        'ai.response.text': 'Hi',
        'ai.telemetry.metadata.userId': 'u-7',
        'gen_ai.system': 'openai.chat',
      },
      {
        type: 'llm',
        convention: 'vercel_ai',
        model: 'gpt-4o-2024-08-06',
        provider: 'openai',
        input_tokens: 50,
        output_tokens: 10,
        user_id: 'u-7',
        output: 'Hi',
      },
    ],
    [
      'the Vercel wrapper is not a message, although it carries usage',
      { 'ai.operationId': 'ai.generateText', 'ai.usage.promptTokens': 50, 'ai.model.id': 'gpt-4o' },
      null,
    ],
    [
      'Vercel tool call',
      { 'ai.operationId': 'ai.toolCall', 'ai.toolCall.name': 'search' },
      { type: 'tool', tool_name: 'search' },
    ],
    ['an HTTP span', { 'http.method': 'POST', 'http.status_code': 200 }, null],
    [
      'odd values are dropped, not trusted: negative tokens, an over-long model, a float',
      {
        'gen_ai.operation.name': 'chat',
        'gen_ai.request.model': 'm'.repeat(300),
        'gen_ai.usage.input_tokens': -1,
        'gen_ai.usage.output_tokens': 1.5,
      },
      { type: 'llm', model: null, input_tokens: null, output_tokens: null },
    ],
  ];
  for (const [name, attrs, want] of cases) {
    it(name, () => {
      const got = readGenAi(attrs, OK);
      if (want === null) return assert.equal(got, null);
      assert.ok(got);
      for (const [k, v] of Object.entries(want)) assert.deepEqual(got[k as keyof typeof got], v, k);
    });
  }

  it('an errored span: error.type, else the exception event, else span_error', () => {
    const chat = { 'gen_ai.operation.name': 'chat' };
    assert.equal(
      readGenAi({ ...chat, 'error.type': 'timeout' }, { status_code: 2, events: [] })?.error_type,
      'timeout',
    );
    const events = [{ name: 'exception', attributes: { 'exception.type': 'RateLimitError' } }];
    assert.equal(readGenAi(chat, { status_code: 2, events })?.error_type, 'RateLimitError');
    assert.equal(readGenAi(chat, { status_code: 2, events: [] })?.error_type, 'span_error');
    assert.equal(readGenAi(chat, OK)?.error_type, null);
  });

  it('the completion from an older gen_ai.content.completion event', () => {
    const events = [
      { name: 'gen_ai.content.completion', attributes: { 'gen_ai.completion': 'From the event' } },
    ];
    assert.equal(
      readGenAi({ 'gen_ai.operation.name': 'chat' }, { status_code: 0, events })?.output,
      'From the event',
    );
  });
});

const T = 'a'.repeat(32);
function span(
  id: string,
  parent: string | null,
  start: number,
  end: number,
  genai: Partial<TraceSpan['genai']> | null,
  status = 0,
): TraceSpan {
  return {
    span_id: id,
    parent_span_id: parent,
    name: `span ${id}`,
    start_ms: start,
    end_ms: end,
    duration_ms: end - start,
    status_code: status,
    genai: genai && {
      type: 'llm',
      convention: 'gen_ai',
      model: 'm',
      provider: 'p',
      input_tokens: 1,
      output_tokens: 1,
      conversation_id: null,
      user_id: null,
      error_type: null,
      input: null,
      output: null,
      tool_name: null,
      ...genai,
    },
  };
}
const tool = (name: string) => ({ type: 'tool' as const, tool_name: name });

describe('traceMessages', () => {
  it('an agent loop: each tool goes to the call it follows (sibling) or the call it is under (child)', () => {
    const spans = [
      span('root', null, 0, 100, null),
      span('chat1', 'root', 1, 10, { conversation_id: 'conv-1', user_id: 'u' }),
      span('tool1', 'root', 11, 20, tool('get_weather')),
      span('chat2', 'root', 21, 40, { conversation_id: 'conv-1' }),
      span('tool2', 'chat2', 30, 35, tool('lookup'), 2),
      span('tool3', 'root', 41, 45, tool('send_email')),
    ];
    const { messages, conversations } = traceMessages(T, spans);
    assert.deepEqual(
      messages.map((m) => [m.id, m.tools_called?.map((t) => [t.name, t.success]), m.tool_success]),
      [
        [`${T}-chat1`, [['get_weather', true]], true],
        [
          `${T}-chat2`,
          [
            ['lookup', false],
            ['send_email', true],
          ],
          false,
        ],
      ],
    );
    assert.deepEqual(conversations, [{ id: 'conv-1', user_id: 'u', created_at: new Date(1).toISOString() }]);
    assert.equal(messages[0].latency_ms, 9);
    assert.deepEqual(messages[0].metadata, {
      trace_id: T,
      span_id: 'chat1',
      source: 'otel',
      convention: 'gen_ai',
    });
  });

  it('an LLM span around another (a framework around the provider call) is one message: the inner one', () => {
    const spans = [
      span('outer', null, 0, 50, { model: 'framework' }),
      span('step', 'outer', 1, 49, null),
      span('inner', 'step', 2, 48, { model: 'gpt-4o' }),
    ];
    const { messages } = traceMessages(T, spans);
    assert.deepEqual(
      messages.map((m) => [m.id, m.model_id]),
      [[`${T}-inner`, 'gpt-4o']],
    );
  });

  it('without a conversation attribute the trace is the conversation; a tool before any call is left alone', () => {
    const { messages, conversations } = traceMessages(T, [
      span('t0', null, 0, 1, tool('early')),
      span('c', null, 2, 3, {}),
    ]);
    assert.equal(messages[0].conversation_id, T);
    assert.equal(messages[0].tools_called, null);
    assert.equal(conversations[0].id, T);
  });
});
