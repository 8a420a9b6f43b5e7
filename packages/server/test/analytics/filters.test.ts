// Every filter op on dimensions of every grain, and/or/not, the `success` filter, on both engines, against the oracle.
import { after, before, describe, it } from 'node:test';
import type { AnalyticsQuery, Filter } from '@llm-analytics/core';
import { ENGINES } from '../helpers/engines.ts';
import { check, type Loaded, loadServer } from './fixture.ts';
import { METRIC_GRAIN } from './oracle.ts';

const ALL_METRICS = Object.keys(METRIC_GRAIN);

const FILTERS: Filter[] = [
  // message grain, every op
  ['eq', 'model', 'gpt-4o'],
  ['neq', 'model', 'gpt-4o'],
  ['in', 'provider', ['openai', 'OpenAI']],
  ['not_in', 'provider', ['runpod', 'anthropic']],
  ['contains', 'provider', 'OPEN'],
  ['contains', 'model', 'llama'],
  ['eq', 'role', 'assistant'],
  ['eq', 'error_type', ''],
  ['neq', 'error_type', 'timeout'],
  ['eq', 'training_method', 'sft'],
  ['in', 'training_method', ['dpo', 'rlhf']],
  ['neq', 'training_method', 'base'],
  ['eq', 'base_model', 'llama-3-8b'],
  ['eq', 'session', 'A'],
  ['not_in', 'session', ['A']],
  ['eq', 'experiment', 'exp-1'],
  ['contains', 'user', 'u-1'],
  ['eq', 'widget', true],
  ['eq', 'widget', 'false'],
  ['neq', 'widget', true],
  ['eq', 'conversation_length', '1'],
  ['in', 'conversation_length', ['6-10', '51+']],
  ['gte', 'conversation_length', 11],
  ['lte', 'conversation_length', 3],
  ['gte', 'time', '2025-06-01T00:00:00Z'],
  ['lte', 'time', '2025-05-20T12:00:00Z'],
  // evaluation grain
  ['in', 'rating', [4, 5]],
  ['eq', 'rating', 1],
  ['eq', 'evaluator', 'judge'],
  ['not_in', 'evaluator', ['rev-1']],
  ['neq', 'rating', 5],
  ['not_in', 'rating', [1, 2]],
  ['gte', 'rating', 4],
  ['lte', 'rating', 2],
  ['eq', 'success', true],
  ['eq', 'success', 'false'],
  ['neq', 'success', true],
  ['eq', 'failure_tag', 'hallucination'],
  ['in', 'failure_tag', ['Tone', 'off_topic']],
  ['neq', 'failure_tag', 'hallucination'],
  ['not_in', 'failure_tag', ['Tone']],
  ['contains', 'failure_tag', 'TON'],
  ['not', ['contains', 'failure_tag', 'hall']],
  // tool grain
  ['eq', 'tool', 'search'],
  ['neq', 'tool', 'search'],
  ['contains', 'tool', 'web'],
  ['not', ['eq', 'tool', 'search']],
  // combinations
  [
    'and',
    [
      ['gte', 'time', '2025-05-01T00:00:00Z'],
      ['lte', 'time', '2025-05-31T23:59:59Z'],
    ],
  ],
  [
    'and',
    [
      ['eq', 'success', false],
      ['in', 'rating', [1, 2]],
    ],
  ],
  [
    'and',
    [
      ['eq', 'model', 'llama-3-8b-sft'],
      ['eq', 'success', true],
    ],
  ],
  [
    'or',
    [
      ['eq', 'model', 'gpt-4o'],
      ['eq', 'rating', 5],
    ],
  ],
  [
    'or',
    [
      ['eq', 'tool', 'calculator'],
      ['eq', 'widget', true],
    ],
  ],
  ['not', ['eq', 'model', 'gpt-4o']],
  ['not', ['eq', 'rating', 5]],
  [
    'not',
    [
      'and',
      [
        ['eq', 'widget', true],
        ['eq', 'session', 'A'],
      ],
    ],
  ],
  [
    'not',
    [
      'or',
      [
        ['eq', 'success', false],
        ['contains', 'model', 'llama'],
      ],
    ],
  ],
  [
    'and',
    [
      [
        'or',
        [
          ['eq', 'tool', 'search'],
          ['eq', 'success', false],
        ],
      ],
      ['not', ['in', 'training_method', ['sft']]],
    ],
  ],
  // the seed dashboard's six filters at once
  [
    'and',
    [
      ['in', 'rating', [3, 4, 5]],
      ['in', 'model', ['gpt-4o', 'llama-3-8b-sft', 'llama-3-8b-dpo']],
      ['eq', 'success', true],
      ['in', 'training_method', ['base', 'sft', 'dpo']],
      ['eq', 'session', 'A'],
      ['eq', 'widget', false],
    ],
  ],
];

for (const engine of ENGINES) {
  describe(`analytics filters match the oracle on ${engine}`, () => {
    let l: Loaded;
    before(async () => {
      l = await loadServer(engine);
    });
    after(() => l.s.close());

    for (const filters of FILTERS) {
      it(`filter ${JSON.stringify(filters)}`, async () => {
        for (const dimensions of [[], ['model'], ['rating'], ['tool']]) {
          const q: AnalyticsQuery = { metrics: ALL_METRICS, dimensions, filters, date_range: '90d' };
          await check(l, q);
        }
        // The dashboard's length chart: counted per conversation (see conversationRollup.ts) when it can be.
        await check(l, {
          metrics: ['conversations'],
          dimensions: ['conversation_length'],
          filters,
          date_range: '90d',
        });
      });
    }

    it('filters on a grouped failure_tag restrict the groups; other evaluation terms pick the tags shown', async () => {
      for (const filters of [
        ['in', 'failure_tag', ['Tone', 'hallucination']],
        ['not', ['eq', 'failure_tag', 'Tone']],
        [
          'and',
          [
            ['eq', 'success', false],
            ['gte', 'rating', 2],
          ],
        ],
      ] as Filter[]) {
        await check(l, { metrics: ALL_METRICS, dimensions: ['failure_tag'], filters, date_range: '90d' });
      }
    });
  });
}
