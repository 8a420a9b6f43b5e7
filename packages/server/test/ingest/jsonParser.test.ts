// Tests that the installed JSON body parser answers every body exactly as Fastify's default parser does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { installJsonParser } from '../../src/http/installJsonParser.ts';

async function echoApp(withOurParser: boolean): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: 1024 * 1024 });
  if (withOurParser) installJsonParser(app, 1024 * 1024);
  app.post('/echo', async (req) => ({ type: typeof req.body, body: req.body }));
  await app.ready();
  return app;
}

const BODIES = [
  '{"messages":[{"id":"m","conversation_id":"c","role":"user","content":"caf\u00e9 \u2014 \ud83d\ude00"}]}',
  '[1,2,3]',
  '"a string"',
  '42',
  'null',
  '{"__proto__":{"polluted":true}}',
  '{"a":{"__proto__":1}}',
  '{"\\u005f_proto__":{"x":1}}',
  '{"_\\u005Fproto\\u005f_" :1}',
  '{"constructor":{"prototype":{"x":1}}}',
  '{"a":{"constructor":{"prototype":1}}}',
  '{"\\u0063onstructor":{"prototype":{}}}',
  '{"constructor":1}',
  '{"metadata":{"constructor":"x"}}',
  '{"a":"\\"__proto__\\": 1"}',
  '{"a":"__proto__"}',
  '\ufeff{"a":1}',
  '',
  ' ',
  '{"a":',
  '{"a":1}}',
  "{'a':1}",
  '{"a":1}\n',
];

test('every body gets the same status and reply as with Fastify’s default parser', async () => {
  const ours = await echoApp(true);
  const reference = await echoApp(false);
  try {
    for (const payload of BODIES) {
      const request = {
        method: 'POST' as const,
        url: '/echo',
        headers: { 'content-type': 'application/json' },
        payload,
      };
      const [a, b] = await Promise.all([ours.inject(request), reference.inject(request)]);
      assert.equal(a.statusCode, b.statusCode, JSON.stringify(payload));
      assert.equal(a.body, b.body, JSON.stringify(payload));
    }
  } finally {
    await Promise.all([ours.close(), reference.close()]);
  }
});

test('the body limit still applies', async () => {
  const app = Fastify({ bodyLimit: 1024 * 1024 });
  installJsonParser(app, 100);
  app.post('/echo', async (req) => req.body);
  const r = await app.inject({
    method: 'POST',
    url: '/echo',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ a: 'x'.repeat(200) }),
  });
  assert.equal(r.statusCode, 413);
  await app.close();
});

test('a body nested 1,000,000 levels deep is parsed without recursion, with or without a suspect key', async () => {
  const app = Fastify({ bodyLimit: 10 * 1024 * 1024 });
  installJsonParser(app, 10 * 1024 * 1024);
  // Measured by a loop: echoing the body back would overflow JSON.stringify, which is the validators' job.
  app.post('/depth', async (req) => {
    let depth = 0;
    for (let v: unknown = (req.body as { a: unknown }).a; Array.isArray(v); v = v[0]) depth++;
    return { depth };
  });
  const levels = 1_000_000;
  const deep = `${'['.repeat(levels)}${']'.repeat(levels)}`;
  try {
    for (const payload of [`{"a":${deep}}`, `{"constructor":1,"a":${deep}}`]) {
      const r = await app.inject({
        method: 'POST',
        url: '/depth',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      assert.equal(r.statusCode, 200, r.body.slice(0, 200));
      assert.deepEqual(r.json(), { depth: levels });
    }
  } finally {
    await app.close();
  }
});
