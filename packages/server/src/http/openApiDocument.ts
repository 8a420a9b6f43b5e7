// Owns rendering the OpenAPI 3.1 document from the declared routes: paths from their URLs, parameters and
// bodies and replies from their zod schemas (z.toJSONSchema), security and permission from the one table.
import { ApiErrorBodySchema } from '@llm-analytics/core';
import { z } from 'zod';
import {
  type Permission,
  ROLE_PERMISSIONS,
  ROLES,
  SCOPE_PERMISSIONS,
  type WorkspacePermission,
} from '../accounts/permissions.ts';
import { SCOPES } from '../auth/ApiKeyService.ts';
import { SESSION_COOKIE } from '../auth/sessionCookie.ts';
import type { RouteDoc } from './apiRoute.ts';

export interface DocumentedRoute {
  method: string;
  url: string;
  permission: Permission;
  workspaceParam?: string;
  doc: RouteDoc;
}

type Json = Record<string, unknown>;

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No content',
  400: 'The request is invalid',
  401: 'No valid session or API key',
  403: 'The principal lacks the permission, the workspace, or the CSRF token',
  429: 'Rate limited: retry after the `Retry-After` seconds',
  503: 'The database does not answer',
};

/** Who holds a workspace permission, read off the permission table. */
function holders(permission: WorkspacePermission): string {
  const roles = ROLES.filter((r) => ROLE_PERMISSIONS[r].has(permission));
  const scopes = SCOPES.filter((s) => SCOPE_PERMISSIONS[s].has(permission));
  const list = (l: readonly string[]) => (l.length ? l.map((x) => `\`${x}\``).join(', ') : 'none');
  return `Permission \`${permission}\`: roles ${list(roles)}; API key scopes ${list(scopes)}.`;
}

function security(route: DocumentedRoute): { security: Json[]; note: string } {
  const session = MUTATING.has(route.method) ? { session: [], csrf: [] } : { session: [] };
  switch (route.permission) {
    case 'public':
      return { security: [], note: 'Public: no credentials.' };
    case 'user':
      return { security: [session], note: 'A signed-in user (session cookie); API keys are refused.' };
    case 'authenticated':
      return { security: [session, { bearer: [] }], note: 'Any signed-in user or API key.' };
    default: {
      const keyOnly = !ROLES.some((r) => ROLE_PERMISSIONS[r].has(route.permission as WorkspacePermission));
      const ways = keyOnly ? [{ bearer: [] }] : [session, { bearer: [] }];
      return { security: ways, note: holders(route.permission as WorkspacePermission) };
    }
  }
}

/**
 * Turns zod schemas into JSON Schema for the document: the `$defs` each conversion makes (named schemas,
 * recursive ones such as the filter tree) move to `components.schemas`, and their `$ref`s follow them.
 */
class SchemaComponents {
  readonly schemas: Record<string, Json> = {};
  private n = 0;

  convert(schema: z.ZodType, io: 'input' | 'output'): Json {
    const {
      $schema: _,
      $defs,
      ...json
    } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json & {
      $defs?: Record<string, Json>;
    };
    const names = new Map<string, string>();
    for (const [name, def] of Object.entries($defs ?? {})) names.set(name, this.place(name, def));
    const relink = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(relink);
      if (!v || typeof v !== 'object') return v;
      const out: Json = {};
      for (const [k, x] of Object.entries(v)) {
        out[k] =
          k === '$ref' && typeof x === 'string' && x.startsWith('#/$defs/')
            ? `#/components/schemas/${names.get(x.slice(8))}`
            : relink(x);
      }
      return out;
    };
    for (const [name, placed] of names) this.schemas[placed] = relink($defs?.[name]) as Json;
    return relink(json) as Json;
  }

  /** A named def keeps its name when the same name holds the same schema; generated names are made unique. */
  private place(name: string, def: Json): string {
    if (!name.startsWith('__schema')) {
      const held = this.schemas[name];
      if (!held || JSON.stringify(held) === JSON.stringify(def)) return name;
    }
    this.n += 1;
    return `Schema${this.n}`;
  }
}

function queryParameters(schema: z.ZodType, components: SchemaComponents): Json[] {
  const json = components.convert(schema, 'input') as {
    properties?: Record<string, Json>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: s,
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
  }));
}

