// The role × action matrix: every route permission, for every role and every API key scope, allowed or
// refused exactly as the table in the README says. Probe routes are added to a real app for each permission.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type AppContext, createContext } from '../../src/AppContext.ts';
import { ROLES, ROUTE_PERMISSIONS, type Role } from '../../src/accounts/permissions.ts';
import { SCOPES, type Scope } from '../../src/auth/ApiKeyService.ts';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/http/buildApp.ts';

// The spec, written out by hand (not derived from the code under test). ✓ = allowed.
const MATRIX: Record<string, Record<Role | `key:${Scope}` | 'anonymous', boolean>> = {
  //                    viewer member admin  owner  key:read key:ingest key:admin anonymous
  public: row(1, 1, 1, 1, 1, 1, 1, 1),
  authenticated: row(1, 1, 1, 1, 1, 1, 1, 0),
  user: row(1, 1, 1, 1, 0, 0, 0, 0),
  read: row(1, 1, 1, 1, 1, 0, 1, 0),
  ingest: row(0, 0, 0, 0, 0, 1, 1, 0),
  export: row(0, 1, 1, 1, 0, 0, 1, 0),
  manage_experiments: row(0, 1, 1, 1, 0, 0, 1, 0),
  manage_alerts: row(0, 1, 1, 1, 0, 0, 1, 0),
  settings: row(0, 0, 1, 1, 0, 0, 1, 0),
  keys: row(0, 0, 1, 1, 0, 0, 1, 0),
  members: row(0, 0, 1, 1, 0, 0, 1, 0),
  admin: row(0, 0, 1, 1, 0, 0, 1, 0),
  delete_workspace: row(0, 0, 0, 1, 0, 0, 0, 0),
};

function row(...v: number[]) {
  const [viewer, member, admin, owner, read, ingest, keyAdmin, anonymous] = v.map(Boolean);
  return {
    viewer,
    member,
    admin,
    owner,
    'key:read': read,
    'key:ingest': ingest,
    'key:admin': keyAdmin,
    anonymous,
  };
}

describe('role × action matrix', () => {
  let ctx: AppContext;
  let app: FastifyInstance;
  const dir = mkdtempSync(join(tmpdir(), 'lla-perm-'));
  const creds = new Map<string, Record<string, string>>();

  before(async () => {
    ctx = await createContext(loadConfig({ DATA_DIR: dir }, { port: 0 }));
    app = await buildApp(ctx, { logger: false });
    for (const permission of ROUTE_PERMISSIONS) {
      for (const method of ['GET', 'POST'] as const) {
        app.route({
          method,
          url: `/__probe/${permission}`,
          config: { permission },
          handler: async () => ({ ok: true }),
        });
      }
    }
    await app.ready();
    for (const role of ROLES) {
      const user = await ctx.users.create({ email: `${role}@example.com`, password: 'password for tests' });
      await ctx.memberships.add('default', user.id, role);
      const session = await ctx.sessions.create(user.id);
      creds.set(role, { cookie: `lla_session=${session.token}`, 'x-csrf-token': session.csrfToken });
    }
    for (const scope of SCOPES) {
      creds.set(`key:${scope}`, { authorization: `Bearer ${(await ctx.keys.create('default', scope)).key}` });
    }
    creds.set('anonymous', {});
  });
  after(async () => {
    await app.close();
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the spec covers every permission routes may declare', () => {
    assert.deepEqual(Object.keys(MATRIX).sort(), [...ROUTE_PERMISSIONS].sort());
  });

  for (const method of ['GET', 'POST'] as const) {
    it(`${method}: every principal × every permission`, async () => {
      const wrong: string[] = [];
      for (const [permission, expected] of Object.entries(MATRIX)) {
        for (const [who, allowed] of Object.entries(expected)) {
          const r = await app.inject({ method, url: `/__probe/${permission}`, headers: creds.get(who) });
          const want = allowed ? 200 : who === 'anonymous' ? 401 : 403;
          if (r.statusCode !== want)
            wrong.push(`${who} ${method} ${permission}: ${r.statusCode}, want ${want}`);
        }
      }
      assert.deepEqual(wrong, []);
    });
  }

  it('a route without a permission, or with an unknown one, does not start (fail closed)', async () => {
    const bare = await buildApp(ctx, { logger: false });
    assert.throws(() => bare.get('/__nothing', async () => ({})), /declares no permission/);
    assert.throws(
      () => bare.get('/__typo', { config: { permission: 'raed' as never } }, async () => ({})),
      /unknown permission/,
    );
    await bare.close();
  });
});
