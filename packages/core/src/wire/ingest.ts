// Owns the reply of POST /api/ingest (the request is `IngestBatchSchema` of schemas/ingest.ts).
import { z } from 'zod';

export const IngestAcceptedSchema = z.strictObject({
  accepted: z.strictObject({
    models: z.number().int(),
    conversations: z.number().int(),
    messages: z.number().int(),
    evaluations: z.number().int(),
    /** Present when the batch carried the list. */
    benchmarks: z.number().int().optional(),
    benchmark_results: z.number().int().optional(),
  }),
});

/** How many records of each kind the batch held; all were written. */
export type IngestAccepted = z.output<typeof IngestAcceptedSchema>;
