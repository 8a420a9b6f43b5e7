// Behind a reverse proxy (TRUST_PROXY): the cookie is Secure when the proxy says https, and the per-IP limit
// and sign-in throttling key on the forwarded client address, not the proxy's.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { call } from './helpers.ts';

describe('TRUST_PROXY', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ config: { trustProxy: true, rateLimitIpPerSecond: 1 } });
    await s.ctx.accounts.setup({ email: 'p@example.com', password: 'proxy password' });
  });
  after(() => s.close());

  it('sets Secure on the session cookie when X-Forwarded-Proto is https', async () => {
    const r = await call(s.url, 'POST', '/api/auth/login', {
      body: { email: 'p@example.com', password: 'proxy password' },
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.1' },
    });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('set-cookie') ?? '', /; Secure/);
  });

  it('limits per forwarded client IP', async () => {
    const hit = (ip: string) => call(s.url, 'GET', '/api/health', { headers: { 'x-forwarded-for': ip } });
    const a = [];
    for (let i = 0; i < 4; i++) a.push((await hit('198.51.100.7')).status);
    assert.ok(a.includes(429), a.join());
    assert.equal((await hit('198.51.100.8')).status, 200, 'another client is not limited');
  });
});
