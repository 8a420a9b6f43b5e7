// Owns declaring an API route: its permission, request and reply schemas (the contract the OpenAPI document
// and the test-time reply check read) and a handler whose return type the reply schemas fix.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Permission } from '../accounts/permissions.ts';
import { parseBody } from './parseBody.ts';
import { parseQueryString, type QueryError } from './parseQueryString.ts';

/** Reply schemas by status code; `null` for a reply without a body (204). Errors are `ApiErrorBody`. */
export type Replies = Record<number, z.ZodType | null>;

export interface RouteDoc {
  summary: string;
  description?: string;
  /** The JSON body, validated before the handler runs (400 `validation_failed`) unless `rawBody`. */
  body?: z.ZodType;
  /** The handler validates the body itself (ingest's fast validator); `body` then only documents it. */
  rawBody?: true;
  /** The query string, validated before the handler runs (400 `queryError`, else `invalid_parameters`). */
  query?: z.ZodType;
  queryError?: QueryError;
  replies: Replies;
  /**
   * A second encoding of the body and 200 reply besides JSON (OTLP's protobuf): its media type, and how the
   * test-time reply check decodes such a reply to judge it against the same schema.
   */
  binary?: { mediaType: string; decodeReply(payload: Buffer): unknown };
  /**
   * The 200 reply is a file streamed from disk (a download) in one of these media types, not JSON; errors
   * stay JSON. The reply check judges its status only; the OpenAPI document lists the types as binary.
   */
  file?: { mediaTypes: readonly string[] };
  /**
   * The 200 reply is a Server-Sent Events stream (text/event-stream) whose `event:` names carry `data:` JSON of
   * these schemas; errors before the stream starts stay JSON. The reply check judges its status only.
   */
  eventStream?: { events: Readonly<Record<string, z.ZodType>> };
  /** Not part of the API (the dashboard's files): left out of the OpenAPI document. */
  hidden?: true;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    api?: RouteDoc;
  }
}

export type ReplyBody<R extends Replies> = {
  // biome-ignore lint/suspicious/noConfusingVoidType: the handler of a bodiless reply (204) returns nothing
  [S in keyof R]: R[S] extends z.ZodType ? z.input<R[S]> : void;
}[keyof R];

type BodyOf<B> = B extends z.ZodType ? z.output<B> : unknown;
type Req<B, Q> = { Body: BodyOf<B>; Params: Record<string, string>; Querystring: BodyOf<Q> };

export interface RouteSpec<
  R extends Replies,
  B extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
> extends RouteDoc {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  permission: Permission;
  /** Name of the path parameter that names the workspace (the auth hook binds it). */
  workspaceParam?: string;
  /** Name of a query parameter that names the workspace like X-Workspace-Id (for EventSource, which sets no headers). */
  workspaceQuery?: string;
  body?: B;
  query?: Q;
  replies: R;
  /** Sets `reply.status()` for a status other than 200 and returns the body (undefined for 204). */
  handler: (req: FastifyRequest<Req<B, Q>>, reply: FastifyReply) => Promise<ReplyBody<R>>;
}

export function apiRoute<
  const R extends Replies,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(app: FastifyInstance, spec: RouteSpec<R, B, Q>): void {
  const { method, url, permission, workspaceParam, workspaceQuery, handler, ...doc } = spec;
  const body = doc.rawBody ? undefined : doc.body;
  const { query, queryError } = doc;
  app.route<Req<B, Q>>({
    method,
    url,
    config: { permission, workspaceParam, workspaceQuery, api: doc },
    handler:
      body || query
        ? async (req, reply) => {
            if (body) req.body = parseBody(body, req.body) as BodyOf<B>;
            if (query) req.query = parseQueryString(query, req.query, queryError) as BodyOf<Q>;
            return handler(req, reply);
          }
        : handler,
  });
}
