// The `llm-analytics` command line through its real launcher: help, keys create|list|revoke, the headless
// init key, and serve answering /api/health.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { spawnServer } from '../../bench/spawnServer.ts';
import { DuckDBStore } from '../../src/store/duckdb/DuckDBStore.ts';
import { tempDir } from '../helpers/tempDir.ts';

const BIN = fileURLToPath(new URL('../../bin/llm-analytics.mjs', import.meta.url));
const run = promisify(execFile);
const cli = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env } });

describe('llm-analytics CLI', () => {
  const dir = tempDir('lla-cli');

  it('prints help', async () => {
    const { stdout } = await cli(['help']);
    assert.match(stdout, /llm-analytics serve/);
    assert.match(stdout, /keys create/);
  });

  it('rejects an unknown command with exit code 2', async () => {
    await assert.rejects(cli(['frobnicate']), (e: { code: number; stderr: string }) => {
      assert.equal(e.code, 2);
      assert.match(e.stderr, /unknown command/);
      return true;
    });
  });

  it('creates, lists and revokes keys; the secret is printed once and works against the server', async () => {
    const { stdout } = await cli(['keys', 'create', '--scope', 'ingest', '--name', 'ci', '--data', dir]);
    const secret = /\b(lla_[A-Za-z0-9_-]{20,})/.exec(stdout)?.[1];
    const id = /key ([0-9a-f-]{36})/.exec(stdout)?.[1];
    assert.ok(secret && id, stdout);
    const listed = (await cli(['keys', 'list', '--data', dir])).stdout;
    assert.match(listed, new RegExp(id));
    assert.doesNotMatch(listed, new RegExp(secret));

    const init = 'init-key-for-headless-setup-0123456789abcdef';
    const server = await spawnServer({
      dataDir: dir,
      port: 4800 + (process.pid % 500),
      env: { LLM_ANALYTICS_INIT_API_KEY: init },
    });
    try {
      const health = (await (await fetch(`${server.url}/api/health`)).json()) as {
        status: string;
        version: string;
      };
      assert.equal(health.status, 'ok');
      assert.match(health.version, /^\d+\.\d+\.\d+/);
      const send = (key: string) =>
        fetch(`${server.url}/api/ingest`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({ messages: [{ id: 'cli-1', conversation_id: 'c', role: 'user' }] }),
        });
      assert.equal((await send(secret)).status, 200);
      const keys = await fetch(`${server.url}/api/keys`, { headers: { authorization: `Bearer ${init}` } });
      assert.equal(keys.status, 200, 'the init key is an admin key of the default workspace');
    } finally {
      assert.equal(await server.stop('SIGTERM'), 0, 'SIGTERM shuts down cleanly');
    }
    await cli(['keys', 'revoke', id, '--data', dir]);
    assert.match((await cli(['keys', 'list', '--data', dir])).stdout, /yes/);
  });

  it('imports Supabase CSV exports and writes demo data through the same ingest path', async () => {
    const data = mkdtempSync(join(tmpdir(), 'lla-cli-import-'));
    try {
      const fixtures = fileURLToPath(new URL('../importer/fixtures/', import.meta.url));
      for (const [file, table] of [
        ['llm_models.csv', 'llm_models'],
        ['messages.csv', 'messages'],
        ['message_evaluations.csv', 'message_evaluations'],
      ]) {
        const { stdout } = await cli(['import', join(fixtures, file), '--table', table, '--data', data]);
        assert.match(stdout, /imported \d+ rows/);
      }
      const bad = cli(['import', join(fixtures, 'bad_messages.csv'), '--table', 'messages', '--data', data]);
      await assert.rejects(bad, (e: { code: number; stderr: string }) => {
        assert.equal(e.code, 2);
        assert.match(e.stderr, /bad_messages\.csv:\d+/);
        return true;
      });
      const { stdout } = await cli(['demo', '--messages', '2000', '--data', data]);
      assert.match(stdout, /"messages":2000/);
      const store = await DuckDBStore.open(join(data, 'llm-analytics.duckdb'));
      try {
        const count = async (t: string) =>
          Number((await store.query<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))[0].n);
        assert.ok((await count('models')) >= 9);
        assert.ok((await count('evaluations')) > 0);
        assert.ok((await count('messages')) >= 2000);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });

  it('refuses a short LLM_ANALYTICS_INIT_API_KEY', async () => {
    await assert.rejects(
      cli(['keys', 'list', '--data', dir], { LLM_ANALYTICS_INIT_API_KEY: 'short' }),
      /at least 32/,
    );
  });
});
