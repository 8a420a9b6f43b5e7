// Each price-book layer, unpriced messages and the SLA threshold from settings, on both engines, against the oracle.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from '../helpers/engines.ts';
import { check, type Loaded, loadServer, setSettings } from './fixture.ts';
import type { OracleSettings } from './oracle.ts';

const METRICS = [
  'cost',
  'cost_per_message',
  'unpriced_messages',
  'messages',
  'input_tokens',
  'output_tokens',
];
const DEFAULT_PRICE = { input_per_1k: 0.001, output_per_1k: 0.002 };
const PROVIDERS = {
  RunPod: { input_per_1k: 0.0002, output_per_1k: 0.0004 },
  OPENAI: { input_per_1k: 0.003, output_per_1k: 0.012 },
};
const MODELS = {
  'llama-3-8b-sft': { input_per_1k: 0.00005, output_per_1k: 0.0001 },
  'gpt-4o': { input_per_1k: 0.004, output_per_1k: 0.016 },
  'mystery-model': { input_per_1k: 0.0007, output_per_1k: 0.0009 },
};

const BOOKS: [string, OracleSettings['price_book'], (unpriced: number) => boolean][] = [
  [
    'catalog only (openai gpt-4o, gpt-4o-mini, anthropic claude)',
    { default: null, providers: {}, models: {} },
    (n) => n > 0,
  ],
  ['default price for everything the catalog lacks', { default: DEFAULT_PRICE }, (n) => n === 0],
  ['provider overrides, case-insensitive, over the catalog', { providers: PROVIDERS }, (n) => n > 0],
  ['model overrides over provider overrides', { providers: PROVIDERS, models: MODELS }, (n) => n > 0],
  ['every layer together', { default: DEFAULT_PRICE, providers: PROVIDERS, models: MODELS }, (n) => n === 0],
];

for (const engine of ENGINES) {
  describe(`analytics price book on ${engine}`, () => {
    let l: Loaded;
    before(async () => {
      l = await loadServer(engine);
    });
    after(() => l.s.close());

    for (const [name, price_book, unpricedOk] of BOOKS) {
      it(`${name}: cost and meta.unpriced_messages`, async () => {
        await setSettings(l, { price_book, sla_threshold_ms: 2000 });
        for (const dimensions of [
          [],
          ['model'],
          ['provider'],
          ['session'],
          ['training_method'],
          ['rating'],
          ['time'],
        ]) {
          for (const date_range of ['30d', 'all'] as const) {
            await check(l, { metrics: METRICS, dimensions, date_range, granularity: 'day' });
          }
        }
        const reply = await check(l, { metrics: ['cost'], date_range: 'all' });
        assert.ok(unpricedOk(reply.meta.unpriced_messages ?? -1), `unpriced ${reply.meta.unpriced_messages}`);
        // A message dimension puts each message in one group: the rows' counts add up to the distinct total.
        for (const dimensions of [['model'], ['session']]) {
          const q = { metrics: ['unpriced_messages'], dimensions, date_range: 'all' as const };
          const byGroup = await check(l, q);
          const total = byGroup.rows.reduce((n, r) => n + Number(r.unpriced_messages), 0);
          assert.equal(total, reply.meta.unpriced_messages, `${dimensions[0]}: Σ unpriced_messages`);
        }
      });
    }

    it('a price change reprices history: the same query answers with the new book', async () => {
      await setSettings(l, { price_book: { default: DEFAULT_PRICE }, sla_threshold_ms: 2000 });
      const a = await check(l, { metrics: ['cost'], date_range: 'all' });
      await setSettings(l, {
        price_book: { default: { input_per_1k: 0.002, output_per_1k: 0.004 } },
        sla_threshold_ms: 2000,
      });
      const b = await check(l, { metrics: ['cost'], date_range: 'all' });
      assert.notEqual(a.rows[0].cost, b.rows[0].cost);
    });

    it('the SLA threshold comes from settings', async () => {
      for (const sla_threshold_ms of [1, 500, 2000, 5000]) {
        await setSettings(l, { price_book: { default: null, providers: {}, models: {} }, sla_threshold_ms });
        await check(l, {
          metrics: ['sla_breach_rate', 'latency_avg'],
          dimensions: ['model'],
          date_range: '90d',
        });
      }
    });
  });
}
