// The planner's choices, independent of SQL text: for each query shape, the strategy planQuery picks per
// statement (rollup or parts, shared or inline row source, two-period or own comparison statement) and per part
// (priced, direct per grain, per-period, histogram), the priced part's late model dimensions and where each
// filter conjunct goes. Pure: no database, no rendering.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnalyticsQuery } from '../../../src/query/AnalyticsQuery.ts';
import { parseQuery } from '../../../src/query/parseQuery.ts';
import { planQuery } from '../../../src/query/plan/planQuery.ts';
import type { PartPlan, StatementPlan } from '../../../src/query/plan/QueryPlan.ts';

const NOW = new Date('2025-06-01T12:00:00Z');

interface Strategy {
  source: StatementPlan['source'];
  /** Part kinds in order; a direct part as `direct:<grain>`. */
  parts: string[];
  base: StatementPlan['base'];
  unpriced: StatementPlan['unpriced'];
  /** The priced part's model dimensions looked up on grouped rows (only checked when given). */
  late?: string[];
  /** Each filter conjunct's placement, in order (only checked when given). */
  filters?: StatementPlan['filters'][number]['placement'][];
}

interface Case {
  query: AnalyticsQuery;
  comparison: 'one-statement' | 'own-statement' | null;
  main: Strategy;
  /** The previous period's own statement, when the comparison has one. */
  previous?: Strategy;
}

const kind = (p: PartPlan) => (p.kind === 'direct' ? `direct:${p.grain}` : p.kind);

function strategy(s: StatementPlan, expected: Strategy): Strategy {
  const priced = s.parts.find((p) => p.kind === 'priced');
  return {
    source: s.source,
    parts: s.parts.map(kind),
    base: s.base,
    unpriced: s.unpriced,
    ...(expected.late ? { late: priced?.kind === 'priced' ? priced.lateDimensions : [] } : {}),
    ...(expected.filters ? { filters: s.filters.map((f) => f.placement) } : {}),
  };
}

const parts = (ps: string[], more: Partial<Strategy> = {}): Strategy => ({
  source: 'parts',
  parts: ps,
  base: 'inline',
  unpriced: null,
  ...more,
});

