// Owns the reply of GET /api/analytics/judgment-examples: per failure tag, a page of the evaluated messages.
import { z } from 'zod';

export const JudgmentExampleSchema = z.strictObject({
  evaluation_id: z.string(),
  message_id: z.string(),
  conversation_id: z.string(),
  content: z.string().nullable(),
  model_id: z.string().nullable(),
  rating: z.number().nullable(),
  success: z.boolean().nullable(),
  evaluator_id: z.string().nullable(),
  failure_tags: z.array(z.string()),
  /** When the message was created (the window selects on it), and when it was evaluated. */
  created_at: z.string(),
  evaluated_at: z.string(),
});

/** One failure tag's page of examples; `total` is the tag's count in the window (the breakdown's figure). */
export const TagPageSchema = z.strictObject({
  tag: z.string(),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
  examples: z.array(JudgmentExampleSchema),
});

/** One tag's page with `failure_tag`, else every tag's first page. */
export const JudgmentExamplesReplySchema = z.strictObject({
  success: z.literal(true),
  data: z.union([TagPageSchema, z.strictObject({ tags: z.array(TagPageSchema) })]),
});

export type JudgmentExample = z.output<typeof JudgmentExampleSchema>;
export type TagPage = z.output<typeof TagPageSchema>;
export type JudgmentExamplesReply = z.output<typeof JudgmentExamplesReplySchema>;
