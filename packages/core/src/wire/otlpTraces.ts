// Owns the JSON encoding of POST /v1/traces (OTLP/HTTP): the ExportTraceServiceRequest it documents and the
// ExportTraceServiceResponse it answers. The protobuf encoding is the server's trace.proto.
import { z } from 'zod';

/** Documentation only: the server decodes the body itself (both encodings), span by span. */
export const OtlpTraceRequestSchema = z
  .looseObject({
    resourceSpans: z
      .array(
        z.looseObject({
          resource: z.looseObject({ attributes: z.array(z.looseObject({})).optional() }).optional(),
          scopeSpans: z
            .array(z.looseObject({ scope: z.looseObject({}).optional(), spans: z.array(z.looseObject({})) }))
            .optional(),
        }),
      )
      .optional(),
  })
  .describe('An OTLP ExportTraceServiceRequest in its JSON encoding (ids as hex, int64 as string or number)');

export const OtlpTraceResponseSchema = z.strictObject({
  /** Absent when every span was stored. */
  partialSuccess: z
    .strictObject({
      rejectedSpans: z.number().int(),
      errorMessage: z.string(),
    })
    .optional(),
});

export type OtlpTraceResponse = z.output<typeof OtlpTraceResponseSchema>;