/** The body in its second encoding: opaque bytes to JSON Schema; the description names the message. */
const binaryContent = (mediaType: string) => ({
  [mediaType]: { schema: { type: 'string', contentMediaType: mediaType } },
});

/**
 * A Server-Sent Events reply: the stream is text to JSON Schema; `x-events` gives each `event:` name's `data:`
 * JSON Schema (OpenAPI 3.1 has no item schema for streamed media types).
 */
function eventStreamContent(events: Readonly<Record<string, z.ZodType>>, components: SchemaComponents): Json {
  const schemas = Object.fromEntries(
    Object.entries(events).map(([name, schema]) => [name, components.convert(schema, 'output')]),
  );
  return { 'text/event-stream': { schema: { type: 'string' }, 'x-events': schemas } };
}

function operation(route: DocumentedRoute, components: SchemaComponents, errorRef: Json): Json {
  const { doc } = route;
  const pathParams = [...route.url.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const parameters = [...pathParams, ...(doc.query ? queryParameters(doc.query, components) : [])];
  const workspaceBound = !['public', 'user', 'authenticated'].includes(route.permission);
  if (workspaceBound && !route.workspaceParam) {
    parameters.push({
      name: 'x-workspace-id',
      in: 'header',
      required: false,
      description:
        'Signed-in users: the workspace to act on (default: the first). An API key acts on its own.',
      schema: { type: 'string' },
    });
  }
  const responses: Json = {};
  for (const [status, schema] of Object.entries(doc.replies)) {
    const description = STATUS_TEXT[Number(status)] ?? `Status ${status}`;
    responses[status] = schema
      ? {
          description,
          content: {
            'application/json': { schema: components.convert(schema, 'output') },
            ...(doc.binary && status === '200' ? binaryContent(doc.binary.mediaType) : {}),
          },
        }
      : doc.file && status === '200'
        ? { description, content: Object.assign({}, ...doc.file.mediaTypes.map(binaryContent)) }
        : doc.eventStream && status === '200'
          ? { description, content: eventStreamContent(doc.eventStream.events, components) }
          : { description };
  }
  const errors = [
    ...(doc.body || doc.query || pathParams.length ? [400] : []),
    ...(route.permission === 'public' ? [] : [401, 403]),
    429,
  ];
  for (const status of errors) {
    responses[status] ??= {
      description: STATUS_TEXT[status],
      content: { 'application/json': { schema: errorRef } },
    };
  }
  responses.default = { description: 'An error', content: { 'application/json': { schema: errorRef } } };
  const { security: sec, note } = security(route);
  return {
    operationId: `${route.method.toLowerCase()}${route.url.replace(/[:/{}-](\w)?/g, (_, c?: string) => (c ? c.toUpperCase() : ''))}`,
    summary: doc.summary,
    description: [doc.description, note].filter(Boolean).join('\n\n'),
    'x-permission': route.permission,
    security: sec,
    ...(parameters.length ? { parameters } : {}),
    ...(doc.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: components.convert(doc.body, 'input') },
              ...(doc.binary ? binaryContent(doc.binary.mediaType) : {}),
            },
          },
        }
      : {}),
    responses,
  };
}

export type OpenApiDocument = {
  openapi: '3.1.0';
  info: Json;
  paths: Record<string, Json>;
  components: Json;
};

export function openApiDocument(routes: readonly DocumentedRoute[], version: string): OpenApiDocument {
  const components = new SchemaComponents();
  components.schemas.ApiError = components.convert(ApiErrorBodySchema, 'output');
  const errorRef = { $ref: '#/components/schemas/ApiError' };
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    if (route.doc.hidden) continue;
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation(route, components, errorRef);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'LLM Analytics API',
      version,
      description:
        'Every error is `{"error": {"code", "message", "issues"?}}`. Browsers sign in with a session cookie and ' +
        "send `X-CSRF-Token` (the session's `csrf_token`) on mutations; programs send an API key as a Bearer token.",
    },
    paths,
    components: {
      schemas: components.schemas,
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'Set by login and setup.',
        },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: 'X-CSRF-Token',
          description: "The session's csrf_token.",
        },
        bearer: { type: 'http', scheme: 'bearer', description: 'An API key (`lla_…`) of one workspace.' },
      },
    },
  };
}
