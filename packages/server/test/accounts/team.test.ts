// Workspaces and members: create (caller owns), list, add existing/new users, role changes within the rules
// (only owners touch owners, the last owner stays), removal, owner-only deletion, and the activity log.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { call, login, type SessionClient, userWithRole } from './helpers.ts';

for (const engine of ENGINES) {
  describe(`workspaces and members (${engine})`, () => {
    let s: TestServer;
    let owner: SessionClient;
    let ws: string;
    before(async () => {
      s = await startTestServer({ engine });
      owner = await userWithRole(s, 'owner@example.com', 'owner');
    });
    after(() => s.close());

    it('POST /api/workspaces makes the caller owner; GET lists the caller’s workspaces with roles', async () => {
      const r = await call(s.url, 'POST', '/api/workspaces', { session: owner, body: { name: 'Research' } });
      assert.equal(r.status, 201);
      ws = r.body.id;
      assert.deepEqual(r.body, { id: ws, name: 'Research', role: 'owner' });
      const list = await call(s.url, 'GET', '/api/workspaces', { session: owner });
      assert.deepEqual(
        list.body.workspaces.map((w: { name: string; role: string }) => `${w.name}:${w.role}`),
        ['Default workspace:owner', 'Research:owner'],
      );
      const key = await s.createKey('read');
      const byKey = await call(s.url, 'GET', '/api/workspaces', { key });
      assert.deepEqual(byKey.body.workspaces, [
        { id: 'default', name: 'Default workspace', role: null, scope: 'read' },
      ]);
      assert.equal((await call(s.url, 'POST', '/api/workspaces', { key, body: { name: 'k' } })).status, 403);
    });

    it('adds an existing user, or creates one when a password is given (else 404 user_not_found)', async () => {
      await s.ctx.users.create({ email: 'ann@example.com', password: 'ann password 1' });
      const path = `/api/workspaces/${ws}/members`;
      const existing = await call(s.url, 'POST', path, {
        session: owner,
        body: { email: 'ANN@example.com', role: 'admin' },
      });
      assert.equal(existing.status, 201);
      assert.equal(existing.body.role, 'admin');
      const missing = await call(s.url, 'POST', path, {
        session: owner,
        body: { email: 'bob@example.com', role: 'viewer' },
      });
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, 'user_not_found');
      const created = await call(s.url, 'POST', path, {
        session: owner,
        body: { email: 'bob@example.com', role: 'viewer', password: 'bob password 1' },
      });
      assert.equal(created.status, 201);
      const again = await call(s.url, 'POST', path, {
        session: owner,
        body: { email: 'bob@example.com', role: 'member' },
      });
      assert.equal(again.status, 409);
      const bob = await login(s, 'bob@example.com', 'bob password 1');
      const members = await call(s.url, 'GET', path, { session: bob });
      assert.deepEqual(
        members.body.members.map((m: { email: string; role: string }) => `${m.email}:${m.role}`).sort(),
        ['ann@example.com:admin', 'bob@example.com:viewer', 'owner@example.com:owner'],
      );
      // A viewer may look but not change.
      const sneaky = await call(s.url, 'PATCH', `${path}/${bob.userId}`, {
        session: bob,
        body: { role: 'owner' },
      });
      assert.equal(sneaky.status, 403);
    });

    it('admins manage up to admin; only owners touch owners; the last owner cannot leave', async () => {
      const ann = await login(s, 'ann@example.com', 'ann password 1');
      const path = `/api/workspaces/${ws}/members`;
      const members = (await call(s.url, 'GET', path, { session: ann })).body.members as {
        user_id: string;
        email: string;
      }[];
      const id = (email: string) => members.find((m) => m.email === email)!.user_id;
      const promote = await call(s.url, 'PATCH', `${path}/${id('bob@example.com')}`, {
        session: ann,
        body: { role: 'member' },
      });
      assert.equal(promote.status, 200);
      assert.equal(promote.body.role, 'member');
      const toOwner = await call(s.url, 'PATCH', `${path}/${id('bob@example.com')}`, {
        session: ann,
        body: { role: 'owner' },
      });
      assert.equal(toOwner.status, 403);
      const demoteOwner = await call(s.url, 'PATCH', `${path}/${id('owner@example.com')}`, {
        session: ann,
        body: { role: 'viewer' },
      });
      assert.equal(demoteOwner.status, 403);
      const lastOwner = await call(s.url, 'DELETE', `${path}/${owner.userId}`, { session: owner });
      assert.equal(lastOwner.status, 409);
      assert.equal(lastOwner.body.error.code, 'last_owner');
      const unknown = await call(s.url, 'DELETE', `${path}/no-such-user`, { session: owner });
      assert.equal(unknown.status, 404);
      const removed = await call(s.url, 'DELETE', `${path}/${id('bob@example.com')}`, { session: ann });
      assert.equal(removed.status, 204);
      const bob = await login(s, 'bob@example.com', 'bob password 1');
      const gone = await call(s.url, 'GET', path, { session: bob });
      assert.equal(gone.status, 403, 'a removed member loses access at once');
    });

    it('an admin API key manages members of its own workspace, never owners', async () => {
      const key = await s.createKey('admin');
      const r = await call(s.url, 'POST', '/api/workspaces/default/members', {
        key,
        body: { email: 'ann@example.com', role: 'member' },
      });
      assert.equal(r.status, 201);
      const owner2 = await call(s.url, 'POST', '/api/workspaces/default/members', {
        key,
        body: { email: 'bob@example.com', role: 'owner' },
      });
      assert.equal(owner2.status, 403);
      assert.equal((await call(s.url, 'DELETE', '/api/workspaces/default', { key })).status, 403);
    });

    it('the activity log lists member and workspace events newest first, paged by `before`', async () => {
      const r = await call(s.url, 'GET', '/api/activity?limit=3', {
        session: owner,
        headers: { 'x-workspace-id': ws },
      });
      assert.equal(r.status, 200);
      assert.equal(r.body.events.length, 3);
      const e = r.body.events[0];
      assert.deepEqual(Object.keys(e).sort(), ['action', 'actor', 'at', 'details', 'id', 'target']);
      assert.equal(e.action, 'member.remove');
      assert.equal(e.actor, 'ann@example.com');
      assert.equal(e.target, 'bob@example.com');
      const older = await call(
        s.url,
        'GET',
        `/api/activity?limit=50&before=${encodeURIComponent(r.body.events[2].at)}`,
        {
          session: owner,
          headers: { 'x-workspace-id': ws },
        },
      );
      assert.ok(older.body.events.every((x: { at: string }) => x.at < r.body.events[2].at));
      assert.ok(older.body.events.some((x: { action: string }) => x.action === 'workspace.create'));
      assert.equal((await call(s.url, 'GET', '/api/activity?limit=0', { session: owner })).status, 400);
      // The lead's services call this API directly.
      await s.ctx.activity.record(ws, 'someone', 'settings.update', 'settings', { sla_threshold_ms: 900 });
      const latest = await call(s.url, 'GET', '/api/activity?limit=1', {
        session: owner,
        headers: { 'x-workspace-id': ws },
      });
      assert.deepEqual(latest.body.events[0].details, { sla_threshold_ms: 900 });
    });

    it('only an owner deletes a workspace; its keys, members and rows go with it', async () => {
      const ann = await login(s, 'ann@example.com', 'ann password 1');
      assert.equal((await call(s.url, 'DELETE', `/api/workspaces/${ws}`, { session: ann })).status, 403);
      const key = await s.ctx.keys.create(ws, 'ingest');
      assert.equal(
        (
          await call(s.url, 'POST', '/api/ingest', {
            key: key.key,
            body: { messages: [{ id: 'x', conversation_id: 'c', role: 'user' }] },
          })
        ).status,
        200,
      );
      const del = await call(s.url, 'DELETE', `/api/workspaces/${ws}`, { session: owner });
      assert.equal(del.status, 204);
      assert.equal(await s.count('messages', ws), 0);
      assert.equal((await s.ctx.memberships.members(ws)).length, 0);
      assert.equal(
        (await call(s.url, 'POST', '/api/ingest', { key: key.key, body: { messages: [] } })).status,
        401,
      );
      const list = await call(s.url, 'GET', '/api/workspaces', { session: owner });
      assert.deepEqual(
        list.body.workspaces.map((w: { id: string }) => w.id),
        ['default'],
      );
      const def = await call(s.url, 'DELETE', '/api/workspaces/default', { session: owner });
      assert.equal(def.status, 409);
    });
  });
}
