// Tests of the waterfall's tree building (depth-first by parent, siblings by start, orphans and parent cycles
// at the top level, deep traces without recursion) and of the trace list's URL filters.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Span } from '@llm-analytics/core';
import { spanTree } from '../src/trace/spanTree.ts';
import { parseTraceFilters, traceListParams, tracesHref } from '../src/traces/traceFilters.ts';

const T0 = Date.parse('2026-01-01T00:00:00Z');
function span(id: string, parent: string | null, startMs: number, durationMs: number): Span {
  return {
    trace_id: 't'.repeat(32),
    span_id: id,
    parent_span_id: parent,
    name: `span ${id}`,
    kind: 1,
    start_time: new Date(T0 + startMs).toISOString(),
    end_time: new Date(T0 + startMs + durationMs).toISOString(),
    duration_ms: durationMs,
    status_code: 0,
    status_message: null,
    attributes: {},
    resource_attributes: {},
    events: [],
    links: [],
    service_name: null,
    scope_name: null,
    span_type: null,
    model_id: null,
    provider: null,
    input_tokens: null,
    output_tokens: null,
    conversation_id: null,
    tool_name: null,
    message_id: null,
  };
}
const shape = (spans: Span[]) =>
  spanTree(spans).rows.map((r): [string, number, boolean] => [r.span.span_id, r.depth, r.orphan]);

describe('spanTree', () => {
  it('nests children under parents depth-first, siblings by start, whatever order the spans come in', () => {
    const spans = [
      span('c2', 'b', 30, 5),
      span('b2', 'a', 60, 10),
      span('a', null, 0, 100),
      span('c1', 'b', 20, 5),
      span('b', 'a', 10, 40),
      span('d', 'c1', 21, 1),
    ];
    assert.deepEqual(shape(spans), [
      ['a', 0, false],
      ['b', 1, false],
      ['c1', 2, false],
      ['d', 3, false],
      ['c2', 2, false],
      ['b2', 1, false],
    ]);
    const tree = spanTree(spans);
    assert.equal(tree.startMs, T0);
    assert.equal(tree.totalMs, 100);
    assert.deepEqual(
      tree.rows.map((r) => [r.span.span_id, r.offsetMs, r.childCount]),
      [
        ['a', 0, 2],
        ['b', 10, 2],
        ['c1', 20, 1],
        ['d', 21, 0],
        ['c2', 30, 0],
        ['b2', 60, 0],
      ],
    );
  });

  it('puts spans whose parent has not arrived at the top level, marked, with their own children', () => {
    assert.deepEqual(shape([span('root', null, 0, 10), span('o', 'missing', 5, 3), span('oc', 'o', 6, 1)]), [
      ['root', 0, false],
      ['o', 0, true],
      ['oc', 1, false],
    ]);
  });

  it('shows spans on a parent cycle (or their own parent) rather than dropping them', () => {
    const rows = shape([span('x', 'y', 0, 1), span('y', 'x', 1, 1), span('self', 'self', 2, 1)]);
    assert.deepEqual(rows.map((r) => r[0]).sort(), ['self', 'x', 'y']);
    assert.ok(rows.every(([, depth, orphan]) => depth > 0 || orphan));
  });

  it('walks a 20,000-deep chain without exhausting the stack', () => {
    const spans = Array.from({ length: 20_000 }, (_, i) => span(`s${i}`, i ? `s${i - 1}` : null, i, 1));
    const rows = spanTree(spans).rows;
    assert.equal(rows.length, 20_000);
    assert.equal(rows[19_999].depth, 19_999);
  });

  it('has no zero-length axis for an empty or instant trace', () => {
    assert.ok(spanTree([]).totalMs > 0);
    assert.ok(spanTree([span('a', null, 0, 0)]).totalMs > 0);
  });
});

describe('trace list filters in the URL', () => {
  it('round-trips through the query string and drops what it does not know', () => {
    const href = tracesHref({
      model: 'gpt-4o',
      status: 'error',
      range: 'custom',
      from: '2026-01-01',
      to: '2026-01-31',
    });
    assert.equal(href, '/traces?model=gpt-4o&status=error&range=custom&from=2026-01-01&to=2026-01-31');
    const back = parseTraceFilters(href.split('?')[1]);
    assert.equal(tracesHref(back), href);
    assert.deepEqual(parseTraceFilters('status=bogus&range=2y&from=yesterday'), parseTraceFilters(''));
    assert.equal(tracesHref(parseTraceFilters('')), '/traces');
  });

  it('sends a preset as a start ending now, and custom days as whole UTC days', () => {
    const now = Date.parse('2026-03-10T12:00:00Z');
    const day = traceListParams(parseTraceFilters('range=24h&service=api'), now);
    assert.deepEqual(Object.fromEntries(day), { service: 'api', start_date: '2026-03-09T12:00:00.000Z' });
    const custom = traceListParams(parseTraceFilters('range=custom&from=2026-03-01&to=2026-03-02'), now);
    assert.deepEqual(Object.fromEntries(custom), {
      start_date: '2026-03-01T00:00:00.000Z',
      end_date: '2026-03-02T23:59:59.999Z',
    });
    assert.deepEqual(Object.fromEntries(traceListParams(parseTraceFilters('conversation_id=c%201'), now)), {
      conversation_id: 'c 1',
    });
  });
});
