// Sessions: first-run setup, login cookie attributes, logout invalidation, idle and absolute expiry,
// CSRF refusal on cookie mutations, password change ending other sessions. DuckDB and PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { call, login, type SessionClient } from './helpers.ts';

const OWNER = { email: 'Owner@Example.com', password: 'first owner password', name: 'Olivia' };

for (const engine of ENGINES) {
  describe(`sessions (${engine})`, () => {
    let s: TestServer;
    let owner: SessionClient;
    before(async () => {
      s = await startTestServer({ engine });
    });
    after(() => s.close());

    it('setup is needed once, makes the owner of the default workspace and signs them in', async () => {
      assert.deepEqual((await call(s.url, 'GET', '/api/auth/setup')).body, { needed: true });
      const weak = await call(s.url, 'POST', '/api/auth/setup', { body: { ...OWNER, password: 'short' } });
      assert.equal(weak.status, 400);
      const r = await call(s.url, 'POST', '/api/auth/setup', { body: OWNER });
      assert.equal(r.status, 201);
      assert.equal(r.body.user.email, 'owner@example.com');
      assert.equal(r.body.user.name, 'Olivia');
      assert.deepEqual(r.body.workspaces, [{ id: 'default', name: 'Default workspace', role: 'owner' }]);
      assert.match(r.body.csrf_token, /^[\w-]{40,}$/);
      const cookie = r.headers.get('set-cookie') ?? '';
      assert.match(cookie, /^lla_session=[\w-]{40,}; HttpOnly; SameSite=Lax; Path=\//);
      assert.doesNotMatch(cookie, /Secure/, 'plain http: no Secure attribute');
      assert.deepEqual((await call(s.url, 'GET', '/api/auth/setup')).body, { needed: false });
      const again = await call(s.url, 'POST', '/api/auth/setup', {
        body: { ...OWNER, email: 'x@example.com' },
      });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'setup_done');
      const session = await call(s.url, 'GET', '/api/auth/session', {
        headers: { cookie: cookie.split(';')[0] },
      });
      assert.equal(session.status, 200);
      assert.equal(session.body.user.email, 'owner@example.com');
    });

    it('login: 401 invalid_credentials for a wrong password or unknown email, 200 + cookie otherwise', async () => {
      for (const body of [
        { email: OWNER.email, password: 'wrong password' },
        { email: 'nobody@example.com', password: OWNER.password },
      ]) {
        const r = await call(s.url, 'POST', '/api/auth/login', { body });
        assert.equal(r.status, 401);
        assert.equal(r.body.error.code, 'invalid_credentials');
        assert.equal(r.headers.get('set-cookie'), null);
      }
      owner = await login(s, 'owner@example.com', OWNER.password);
      assert.match(owner.setCookie, /HttpOnly; SameSite=Lax; Path=\//);
      const r = await call(s.url, 'GET', '/api/auth/session', { session: owner });
      assert.deepEqual(Object.keys(r.body).sort(), ['csrf_token', 'user', 'workspaces']);
      assert.equal(r.body.csrf_token, owner.csrf);
    });

    it('401 unauthenticated without a session or with a made-up cookie', async () => {
      const cookies: Record<string, string>[] = [{}, { cookie: `lla_session=${'A'.repeat(43)}` }];
      for (const headers of cookies) {
        const r = await call(s.url, 'GET', '/api/auth/session', { headers });
        assert.equal(r.status, 401);
        assert.equal(r.body.error.code, 'unauthenticated');
      }
    });

    it('cookie mutations need X-CSRF-Token equal to the session token (403 csrf_failed)', async () => {
      for (const csrf of [false, 'wrong-token'] as const) {
        const r = await call(s.url, 'POST', '/api/workspaces', { session: owner, csrf, body: { name: 'x' } });
        assert.equal(r.status, 403);
        assert.equal(r.body.error.code, 'csrf_failed');
      }
      const other = await login(s, 'owner@example.com', OWNER.password);
      const crossed = await call(s.url, 'POST', '/api/keys', {
        session: owner,
        csrf: other.csrf, // a token of another session of the same user does not do either
        body: { scope: 'read' },
      });
      assert.equal(crossed.status, 403);
      const ok = await call(s.url, 'POST', '/api/workspaces', { session: owner, body: { name: 'Team X' } });
      assert.equal(ok.status, 201);
      assert.equal(ok.body.role, 'owner');
      // Reads need no CSRF token.
      assert.equal(
        (await call(s.url, 'GET', '/api/workspaces', { session: owner, csrf: false })).status,
        200,
      );
    });

    it('logout invalidates the session server-side at once (the old cookie is refused)', async () => {
      const a = await login(s, 'owner@example.com', OWNER.password);
      assert.equal((await call(s.url, 'POST', '/api/auth/logout', { session: a, csrf: false })).status, 403);
      const out = await call(s.url, 'POST', '/api/auth/logout', { session: a });
      assert.equal(out.status, 204);
      assert.match(out.headers.get('set-cookie') ?? '', /lla_session=;.*Max-Age=0/);
      const r = await call(s.url, 'GET', '/api/auth/session', { session: a });
      assert.equal(r.status, 401);
      assert.equal((await call(s.url, 'POST', '/api/auth/logout', { session: a })).status, 204);
    });

    it('a session idle longer than the idle timeout, or past its absolute expiry, is refused', async () => {
      const idle = await login(s, 'owner@example.com', OWNER.password);
      const old = await login(s, 'owner@example.com', OWNER.password);
      const hour = 3600_000;
      await s.ctx.store.query(
        `UPDATE sessions SET last_seen_ms = last_seen_ms - ${13 * hour} WHERE csrf_token = $1`,
        [idle.csrf],
      );
      await s.ctx.store.query(
        `UPDATE sessions SET expires_ms = ${Date.now() - 1000}, last_seen_ms = ${Date.now()} WHERE csrf_token = $1`,
        [old.csrf],
      );
      for (const session of [idle, old]) {
        const r = await call(s.url, 'GET', '/api/auth/session', { session });
        assert.equal(r.status, 401);
        assert.match(r.headers.get('set-cookie') ?? '', /Max-Age=0/, 'the dead cookie is cleared');
      }
      const [n] = await s.ctx.store.query<{ n: number }>(
        'SELECT count(*) AS n FROM sessions WHERE csrf_token IN ($1, $2)',
        [idle.csrf, old.csrf],
      );
      assert.equal(Number(n.n), 0, 'expired sessions are deleted');
      assert.equal((await call(s.url, 'GET', '/api/auth/session', { session: owner })).status, 200);
    });

    it('password change: needs the current password, ends the other sessions, keeps this one', async () => {
      const other = await login(s, 'owner@example.com', OWNER.password);
      const wrong = await call(s.url, 'POST', '/api/auth/password', {
        session: owner,
        body: { current_password: 'nope nope', new_password: 'a brand new password' },
      });
      assert.equal(wrong.status, 403);
      const ok = await call(s.url, 'POST', '/api/auth/password', {
        session: owner,
        body: { current_password: OWNER.password, new_password: 'a brand new password' },
      });
      assert.equal(ok.status, 204);
      assert.equal((await call(s.url, 'GET', '/api/auth/session', { session: owner })).status, 200);
      assert.equal((await call(s.url, 'GET', '/api/auth/session', { session: other })).status, 401);
      const old = await call(s.url, 'POST', '/api/auth/login', {
        body: { email: OWNER.email, password: OWNER.password },
      });
      assert.equal(old.status, 401);
      await login(s, OWNER.email, 'a brand new password');
    });

    it('stores only a hash of the session token and hashes passwords with scrypt', async () => {
      const rows = await s.ctx.store.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
      const token = owner.cookie.split('=')[1];
      assert.ok(rows.length > 0);
      assert.ok(rows.every((r) => r.token_hash !== token && /^[0-9a-f]{64}$/.test(r.token_hash)));
      const [u] = await s.ctx.store.query<{ password_hash: string }>('SELECT password_hash FROM users');
      assert.match(u.password_hash, /^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    });
  });
}
