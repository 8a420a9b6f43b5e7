// Owns the workspace settings shape (price book, SLA threshold) and its patch (top-level keys replace).
import { z } from 'zod';
import { PriceBookSchema } from '../pricing/PriceBook.ts';

export const SettingsSchema = z.strictObject({
  price_book: PriceBookSchema,
  sla_threshold_ms: z.number().int().positive().max(3_600_000),
});
export const SettingsPatchSchema = SettingsSchema.partial();

export type Settings = z.output<typeof SettingsSchema>;
export type SettingsPatch = z.output<typeof SettingsPatchSchema>;
