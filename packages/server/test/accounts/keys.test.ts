// API keys with accounts: scopes (an ingest key cannot read), revocation refused at once, cookie admins manage
// keys (creator and last use shown, last use flushed in batches), viewers and members do not.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { call, type SessionClient, userWithRole } from './helpers.ts';

const msg = (id: string) => ({ messages: [{ id, conversation_id: 'c', role: 'user' }] });

for (const engine of ENGINES) {
  describe(`API keys and scopes (${engine})`, () => {
    let s: TestServer;
    let admin: SessionClient;
    let member: SessionClient;
    before(async () => {
      s = await startTestServer({ engine });
      admin = await userWithRole(s, 'admin@example.com', 'admin');
      member = await userWithRole(s, 'member@example.com', 'member');
    });
    after(() => s.close());

    it('an ingest key can write but cannot read anything', async () => {
      const ingest = await s.createKey('ingest');
      assert.equal((await call(s.url, 'POST', '/api/ingest', { key: ingest, body: msg('m1') })).status, 200);
      for (const path of ['/api/activity', '/api/keys', '/api/settings', '/api/workspaces/default/members']) {
        const r = await call(s.url, 'GET', path, { key: ingest });
        assert.equal(r.status, 403, path);
        assert.equal(r.body.error.code, 'forbidden');
      }
    });

    it('a read key reads but cannot ingest, manage keys or members', async () => {
      const read = await s.createKey('read');
      assert.equal((await call(s.url, 'GET', '/api/activity', { key: read })).status, 200);
      assert.equal((await call(s.url, 'POST', '/api/ingest', { key: read, body: msg('m2') })).status, 403);
      assert.equal(
        (await call(s.url, 'POST', '/api/keys', { key: read, body: { scope: 'admin' } })).status,
        403,
      );
      const add = await call(s.url, 'POST', '/api/workspaces/default/members', {
        key: read,
        body: { email: 'admin@example.com', role: 'viewer' },
      });
      assert.equal(add.status, 403);
    });

    it('cookie admins create, list and revoke keys; creator and last use are shown', async () => {
      const created = await call(s.url, 'POST', '/api/keys', {
        session: admin,
        body: { scope: 'ingest', name: 'app' },
      });
      assert.equal(created.status, 201);
      assert.match(created.body.key, /^lla_/);
      assert.equal(created.body.created_by, 'admin@example.com');
      assert.equal(
        (await call(s.url, 'POST', '/api/ingest', { key: created.body.key, body: msg('m3') })).status,
        200,
      );
      const list = await call(s.url, 'GET', '/api/keys', { session: admin });
      const row = list.body.keys.find((k: { id: string }) => k.id === created.body.id);
      assert.equal(row.prefix, created.body.key.slice(0, 12));
      assert.equal(row.scope, 'ingest');
      assert.ok(row.last_used_at, 'last use is visible before it is flushed');
      assert.equal(row.key, undefined, 'the secret is never listed');
      assert.ok(!list.text.includes(created.body.key));
      // Flushed in one pass, not per request: the column is written by flushUsage.
      await s.ctx.keys.flushUsage();
      const [stored] = await s.ctx.store.query<{ last_used_at: string | null }>(
        'SELECT last_used_at FROM api_keys WHERE id = $1',
        [created.body.id],
      );
      assert.ok(stored.last_used_at);
      assert.ok(Math.abs(Date.parse(stored.last_used_at) - Date.now()) < 60_000, stored.last_used_at);

      const del = await call(s.url, 'DELETE', `/api/keys/${created.body.id}`, { session: admin });
      assert.equal(del.status, 200);
      const refused = await call(s.url, 'POST', '/api/ingest', { key: created.body.key, body: msg('m4') });
      assert.equal(refused.status, 401, 'revoked keys are refused at once');
      const actions = (await call(s.url, 'GET', '/api/activity', { session: admin })).body.events.map(
        (e: { action: string }) => e.action,
      );
      assert.ok(actions.includes('key.create') && actions.includes('key.revoke'), actions.join());
    });

    it('members and viewers cannot see or make keys', async () => {
      assert.equal((await call(s.url, 'GET', '/api/keys', { session: member })).status, 403);
      assert.equal(
        (await call(s.url, 'POST', '/api/keys', { session: member, body: { scope: 'read' } })).status,
        403,
      );
    });

    it('an API key is bound to its workspace: X-Workspace-Id naming another one is refused', async () => {
      const key = await s.createKey('admin');
      await s.ctx.workspaces.create('other', 'Other');
      const r = await call(s.url, 'GET', '/api/keys', { key, headers: { 'x-workspace-id': 'other' } });
      assert.equal(r.status, 403);
      assert.equal(r.body.error.code, 'forbidden_workspace');
    });
  });
}
