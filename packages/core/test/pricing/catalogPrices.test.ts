// Tests the offline catalog lookup from the bundled @pydantic/genai-prices data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogPrices } from '../../src/pricing/catalogPrices.ts';
import { PriceBookSchema } from '../../src/pricing/PriceBook.ts';

test('known models get per-1k input/output prices; unknown ones null', () => {
  const [gpt, unknown, selfHosted, noProvider] = catalogPrices([
    { provider: 'openai', model_id: 'gpt-4o' },
    { provider: 'openai', model_id: 'no-such-model' },
    { provider: 'runpod', model_id: 'llama-3-8b' },
    { provider: null, model_id: 'gpt-4o-mini' },
  ]);
  assert.deepEqual(gpt, {
    provider: 'openai',
    model_id: 'gpt-4o',
    price: { input_per_1k: 0.0025, output_per_1k: 0.01 },
  });
  assert.equal(unknown.price, null);
  assert.equal(
    selfHosted.price,
    null,
    'a provider the catalog does not know is not guessed from the model name',
  );
  assert.ok(noProvider.price && noProvider.price.input_per_1k > 0 && noProvider.price.output_per_1k > 0);
});

test('provider names are case-insensitive', () => {
  const [p] = catalogPrices([{ provider: 'OpenAI', model_id: 'gpt-4o' }]);
  assert.equal(p.price?.input_per_1k, 0.0025);
});

test('the price book schema accepts the settings shape and rejects negative prices', () => {
  const book = {
    default: { input_per_1k: 0.001, output_per_1k: 0.002 },
    providers: { openai: { input_per_1k: 0.01, output_per_1k: 0.03 } },
    models: { 'my-ft': { input_per_1k: 0, output_per_1k: 0 } },
  };
  assert.deepEqual(PriceBookSchema.parse(book), book);
  assert.equal(PriceBookSchema.safeParse({ default: { input_per_1k: -1, output_per_1k: 0 } }).success, false);
});
