// Owns catalog lookup: per-1k USD prices for (provider, model_id) pairs from the bundled @pydantic/genai-prices data.
import { calcPrice } from '@pydantic/genai-prices';
import type { CatalogPrice, Price } from './PriceBook.ts';

const cache = new Map<string, Price | null>();

function lookup(provider: string | null, modelId: string): Price | null {
  try {
    // With a provider we ask only that provider: matching a self-hosted model (e.g. on runpod) against
    // whichever API vendor has a similarly named model would invent a price.
    const options = provider ? { providerId: provider.toLowerCase() } : {};
    const input = calcPrice({ input_tokens: 1000 }, modelId, options);
    const output = calcPrice({ output_tokens: 1000 }, modelId, options);
    if (!input || !output) return null;
    return { input_per_1k: input.total_price, output_per_1k: output.total_price };
  } catch {
    return null; // a malformed catalog entry must not break a dashboard; the message stays unpriced
  }
}

/**
 * Prices each pair from the bundled catalog (offline; nothing is fetched), in input order, at today's
 * catalog prices. Results are cached per pair for the life of the process.
 */
export function catalogPrices(pairs: { provider: string | null; model_id: string }[]): CatalogPrice[] {
  return pairs.map(({ provider, model_id }) => {
    const key = `${provider ?? ''}\u0000${model_id}`;
    let price = cache.get(key);
    if (price === undefined) {
      price = lookup(provider, model_id);
      cache.set(key, price);
    }
    return { provider, model_id, price };
  });
}
