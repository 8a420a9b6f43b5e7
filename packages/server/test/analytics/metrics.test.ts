// Every metric, by every groupable dimension and over every kind of date range, against the oracle, on both engines.
import { after, before, describe, it } from 'node:test';
import type { AnalyticsQuery } from '@llm-analytics/core';
import { ENGINES } from '../helpers/engines.ts';
import { check, type Loaded, loadServer } from './fixture.ts';
import { METRIC_GRAIN } from './oracle.ts';

const ALL_METRICS = Object.keys(METRIC_GRAIN);
const RANGES: AnalyticsQuery['date_range'][] = [
  '7d',
  '30d',
  '90d',
  'all',
  { from: '2025-03-01', to: '2025-03-31' },
  { from: '2025-05-01T06:30:00Z', to: '2025-05-20T18:00:00.000Z' },
];
const DIMENSIONS: string[][] = [
  [],
  ['model'],
  ['provider'],
  ['training_method'],
  ['base_model'],
  ['session'],
  ['experiment'],
  ['widget'],
  ['time'],
  ['failure_tag'],
  ['tool'],
  ['rating'],
  ['evaluator'],
  ['conversation_length'],
  ['user'],
  ['conversation'],
  ['error_type'],
  ['role'],
  ['model', 'rating'],
  ['training_method', 'tool'],
  ['failure_tag', 'rating'],
  ['evaluator', 'model'],
  ['tool', 'failure_tag'],
  ['time', 'model'],
];

const query = (
  metrics: string[],
  dimensions: string[],
  date_range: AnalyticsQuery['date_range'],
): AnalyticsQuery => ({
  metrics,
  dimensions,
  date_range,
  ...(dimensions.includes('time') ? { granularity: 'day' as const } : {}),
});

for (const engine of ENGINES) {
  describe(`analytics metrics match the oracle on ${engine}`, () => {
    let l: Loaded;
    before(async () => {
      l = await loadServer(engine);
    });
    after(() => l.s.close());

    for (const dims of DIMENSIONS) {
      it(`all metrics by [${dims.join(', ')}] over 90d`, async () => {
        await check(l, query(ALL_METRICS, dims, '90d'));
      });
    }

    for (const range of RANGES) {
      for (const dims of [[], ['model'], ['time'], ['conversation_length'], ['rating']]) {
        it(`all metrics by [${dims.join(', ')}] over ${JSON.stringify(range)}`, async () => {
          await check(l, query(ALL_METRICS, dims, range));
        });
      }
      it(`conversations alone by [conversation_length] over ${JSON.stringify(range)}, with its comparison`, async () => {
        await check(l, query(['conversations'], ['conversation_length'], range));
        if (range !== 'all') {
          await check(l, {
            ...query(['conversations'], ['conversation_length'], range),
            compare: 'previous_period',
          });
        }
      });
    }

    it('message metrics by [conversation, latency] and filtered on latency over 90d', async () => {
      const messageMetrics = ALL_METRICS.filter((m) => METRIC_GRAIN[m] === 'message');
      await check(l, query(messageMetrics, ['conversation', 'latency'], '90d'));
      await check(l, {
        ...query(messageMetrics, ['latency'], '90d'),
        filters: [
          'and',
          [
            ['gte', 'latency', 300],
            ['lte', 'latency', 1500],
          ],
        ],
      });
    });

    // Alone, a metric of one grain decides which groups exist (no rows borrowed from another grain).
    for (const metric of ALL_METRICS) {
      it(`${metric} alone by [], [training_method], [rating], [tool], [failure_tag] over 30d`, async () => {
        for (const dims of [[], ['training_method'], ['rating'], ['tool'], ['failure_tag']]) {
          await check(l, query([metric], dims, '30d'));
        }
      });
    }

    it('granularity auto over 30d buckets by day', async () => {
      const reply = await check(l, {
        metrics: ['messages', 'cost'],
        dimensions: ['time'],
        date_range: '30d',
      });
      if (reply.meta.time_bucket !== 'day') throw new Error(`auto picked ${reply.meta.time_bucket}`);
    });
  });
}
