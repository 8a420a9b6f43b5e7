// Owns the activity log shapes: one event and a page of them.
import { z } from 'zod';

export const ActivityEventSchema = z.strictObject({
  id: z.string(),
  at: z.string(),
  /** Who did it: a user's email, `key:<prefix>`, or `system`. */
  actor: z.string(),
  /** A dotted verb such as `key.create`. */
  action: z.string(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

export const ActivityPageSchema = z.strictObject({ events: z.array(ActivityEventSchema) });

export type ActivityEvent = z.output<typeof ActivityEventSchema>;
export type ActivityPage = z.output<typeof ActivityPageSchema>;