const CASES: Record<string, Case> = {
  'conversations by length: the rollup': {
    query: { metrics: ['conversations'], dimensions: ['conversation_length'], date_range: '30d' },
    comparison: null,
    main: { source: 'rollup', parts: [], base: 'inline', unpriced: null },
  },
  'the rollup keeps carried and semi-join filters': {
    query: {
      metrics: ['conversations'],
      dimensions: ['conversation_length'],
      date_range: '30d',
      filters: [
        'and',
        [
          ['eq', 'model', 'gpt-4o'],
          ['in', 'rating', [4, 5]],
        ],
      ],
    },
    comparison: null,
    main: { source: 'rollup', parts: [], base: 'inline', unpriced: null, filters: ['pushed', 'per-part'] },
  },
  'another metric beside conversations by length: parts, not the rollup': {
    query: { metrics: ['messages', 'conversations'], dimensions: ['conversation_length'], date_range: '30d' },
    comparison: null,
    main: parts(['direct:message']),
  },
  'cost by model: one priced part': {
    query: { metrics: ['cost', 'cost_per_message'], dimensions: ['model'], date_range: '30d' },
    comparison: null,
    main: parts(['priced'], { unpriced: 'window', late: [] }),
  },
  'model attributes looked up late on the priced rows': {
    query: {
      metrics: ['cost', 'unpriced_messages'],
      dimensions: ['model', 'training_method', 'base_model'],
      date_range: '30d',
    },
    comparison: null,
    main: parts(['priced'], { unpriced: 'window', late: ['training_method', 'base_model'] }),
  },
  'a model-attribute filter joins every row instead': {
    query: {
      metrics: ['cost'],
      dimensions: ['training_method'],
      date_range: '30d',
      filters: ['eq', 'base_model', 'llama'],
    },
    comparison: null,
    main: parts(['priced'], { unpriced: 'window', late: [], filters: ['pushed'] }),
  },
  'priced and holistic message partials: two parts': {
    query: { metrics: ['cost', 'conversations', 'latency_p95'], dimensions: ['session'], date_range: '30d' },
    comparison: null,
    main: parts(['priced', 'direct:message'], { unpriced: 'window' }),
  },
  'a dimension of another grain spreads messages: unpriced counted distinct': {
    query: { metrics: ['cost', 'tool_calls'], dimensions: ['tool'], date_range: '30d' },
    comparison: null,
    main: parts(['priced', 'direct:tool'], { unpriced: 'distinct' }),
  },
  'percentiles without dimensions: a histogram': {
    query: { metrics: ['latency_p50', 'latency_p99', 'messages'], date_range: '30d' },
    comparison: null,
    main: parts(['direct:message', 'histogram']),
  },
  'percentiles by time: no histogram': {
    query: { metrics: ['latency_p50', 'latency_p99'], dimensions: ['time'], date_range: '30d' },
    comparison: null,
    main: parts(['direct:message']),
  },
  'additive comparison: one two-period statement': {
    query: { metrics: ['messages', 'errors'], date_range: '7d', compare: 'previous_period' },
    comparison: 'one-statement',
    main: parts(['direct:message']),
  },
  'KPIs compared: distinct counts and percentiles per period, in the one statement': {
    query: {
      metrics: ['messages', 'conversations', 'avg_rating', 'latency_p95', 'cost'],
      date_range: '30d',
      compare: 'previous_period',
    },
    comparison: 'one-statement',
    main: parts(['priced', 'per-period', 'direct:evaluation'], { unpriced: 'window' }),
  },
  'comparison with dimensions: the previous period has its own statement': {
    query: {
      metrics: ['success_rate', 'latency_p50', 'input_tokens'],
      dimensions: ['time'],
      date_range: '30d',
      compare: 'previous_period',
    },
    comparison: 'own-statement',
    main: parts(['direct:message', 'direct:evaluation']),
    previous: parts(['direct:message', 'direct:evaluation']),
  },
  'comparison filtered on conversation length: its own statement': {
    query: {
      metrics: ['messages'],
      date_range: '30d',
      compare: 'previous_period',
      filters: ['gte', 'conversation_length', 3],
    },
    comparison: 'own-statement',
    main: parts(['direct:message'], { filters: ['pushed'] }),
    previous: parts(['direct:message'], { filters: ['pushed'] }),
  },
  'several parts reading conversation length: one shared CTE': {
    query: {
      metrics: ['cost', 'conversations'],
      dimensions: ['model'],
      date_range: '30d',
      filters: ['gte', 'conversation_length', 2],
    },
    comparison: null,
    main: parts(['priced', 'direct:message'], { base: 'shared', unpriced: 'window' }),
  },
  'one part reading conversation length: inline': {
    query: { metrics: ['messages'], date_range: '30d', filters: ['gte', 'conversation_length', 2] },
    comparison: null,
    main: parts(['direct:message']),
  },
  'each grain its own direct part': {
    query: {
      metrics: ['messages', 'avg_rating', 'tool_calls', 'evaluators'],
      dimensions: ['model'],
      date_range: '30d',
    },
    comparison: null,
    main: parts(['direct:message', 'direct:evaluation', 'direct:tool']),
  },
  'evaluation metrics alone': {
    query: { metrics: ['evaluations'], dimensions: ['failure_tag'], date_range: '30d' },
    comparison: null,
    main: parts(['direct:evaluation']),
  },
  'message conjuncts pushed, evaluation ones per part': {
    query: {
      metrics: ['messages'],
      dimensions: ['failure_tag'],
      date_range: '30d',
      filters: [
        'and',
        [
          ['eq', 'success', false],
          ['eq', 'model', 'gpt-4o'],
        ],
      ],
    },
    comparison: null,
    main: parts(['direct:message'], { filters: ['per-part', 'pushed'] }),
  },
};

describe('planQuery strategies', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(name, () => {
      const plan = planQuery(parseQuery(c.query), { now: NOW });
      assert.equal(plan.comparison?.form ?? null, c.comparison);
      assert.deepEqual(strategy(plan.main, c.main), c.main);
      if (c.previous) assert.deepEqual(plan.previous && strategy(plan.previous, c.previous), c.previous);
      else assert.equal(plan.previous, undefined);
      if (c.comparison === 'one-statement') {
        // Both periods in one scan: the statement spans them and splits where the current window starts.
        assert.deepEqual(plan.main.window, { from: plan.comparison!.window.from, to: plan.window!.to });
        assert.deepEqual(plan.main.split, plan.window!.from);
      } else assert.equal(plan.main.split, undefined);
    });
  }
});
