// Accounts from the command line and the environment: `users create --admin`, `users list`, bad input exit 2,
// and the headless first owner (LLM_ANALYTICS_INIT_ADMIN_EMAIL / _PASSWORD) made once, on an empty install only.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createContext } from '../../src/AppContext.ts';
import { loadConfig } from '../../src/config.ts';
import { tempDir } from '../helpers/tempDir.ts';

const BIN = fileURLToPath(new URL('../../bin/llm-analytics.mjs', import.meta.url));
const run = promisify(execFile);
const cli = (args: string[]) =>
  run(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'warn' } });

describe('accounts CLI and headless setup', () => {
  const dir = tempDir('lla-users');

  it('users create --admin makes an owner of the default workspace; users list shows it', async () => {
    const { stdout } = await cli([
      'users',
      'create',
      '--admin',
      '--email',
      'Root@Example.com',
      '--password',
      'root password',
      '--data',
      dir,
    ]);
    assert.match(stdout, /created root@example\.com .* as owner of workspace default/);
    await cli([
      'users',
      'create',
      '--email',
      'v@example.com',
      '--password',
      'viewer password',
      '--role',
      'viewer',
      '--data',
      dir,
    ]);
    const list = await cli(['users', 'list', '--data', dir]);
    assert.match(list.stdout, /root@example\.com.*owner/);
    assert.match(list.stdout, /v@example\.com.*viewer/);
    assert.doesNotMatch(list.stdout, /root password|scrypt/);
  });

  it('refuses bad input with exit code 2', async () => {
    for (const args of [
      ['users', 'create', '--email', 'x@example.com'],
      ['users', 'create', '--email', 'x@example.com', '--password', 'short'],
      ['users', 'create', '--email', 'x@example.com', '--password', 'long enough', '--role', 'boss'],
      ['users', 'create', '--email', 'root@example.com', '--password', 'long enough'],
      ['users', 'frob'],
    ]) {
      await assert.rejects(cli([...args, '--data', dir]), (e: { code: number }) => e.code === 2);
    }
  });

  it('LLM_ANALYTICS_INIT_ADMIN_* creates the first owner on an empty install, and nothing afterwards', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'lla-init-'));
    try {
      const env = {
        DATA_DIR: fresh,
        LLM_ANALYTICS_INIT_ADMIN_EMAIL: 'ops@example.com',
        LLM_ANALYTICS_INIT_ADMIN_PASSWORD: 'ops password',
      };
      let ctx = await createContext(loadConfig(env));
      const ops = await ctx.users.findByEmail('ops@example.com');
      assert.ok(ops);
      assert.equal(await ctx.memberships.roleOf('default', ops.id), 'owner');
      assert.ok(await ctx.users.verifyCredentials('ops@example.com', 'ops password'));
      await ctx.close();
      ctx = await createContext(loadConfig({ ...env, LLM_ANALYTICS_INIT_ADMIN_EMAIL: 'second@example.com' }));
      assert.equal(await ctx.users.count(), 1, 'only an empty install gets the init owner');
      await ctx.close();
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
