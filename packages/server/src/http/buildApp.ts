// Owns the Fastify app: logging with redaction, JSON error envelope, auth hook and route registration.
import { QueryError } from '@llm-analytics/core';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { AppContext } from '../AppContext.ts';
import { installAuth } from '../auth/authHook.ts';
import { ApiError } from './ApiError.ts';
import { installJsonParser } from './installJsonParser.ts';
import { installReplyCheck } from './installReplyCheck.ts';
import { accountRoutes } from './routes/accountRoutes.ts';
import { alertRoutes } from './routes/alertRoutes.ts';
import { analyticsRoutes } from './routes/analyticsRoutes.ts';
import { anomalyRoutes } from './routes/anomalyRoutes.ts';
import { eventRoutes } from './routes/eventRoutes.ts';
import { experimentRoutes } from './routes/experimentRoutes.ts';
import { exportRoutes } from './routes/exportRoutes.ts';
import { healthRoutes } from './routes/healthRoutes.ts';
import { ingestRoutes } from './routes/ingestRoutes.ts';
import { jobRoutes } from './routes/jobRoutes.ts';
import { keyRoutes } from './routes/keyRoutes.ts';
import { installOpenApi } from './routes/openApiRoutes.ts';
import { seedAnalyticsRoutes } from './routes/seedAnalyticsRoutes.ts';
import { settingsRoutes } from './routes/settingsRoutes.ts';
import { traceApiRoutes } from './routes/traceApiRoutes.ts';
import { traceRoutes } from './routes/traceRoutes.ts';
import { webRoutes } from './routes/webRoutes.ts';
import { installSecurity, REDACT_PATHS } from './security.ts';

export async function buildApp(
  ctx: AppContext,
  opts: {
    logger?: boolean;
    logStream?: NodeJS.WritableStream;
    /** Judge every reply against its route's schema and turn a mismatch into a 500 (tests turn it on). */
    checkReplies?: boolean;
  } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: ctx.config.bodyLimitBytes,
    trustProxy: ctx.config.trustProxy,
    // Path parameters carry record ids (up to 256 characters, more once percent-encoded); Fastify's default
    // of 100 would answer a long id's route with a 404.
    routerOptions: { maxParamLength: 2048 },
    logger:
      opts.logger === false
        ? false
        : {
            level: ctx.config.logLevel,
            redact: REDACT_PATHS,
            ...(opts.logStream ? { stream: opts.logStream } : {}),
          },
  });
  // JSON only: Fastify's default text/plain parser would hand handlers a string they never expect.
  app.removeContentTypeParser('text/plain');
  installJsonParser(app, ctx.config.bodyLimitBytes);
  installSecurity(app, ctx.config);
  installAuth(app, ctx);
  installOpenApi(app);
  if (opts.checkReplies) installReplyCheck(app);
  app.setErrorHandler((err: FastifyError | ApiError, req, reply) => {
    if (err instanceof QueryError) return reply.status(400).send(err.toJSON());
    if (err instanceof ApiError) {
      if (err.headers) reply.headers(err.headers);
      return reply.status(err.status).send(err.toBody());
    }
    const mapped = mapFastifyError(err, ctx.config.bodyLimitBytes);
    if (mapped.status >= 500) req.log.error({ err }, 'request failed');
    return reply.status(mapped.status).send(mapped.toBody());
  });
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send(new ApiError(404, 'not_found', `no route ${req.method} ${req.url}`).toBody());
  });
  await app.register(healthRoutes(ctx));
  await app.register(ingestRoutes(ctx));
  await app.register(traceRoutes(ctx));
  await app.register(keyRoutes(ctx));
  await app.register(accountRoutes(ctx));
  await app.register(settingsRoutes(ctx));
  await app.register(analyticsRoutes(ctx));
  await app.register(seedAnalyticsRoutes(ctx));
  await app.register(experimentRoutes(ctx));
  await app.register(alertRoutes(ctx));
  await app.register(anomalyRoutes(ctx));
  await app.register(jobRoutes(ctx));
  await app.register(exportRoutes(ctx));
  await app.register(traceApiRoutes(ctx));
  await app.register(eventRoutes(ctx));
  // Last: the dashboard's catch-all GET (static files, SPA fallback) must not shadow any API route.
  await app.register(webRoutes());
  return app;
}

function mapFastifyError(err: FastifyError, limit: number): ApiError {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'payload_too_large', `the body is larger than the ${limit}-byte limit`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'unsupported_media_type', 'send the body as application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, 'invalid_json', 'the body is empty; send a JSON object');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError(400, 'invalid_body', 'the Content-Length does not match the body');
  }
  if (err instanceof SyntaxError || err.statusCode === 400) {
    return new ApiError(400, 'invalid_json', `the body is not valid JSON: ${err.message}`);
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return new ApiError(err.statusCode, 'bad_request', err.message);
  }
  return new ApiError(500, 'internal_error', 'the server failed to handle the request');
}
