// Tests what trace()/span() record, against the real server on both engines: nesting (also across concurrent
// branches), times and durations, GenAI attributes, errors, attribute types, and spans that cannot be queued.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { ENGINES } from '../../server/test/helpers/engines.ts';
import { startTestServer, type TestServer } from '../../server/test/helpers/testServer.ts';
import type { Span } from '../src/index.ts';
import { byName, recordingFetch, type SpanRow, spanClient, storedRows } from './helpers/traceClient.ts';

for (const engine of ENGINES) {
  describe(`trace() and span() against the real server on ${engine}`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ engine });
    });
    after(() => s.close());

    it('stores nested spans with their parents, times, durations and GenAI attributes, in one request', async () => {
      const { impl, traces } = recordingFetch();
      const sdk = await spanClient(s, 'nested', { fetch: impl, serviceName: 'chat-api' });
      const spans = new Map<string, Span>();
      const measured = new Map<string, number>();
      /** Runs `fn` and notes how long it took from the caller's side (the span lives within that). */
      const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
        const t0 = performance.now();
        const v = await fn();
        measured.set(name, performance.now() - t0);
        return v;
      };
      const startedAt = Date.now();
      const result = await timed('handle', () =>
        sdk.trace(
          'handle',
          async (root) => {
            spans.set('handle', root);
            await timed('retrieve', () =>
              sdk.span('retrieve', async (span) => {
                spans.set('retrieve', span);
                await delay(30);
              }),
            );
            sdk.span('parse', (span) => spans.set('parse', span)); // synchronous
            // Two branches at once: each leaf must find its own branch as the current span.
            await Promise.all(
              ['a', 'b'].map((b) =>
                sdk.span(`branch ${b}`, async (span) => {
                  spans.set(`branch ${b}`, span);
                  await delay(b === 'a' ? 5 : 15); // a's leaf starts while b is the latest span begun
                  sdk.span(`leaf ${b}`, (leaf) => spans.set(`leaf ${b}`, leaf));
                }),
              ),
            );
            await root.span('generate', async (gen) => {
              spans.set('generate', gen);
              await sdk.span('chat gpt-4o', async (llm) => {
                spans.set('chat gpt-4o', llm);
                llm.recordLLM({
                  model: 'gpt-4o',
                  provider: 'openai',
                  responseModel: 'gpt-4o-2024-08-06',
                  inputTokens: 412,
                  outputTokens: 96,
                  input: [
                    { role: 'system', content: 'Be brief.' },
                    { role: 'user', content: 'How do I reset my password?' },
                  ],
                  output: 'Open Settings → Security.',
                });
              });
            });
            return 42;
          },
          { conversationId: 'conv-1', userId: 'u-42', attributes: { 'http.route': '/chat', attempt: 2 } },
        ),
      );
      assert.equal(result, 42, 'trace() returns what its function returns');
      assert.equal(sdk.buffered, spans.size, 'nothing was sent before flush()');
      await sdk.flush();
      assert.equal(sdk.buffered, 0);
      assert.equal(traces.length, 1, 'all the spans went in one request');

      const rows = await storedRows(s, 'nested');
      assert.equal(rows.length, spans.size);
      const stored = byName(rows);
      const parentOf: Record<string, string | null> = {
        handle: null,
        retrieve: 'handle',
        parse: 'handle',
        'branch a': 'handle',
        'branch b': 'handle',
        'leaf a': 'branch a',
        'leaf b': 'branch b',
        generate: 'handle',
        'chat gpt-4o': 'generate',
      };
      const traceId = spans.get('handle')?.traceId;
      assert.match(traceId ?? '', /^[0-9a-f]{32}$/);
      for (const [name, parent] of Object.entries(parentOf)) {
        const row = stored.get(name);
        assert.ok(row, `span ${name} is stored`);
        const span = spans.get(name) as Span;
        assert.equal(row.trace_id, traceId, `${name} is in the trace`);
        assert.equal(row.span_id, span.spanId);
        assert.match(span.spanId, /^[0-9a-f]{16}$/);
        const parentRow = parent === null ? null : stored.get(parent);
        assert.equal(row.parent_span_id, parentRow ? parentRow.span_id : null, `parent of ${name}`);
        assert.equal(row.service_name, 'chat-api');
        assert.equal(row.scope_name, '@llm-analytics/sdk');
        assert.equal(row.status_code, 0);
        const [start, end] = [Number(row.start_us), Number(row.end_us)];
        assert.ok(end >= start);
        assert.ok(Math.abs(Number(row.duration_ms) - (end - start) / 1000) < 0.002, `${name} duration`);
        if (parentRow) {
          assert.ok(start >= Number(parentRow.start_us), `${name} starts within its parent`);
          assert.ok(end <= Number(parentRow.end_us), `${name} ends within its parent`);
        }
      }
      const root = stored.get('handle') as SpanRow;
      assert.ok(
        Number(root.start_us) >= startedAt * 1000 - 1000 && Number(root.start_us) <= Date.now() * 1000,
      );
      // Durations against the caller's own clock: at least the awaited sleep, at most the call's wall time.
      const retrieve = Number(stored.get('retrieve')?.duration_ms);
      assert.ok(
        retrieve >= 28 && retrieve <= (measured.get('retrieve') as number) + 1,
        `retrieve ${retrieve} ms`,
      );
      const whole = Number(root.duration_ms);
      assert.ok(
        whole >= retrieve + 14 && whole <= (measured.get('handle') as number) + 1,
        `handle ${whole} ms`,
      );

      // recordLLM's span is an LLM call to the server: it is also written as the conversation's message.
      const chat = spans.get('chat gpt-4o') as Span;
      const [message] = await s.ctx.store.query(
        `SELECT m.conversation_id, m.model_id, m.input_tokens, m.output_tokens, m.content, c.user_id
         FROM messages m JOIN conversations c ON c.workspace_id = m.workspace_id AND c.id = m.conversation_id
         WHERE m.workspace_id = $1 AND m.id = $2`,
        ['nested', `${traceId}-${chat.spanId}`],
      );
      assert.deepEqual(
        { ...message },
        {
          conversation_id: 'conv-1',
          model_id: 'gpt-4o-2024-08-06',
          input_tokens: 412,
          output_tokens: 96,
          content: 'Open Settings → Security.',
          user_id: 'u-42',
        },
      );
      assert.deepEqual(root.attributes, {
        'gen_ai.conversation.id': 'conv-1',
        'user.id': 'u-42',
        'http.route': '/chat',
        attempt: 2,
      });
      assert.deepEqual(stored.get('parse')?.attributes, {});
      const llm = stored.get('chat gpt-4o') as SpanRow;
      assert.equal(llm.kind, 3, 'an LLM call is a CLIENT span');
      const { 'gen_ai.input.messages': input, 'gen_ai.output.messages': output, ...genai } = llm.attributes;
      assert.deepEqual(genai, {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'gpt-4o',
        'gen_ai.response.model': 'gpt-4o-2024-08-06',
        'gen_ai.usage.input_tokens': 412,
        'gen_ai.usage.output_tokens': 96,
        'gen_ai.conversation.id': 'conv-1',
        'user.id': 'u-42',
      });
      assert.deepEqual(JSON.parse(input as string), [
        { role: 'system', parts: [{ type: 'text', content: 'Be brief.' }] },
        { role: 'user', parts: [{ type: 'text', content: 'How do I reset my password?' }] },
      ]);
      assert.deepEqual(JSON.parse(output as string), [
        {
          role: 'assistant',
          parts: [{ type: 'text', content: 'Open Settings → Security.' }],
          finish_reason: 'stop',
        },
      ]);
      await sdk.shutdown();
    });

    it('an exception sets status ERROR with an exception event and is rethrown; a failed tool is an error', async () => {
      const sdk = await spanClient(s, 'errors');
      assert.throws(
        () =>
          sdk.trace('sync failure', () => {
            throw new TypeError('bad input');
          }),
        (e: unknown) => e instanceof TypeError && e.message === 'bad input',
      );
      const failure = new Error('model timed out');
      await assert.rejects(
        sdk.trace('async failure', () =>
          sdk.span('call model', async () => {
            await delay(1);
            throw failure;
          }),
        ),
        (e: unknown) => e === failure,
      );
      sdk.trace('agent', (root) => {
        root.span('kb_search', (span) =>
          span.recordTool({ name: 'kb_search', success: false, error: 'index offline' }),
        );
        root.span('calculator', (span) =>
          span.recordTool({ name: 'calculator', success: true, callId: 'call-7' }),
        );
      });
      await sdk.flush();
      const stored = byName(await storedRows(s, 'errors'));
      for (const [name, type, message] of [
        ['sync failure', 'TypeError', 'bad input'],
        ['async failure', 'Error', 'model timed out'],
        ['call model', 'Error', 'model timed out'],
      ]) {
        const row = stored.get(name) as SpanRow;
        assert.equal(row.status_code, 2, `${name} is an error`);
        assert.equal(row.status_message, message);
        const events = row.events as { name: string; time_ms: number; attributes: Record<string, unknown> }[];
        assert.equal(events.length, 1);
        assert.equal(events[0].name, 'exception');
        assert.equal(events[0].attributes['exception.type'], type);
        assert.equal(events[0].attributes['exception.message'], message);
        assert.match(String(events[0].attributes['exception.stacktrace']), new RegExp(`${type}: ${message}`));
        assert.ok(
          events[0].time_ms * 1000 >= Number(row.start_us) - 1 &&
            events[0].time_ms * 1000 <= Number(row.end_us) + 1,
        );
      }
      assert.equal(stored.get('call model')?.parent_span_id, stored.get('async failure')?.span_id);
      const search = stored.get('kb_search') as SpanRow;
      assert.equal(search.status_code, 2);
      assert.equal(search.status_message, 'index offline');
      assert.deepEqual(search.attributes, {
        'gen_ai.operation.name': 'execute_tool',
        'gen_ai.tool.name': 'kb_search',
      });
      const calc = stored.get('calculator') as SpanRow;
      assert.equal(calc.status_code, 0);
      assert.deepEqual(calc.attributes, {
        'gen_ai.operation.name': 'execute_tool',
        'gen_ai.tool.name': 'calculator',
        'gen_ai.tool.call.id': 'call-7',
      });
      assert.equal(stored.get('agent')?.status_code, 0, 'a failed tool does not fail its parent');
      await sdk.shutdown();
    });

    it('stores every attribute type as sent, ignores changes after the end, and reports spans it cannot queue', async () => {
      const errors: Error[] = [];
      const sdk = await spanClient(s, 'attributes', {
        maxQueueSize: 3,
        maxBatchBytes: 4096,
        onError: (e) => errors.push(e),
      });
      let kept: Span | undefined;
      sdk.trace('typed', (span) => {
        kept = span;
        span
          .setAttributes({
            str: 'x',
            int: -7,
            big: 2 ** 53 - 1,
            ratio: 0.25,
            flag: false,
            tags: ['a', 'b'],
            counts: [1, 2.5],
            flags: [true, false],
            skipped: undefined,
            nothing: null,
          })
          .setAttribute('str', 'replaced')
          .addEvent('cache miss', { key: 'k1' })
          .setStatus('ok');
      });
      kept?.setAttributes({ late: true }).addEvent('late').setStatus('error', 'too late');
      // Too big on its own for a 4 KB request: dropped and reported, the code it measured is unaffected.
      assert.equal(
        sdk.trace('huge', (span) => span.setAttribute('blob', 'x'.repeat(5000)) && 'ran'),
        'ran',
      );
      sdk.trace('second', () => {});
      sdk.trace('third', () => {});
      sdk.trace('over the queue', () => {}); // the span queue holds maxQueueSize = 3
      assert.deepEqual(
        errors.map((e) => e.constructor.name),
        ['InvalidRecordError', 'QueueFullError'],
      );
      assert.match(errors[0].message, /span "huge".*over the 4096-byte batch limit/);
      await sdk.flush();
      const stored = byName(await storedRows(s, 'attributes'));
      assert.deepEqual([...stored.keys()].sort(), ['second', 'third', 'typed']);
      const typed = stored.get('typed') as SpanRow;
      assert.deepEqual(typed.attributes, {
        str: 'replaced',
        int: -7,
        big: 2 ** 53 - 1,
        ratio: 0.25,
        flag: false,
        tags: ['a', 'b'],
        counts: [1, 2.5],
        flags: [true, false],
      });
      assert.equal(typed.status_code, 1);
      assert.equal(typed.status_message, null);
      assert.deepEqual(
        (typed.events as { name: string; attributes: unknown }[]).map((e) => [e.name, e.attributes]),
        [['cache miss', { key: 'k1' }]],
      );
      await sdk.shutdown();
    });
  });
}
