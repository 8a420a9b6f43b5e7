// The test-time reply check: a reply that breaks its route's declared schema, answers an undeclared status, or
// sends an error that is no ApiErrorBody is caught (replyProblem) and becomes a loud 500 (installReplyCheck).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MemberSchema } from '@llm-analytics/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type AppContext, createContext } from '../../src/AppContext.ts';
import { loadConfig } from '../../src/config.ts';
import { ApiError } from '../../src/http/ApiError.ts';
import { apiRoute, type RouteDoc } from '../../src/http/apiRoute.ts';
import { buildApp } from '../../src/http/buildApp.ts';
import { replyProblem } from '../../src/http/replyProblem.ts';

const member = { user_id: 'u1', email: 'a@example.com', name: null, role: 'admin', created_at: '2025-01-01' };
const doc: RouteDoc = { summary: 'x', replies: { 200: MemberSchema, 204: null } };

describe('replyProblem', () => {
  it('accepts a reply that matches its status schema', () => {
    assert.equal(replyProblem(doc, 200, member), undefined);
    assert.equal(replyProblem(doc, 204, undefined), undefined);
    assert.equal(replyProblem(doc, 404, { error: { code: 'not_found', message: 'no' } }), undefined);
  });

  it('names what breaks the schema', () => {
    assert.match(replyProblem(doc, 200, { ...member, role: 'root' }) ?? '', /role/);
    assert.match(replyProblem(doc, 200, { ...member, extra: 1 }) ?? '', /extra/);
    const { email: _, ...noEmail } = member;
    assert.match(replyProblem(doc, 200, noEmail) ?? '', /email/);
  });

  it('refuses undeclared statuses, bodies on 204 and errors outside the envelope', () => {
    assert.match(replyProblem(doc, 201, member) ?? '', /status 201 is not among/);
    assert.match(replyProblem(doc, 204, member) ?? '', /declares no body/);
    assert.match(replyProblem(doc, 400, { message: 'bad' }) ?? '', /not an ApiErrorBody/);
    assert.match(replyProblem(undefined, 200, {}) ?? '', /not among/);
  });
});

describe('installReplyCheck (buildApp checkReplies)', () => {
  let ctx: AppContext;
  let app: FastifyInstance;
  const dir = mkdtempSync(join(tmpdir(), 'lla-replycheck-'));
  const Reply = z.strictObject({ n: z.number() });

  before(async () => {
    ctx = await createContext(loadConfig({ DATA_DIR: dir }, { port: 0 }));
    app = await buildApp(ctx, { logger: false, checkReplies: true });
    const probe = (url: string, handler: () => Promise<{ n: number }>) =>
      apiRoute(app, {
        method: 'GET',
        url,
        permission: 'public',
        summary: url,
        replies: { 200: Reply },
        handler,
      });
    probe('/__good', async () => ({ n: 1 }));
    probe('/__wrong', async () => ({ n: 'one' }) as never);
    probe('/__error', async () => {
      throw new ApiError(409, 'conflict', 'taken');
    });
    app.get(
      '/__bad_error',
      { config: { permission: 'public', api: { summary: 'x', replies: {} } } },
      (_r, reply) => {
        reply.status(400).send({ message: 'not the envelope' });
      },
    );
    await app.ready();
  });
  after(async () => {
    await app.close();
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets a reply that keeps the contract through unchanged', async () => {
    const r = await app.inject({ method: 'GET', url: '/__good' });
    assert.equal(r.statusCode, 200);
    assert.deepEqual(r.json(), { n: 1 });
    const e = await app.inject({ method: 'GET', url: '/__error' });
    assert.equal(e.statusCode, 409);
    assert.deepEqual(e.json(), { error: { code: 'conflict', message: 'taken' } });
  });

  it('turns a reply that breaks its schema into a 500 naming the field', async (t) => {
    t.mock.method(console, 'error', () => {});
    const r = await app.inject({ method: 'GET', url: '/__wrong' });
    assert.equal(r.statusCode, 500);
    assert.equal(r.json().error.code, 'reply_contract_violated');
    assert.match(r.json().error.message, /GET \/__wrong: the 200 body does not match its schema: n:/);
  });

  it('catches an error body outside the envelope', async (t) => {
    t.mock.method(console, 'error', () => {});
    const r = await app.inject({ method: 'GET', url: '/__bad_error' });
    assert.equal(r.statusCode, 500);
    assert.match(r.json().error.message, /not an ApiErrorBody/);
  });

  it('is off unless asked for', async () => {
    const plain = await buildApp(ctx, { logger: false });
    apiRoute(plain, {
      method: 'GET',
      url: '/__wrong',
      permission: 'public',
      summary: 'x',
      replies: { 200: Reply },
      handler: async () => ({ n: 'one' }) as never,
    });
    const r = await plain.inject({ method: 'GET', url: '/__wrong' });
    assert.equal(r.statusCode, 200);
    await plain.close();
  });
});
