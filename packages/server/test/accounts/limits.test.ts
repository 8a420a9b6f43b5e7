// Abuse limits: sign-in throttling per email+IP after repeated bad passwords, per-IP and per-key rate limits
// (429 + Retry-After), and the security headers on every reply (errors and 404s included).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { call } from './helpers.ts';

describe('sign-in throttling', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ config: { loginMaxFailures: 3, loginLockoutSeconds: 60 } });
    await s.ctx.accounts.setup({ email: 'eve@example.com', password: 'the right password' });
  });
  after(() => s.close());

  it('locks an email+IP out after repeated bad passwords, even for the right password, with Retry-After', async () => {
    const bad = { email: 'eve@example.com', password: 'guess' };
    assert.equal((await call(s.url, 'POST', '/api/auth/login', { body: bad })).status, 401);
    assert.equal((await call(s.url, 'POST', '/api/auth/login', { body: bad })).status, 401);
    const third = await call(s.url, 'POST', '/api/auth/login', { body: bad });
    assert.equal(third.status, 429);
    assert.equal(third.body.error.code, 'too_many_attempts');
    const right = await call(s.url, 'POST', '/api/auth/login', {
      body: { email: 'EVE@example.com', password: 'the right password' },
    });
    assert.equal(right.status, 429, 'the right password does not bypass the lockout');
    const wait = Number(right.headers.get('retry-after'));
    assert.ok(wait > 0 && wait <= 60, `Retry-After ${wait}`);
    // Another email from the same IP is not locked (per email+IP, so a lockout cannot be used to lock all).
    const other = await call(s.url, 'POST', '/api/auth/login', {
      body: { email: 'x@example.com', password: 'y' },
    });
    assert.equal(other.status, 401);
    const failed = await s.ctx.activity.list('default');
    assert.ok(failed.some((e) => e.action === 'auth.login_failed'));
  });
});

describe('rate limits', () => {
  let s: TestServer;
  after(() => s?.close());

  it('per IP: 429 with Retry-After once the bucket is empty', async () => {
    s = await startTestServer({ config: { rateLimitIpPerSecond: 2 } });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 10; i++) {
      const r = await call(s.url, 'GET', '/api/health');
      statuses.push(r.status);
      if (r.status === 429) {
        retryAfter = r.headers.get('retry-after');
        assert.equal(r.body.error.code, 'rate_limited');
      }
    }
    assert.ok(
      statuses.slice(0, 4).every((x) => x === 200),
      statuses.join(),
    );
    assert.ok(statuses.includes(429), statuses.join());
    assert.ok(Number(retryAfter) >= 1);
    await new Promise((r) => setTimeout(r, 1100));
    assert.equal((await call(s.url, 'GET', '/api/health')).status, 200, 'tokens refill');
    await s.close();
  });

  it('per key: one busy key is limited while another key still gets through', async () => {
    s = await startTestServer({ config: { rateLimitKeyPerSecond: 1 } });
    const busy = await s.createKey('read');
    const calm = await s.createKey('read');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await call(s.url, 'GET', '/api/activity', { key: busy })).status);
    assert.deepEqual(statuses.slice(0, 2), [200, 200]);
    assert.ok(statuses.includes(429), statuses.join());
    assert.equal((await call(s.url, 'GET', '/api/activity', { key: calm })).status, 200);
  });
});

describe('security headers', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
  });
  after(() => s.close());

  it('are on successes, auth errors and 404s', async () => {
    for (const path of ['/api/health', '/api/keys', '/api/nope']) {
      const r = await call(s.url, 'GET', path);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(r.headers.get('x-frame-options'), 'DENY', path);
      assert.match(r.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, path);
      assert.equal(r.headers.get('referrer-policy'), 'same-origin', path);
    }
  });
});
