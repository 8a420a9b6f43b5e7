// GET /api/openapi.json against the app's own route table: every registered route (the auth hook's onRoute
// list) is in the document with its method, permission and security, nothing else is, and every $ref resolves.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createContext } from '../../src/AppContext.ts';
import { registeredRoutes } from '../../src/auth/authHook.ts';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/http/buildApp.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

/** Routes that are not API: the dashboard's files and page (a wildcard OpenAPI cannot name). */
const NOT_API = ['GET /*'];

const key = (method: string, url: string) => `${method.toUpperCase()} ${url}`;

/** The routes the app registered (HEAD twins of GETs are Fastify's own) and the operations the document has. */
function compare(app: FastifyInstance, doc: Doc) {
  const registered = new Set(
    registeredRoutes(app)
      .filter((r) => r.method !== 'HEAD')
      .map((r) => key(r.method, r.url.replace(/:(\w+)/g, '{$1}')))
      .filter((k) => !NOT_API.includes(k)),
  );
  const documented = new Set(
    Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => key(m, path))),
  );
  return {
    undocumented: [...registered].filter((k) => !documented.has(k)).sort(),
    unregistered: [...documented].filter((k) => !registered.has(k)).sort(),
  };
}

async function fetchDoc(url: string): Promise<Doc> {
  const res = await fetch(`${url}/api/openapi.json`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  return (await res.json()) as Doc;
}

describe('OpenAPI document', () => {
  let s: TestServer;
  let doc: Doc;
  before(async () => {
    s = await startTestServer();
    doc = await fetchDoc(s.url);
  });
  after(() => s.close());

  it('describes every registered route, and only those', () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(registeredRoutes(s.app).length > 20, 'the app registers its routes');
    assert.deepEqual(compare(s.app, doc), { undocumented: [], unregistered: [] });
  });

  it('states each route’s permission and how to authenticate for it', () => {
    for (const r of registeredRoutes(s.app)) {
      const k = key(r.method, r.url);
      if (r.method === 'HEAD' || NOT_API.includes(k)) continue;
      const op = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')][r.method.toLowerCase()];
      assert.equal(op['x-permission'], r.permission, k);
      const security = op.security as Record<string, string[]>[];
      if (r.permission === 'public') assert.deepEqual(security, [], k);
      else if (r.permission === 'ingest') assert.deepEqual(security, [{ bearer: [] }], k);
      else if (r.permission === 'user') {
        const session = ['GET'].includes(r.method) ? { session: [] } : { session: [], csrf: [] };
        assert.deepEqual(security, [session], k);
      } else {
        const session = ['GET'].includes(r.method) ? { session: [] } : { session: [], csrf: [] };
        assert.deepEqual(security, [session, { bearer: [] }], k);
      }
    }
    assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), ['bearer', 'csrf', 'session']);
  });

  it('gives bodies, parameters and replies from the route schemas', () => {
    const createKey = doc.paths['/api/keys'].post as {
      requestBody: { content: { 'application/json': { schema: { properties: Record<string, unknown> } } } };
      responses: Record<string, { content?: { 'application/json': { schema: { required?: string[] } } } }>;
    };
    assert.deepEqual(
      Object.keys(createKey.requestBody.content['application/json'].schema.properties).sort(),
      ['name', 'scope'],
    );
    const created = createKey.responses['201'].content?.['application/json'].schema;
    assert.ok(created?.required?.includes('key'), 'the created key carries its secret');
    const remove = doc.paths['/api/workspaces/{id}/members/{userId}'].delete as {
      parameters: { name: string; in: string }[];
      responses: Record<string, { content?: unknown }>;
    };
    assert.deepEqual(
      remove.parameters.map((p) => `${p.in}:${p.name}`),
      ['path:id', 'path:userId'],
    );
    assert.equal(remove.responses['204'].content, undefined);
    const activity = doc.paths['/api/activity'].get as { parameters: { name: string; in: string }[] };
    assert.deepEqual(
      activity.parameters.filter((p) => p.in === 'query').map((p) => p.name),
      ['limit', 'before'],
    );
    const query = doc.paths['/api/analytics/query'].post as { responses: Record<string, unknown> };
    assert.ok(JSON.stringify(query.responses['200']).includes('#/components/schemas/AnalyticsReply'));
    assert.ok(
      JSON.stringify(doc.components.schemas.AnalyticsReply).includes('unpriced_messages'),
      'typed meta',
    );
  });

  it('every $ref points at a component the document holds', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]);
    assert.ok(refs.length > 0);
    for (const ref of new Set(refs)) {
      const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
      assert.ok(m && doc.components.schemas[m[1]], `unresolved ${ref}`);
    }
  });
});

describe('OpenAPI coverage check', () => {
  it('fails for a route registered without its contract', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lla-openapi-'));
    const ctx = await createContext(loadConfig({ DATA_DIR: dir }, { port: 0 }));
    const app = await buildApp(ctx, { logger: false });
    app.get('/api/undeclared', { config: { permission: 'read' } }, async () => ({ ok: true }));
    await app.ready();
    try {
      const r = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      assert.deepEqual(compare(app, r.json() as Doc), {
        undocumented: ['GET /api/undeclared'],
        unregistered: [],
      });
    } finally {
      await app.close();
      await ctx.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
