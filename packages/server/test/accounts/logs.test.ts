// Log scan: with logging at trace level, a full account journey (setup, failed and good sign-ins, key creation
// and use, password change, CSRF refusal, logout) leaves no password, session token, CSRF token or API key
// secret anywhere in the server's logs.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { call, login } from './helpers.ts';

describe('secrets never reach the logs', () => {
  let s: TestServer;
  const lines: string[] = [];
  before(async () => {
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    s = await startTestServer({ logStream: stream, config: { logLevel: 'trace' } });
  });
  after(() => s.close());

  it('scans every log line after a full journey', async () => {
    const secrets: string[] = [];
    const pw1 = 'Setup-Password-0001';
    const pw2 = 'Changed-Password-0002';
    const wrong = 'Wrong-Password-0003';
    secrets.push(pw1, pw2, wrong);
    const setup = await call(s.url, 'POST', '/api/auth/setup', {
      body: { email: 'log@example.com', password: pw1 },
    });
    assert.equal(setup.status, 201);
    const firstToken = (setup.headers.get('set-cookie') ?? '').split(';')[0].split('=')[1];
    secrets.push(firstToken, setup.body.csrf_token);
    assert.equal(
      (await call(s.url, 'POST', '/api/auth/login', { body: { email: 'log@example.com', password: wrong } }))
        .status,
      401,
    );
    const session = await login(s, 'log@example.com', pw1);
    secrets.push(session.cookie.split('=')[1], session.csrf);
    const key = await call(s.url, 'POST', '/api/keys', {
      session,
      body: { scope: 'admin', name: 'log test' },
    });
    assert.equal(key.status, 201);
    secrets.push(key.body.key);
    await call(s.url, 'GET', '/api/keys', { key: key.body.key });
    await call(s.url, 'GET', '/api/nowhere', { key: key.body.key, session });
    await call(s.url, 'POST', '/api/workspaces', { session, csrf: false, body: { name: 'no csrf' } });
    await call(s.url, 'POST', '/api/auth/login', {
      body: { email: 'log@example.com', password: 'x'.repeat(2000) },
    });
    const changed = await call(s.url, 'POST', '/api/auth/password', {
      session,
      body: { current_password: pw1, new_password: pw2 },
    });
    assert.equal(changed.status, 204);
    await call(s.url, 'POST', '/api/auth/logout', { session });
    const all = lines.join('');
    assert.ok(all.includes('incoming request') && lines.length > 20, 'logs were captured');
    for (const secret of secrets) {
      assert.ok(secret.length >= 16, `secret too short to scan: ${secret}`);
      assert.ok(!all.includes(secret), `a secret appears in the logs: ${secret.slice(0, 6)}…`);
    }
    // Hashes of secrets are no better: the key's stored hash must not be logged either.
    const [row] = await s.ctx.store.query<{ hash: string }>('SELECT hash FROM api_keys WHERE id = $1', [
      key.body.id,
    ]);
    assert.ok(!all.includes(row.hash));
  });
});
