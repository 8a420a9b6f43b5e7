// Owns the workspace price book shape (settings `price_book`) and the resolved-price types the compiler consumes.
import { z } from 'zod';

const usdPer1k = z.number().finite().nonnegative().max(1_000_000);

export const PriceSchema = z.strictObject({ input_per_1k: usdPer1k, output_per_1k: usdPer1k });

/**
 * Resolution per message: `models[model_id]` (exact) › `providers[provider]` (case-insensitive) ›
 * catalog (@pydantic/genai-prices) › `default`. Without a default, messages no layer prices stay unpriced.
 */
export const PriceBookSchema = z.strictObject({
  default: PriceSchema.nullable().optional(),
  providers: z.record(z.string().min(1).max(256), PriceSchema).optional(),
  models: z.record(z.string().min(1).max(256), PriceSchema).optional(),
});

export type Price = z.output<typeof PriceSchema>;
export type PriceBook = z.output<typeof PriceBookSchema>;

/** One (provider, model_id) pair and its catalog price, `null` when the catalog does not know it. */
export interface CatalogPrice {
  provider: string | null;
  model_id: string;
  price: Price | null;
}
