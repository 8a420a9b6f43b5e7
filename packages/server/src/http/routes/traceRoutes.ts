// Owns POST /v1/traces (OTLP/HTTP): its own body parser (protobuf or JSON, gzip, the limit after
// decompression), auth (scope ingest) → TraceService → ExportTraceServiceResponse in the request's encoding.
import { OtlpTraceRequestSchema, OtlpTraceResponseSchema } from '@llm-analytics/core';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { OTLP_ENCODINGS, type OtlpEncoding } from '../../ingest/otlp/otlpEncodings.ts';
import { readBody } from '../../ingest/otlp/readBody.ts';
import { ApiError } from '../ApiError.ts';
import { apiRoute } from '../apiRoute.ts';

export const traceRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const limit = ctx.config.bodyLimitBytes;
    // This plugin's own parsers (Fastify scopes them to it): the body arrives as the raw stream, so the
    // limit can apply to the decompressed bytes; the route decodes them by their media type.
    app.removeAllContentTypeParsers();
    for (const { mediaType } of Object.values(OTLP_ENCODINGS)) {
      app.addContentTypeParser(mediaType, (req, payload, done) => {
        readBody(payload, req.headers['content-encoding'], limit).then(
          (body) => done(null, body),
          (e) => done(e as Error),
        );
      });
    }
    apiRoute(app, {
      method: 'POST',
      url: '/v1/traces',
      permission: 'ingest',
      summary: 'Ingest OpenTelemetry spans (OTLP/HTTP, protobuf or JSON)',
      description:
        'An OTLP ExportTraceServiceRequest as `application/x-protobuf` or `application/json`, optionally ' +
        '`Content-Encoding: gzip` (the body limit applies after decompression). Spans are upserted by ' +
        '(trace id, span id) and acknowledged after commit; invalid spans are counted in `partialSuccess` ' +
        'while the others are stored. 503 with Retry-After when the writer is saturated.',
      body: OtlpTraceRequestSchema,
      rawBody: true,
      binary: {
        mediaType: OTLP_ENCODINGS.protobuf.mediaType,
        decodeReply: OTLP_ENCODINGS.protobuf.decodeResponse,
      },
      replies: { 200: OtlpTraceResponseSchema },
      handler: async (req, reply) => {
        const encoding = encodingOf(req.headers['content-type']);
        if (!Buffer.isBuffer(req.body)) throw new ApiError(400, 'invalid_body', 'the body is empty');
        const response = await ctx.traces.export(req.principal!.workspaceId, req.body, encoding);
        if (encoding === OTLP_ENCODINGS.protobuf) {
          // Fastify sends what a serializer returns as is: the Buffer goes out as the protobuf body.
          const bytes = encoding.encodeResponse(response) as unknown as string;
          reply.type(encoding.mediaType).serializer(() => bytes);
        }
        return response;
      },
    });
  };

function encodingOf(contentType: string | undefined): OtlpEncoding {
  const media = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const found = Object.values(OTLP_ENCODINGS).find((e) => e.mediaType === media);
  if (!found) {
    throw new ApiError(415, 'unsupported_media_type', 'send application/x-protobuf or application/json');
  }
  return found;
}
