// `llm-analytics export` as a user runs it (a child process): on the embedded database with the server
// stopped, and through a running server (--url --api-key: POST, poll a queued job, download). Each file's
// tables hold the rows the query API counts for the same range and filter; bad flags exit 2 naming the field.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { AnalyticsReply } from '@llm-analytics/core';
import { parse } from 'csv-parse/sync';
import { spawnServer } from '../../bench/spawnServer.ts';
import { createContext } from '../../src/AppContext.ts';
import { loadConfig } from '../../src/config.ts';
import { DEFAULT_WORKSPACE } from '../../src/workspaces/WorkspaceService.ts';
import { generateDataset, NOW, toBatch } from '../analytics/dataset.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { readParquet, readZip } from './exportFixture.ts';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const KEY = 'export-cli-key-0123456789abcdefghijklmnop';
const DAY = 86_400_000;
const FROM = new Date(NOW.getTime() - 30 * DAY).toISOString();
const TO = NOW.toISOString();
const FILTER = ['eq', 'model', 'gpt-4o'];
const run = promisify(execFile);

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', LLM_ANALYTICS_SKIP_WEB_BUILD: '1', ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('llm-analytics export', () => {
  const data = tempDir('lla-export-cli');
  const out = tempDir('lla-export-cli-out');

  it('exports locally and through a running server, with a progress bar, the query API rows in each file', {
    timeout: 240_000,
  }, async () => {
    const ctx = await createContext(loadConfig({ DATA_DIR: data, LOG_LEVEL: 'warn' }));
    await ctx.ingest.ingest(DEFAULT_WORKSPACE, toBatch(generateDataset(17, 250)));
    await ctx.close();

    const local = await cli([
      'export',
      '--data',
      data,
      '--type',
      'complete',
      '--format',
      'parquet',
      '--out',
      join(out, 'local'),
      '--from',
      FROM,
      '--to',
      TO,
      '--filter',
      JSON.stringify(FILTER),
    ]);
    assert.equal(local.code, 0, local.stderr);
    assert.match(local.stderr, /\[█{30}\] 100%/, 'a progress bar that reaches 100%');
    assert.match(local.stdout, /^wrote .*\.zip \(\d+ rows, \d+ bytes\)/);
    const [localZip] = readdirSync(join(out, 'local'));
    const localEntries = await readZip(join(out, 'local', localZip));
    assert.deepEqual([...localEntries.keys()].sort(), [
      'conversations.parquet',
      'evaluations.parquet',
      'messages.parquet',
      'tool_calls.parquet',
    ]);
    const parquetFile = join(out, 'local-messages.parquet');
    writeFileSync(parquetFile, localEntries.get('messages.parquet') ?? Buffer.alloc(0));
    const localMessages = await readParquet(parquetFile);

    const server = await spawnServer({
      dataDir: data,
      port: 5200 + (process.pid % 400),
      env: {
        LLM_ANALYTICS_INIT_API_KEY: KEY,
        EXPORT_INLINE_MAX_ROWS: '0',
        LLM_ANALYTICS_SKIP_WEB_BUILD: '1',
      },
    });
    try {
      const res = await fetch(`${server.url}/api/analytics/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
        body: JSON.stringify({
          metrics: ['messages', 'evaluations'],
          date_range: { from: FROM, to: TO },
          filters: FILTER,
        }),
      });
      const reply = (await res.json()) as AnalyticsReply;
      assert.equal(res.status, 200, JSON.stringify(reply));
      const want = reply.rows[0];
      assert.ok(Number(want.messages) > 3, `the filter keeps messages: ${JSON.stringify(reply.rows)}`);
      assert.equal(localMessages.length, Number(want.messages), 'local: the query API count of messages');
      assert.ok(
        localMessages.every((m) => m.model_id === 'gpt-4o'),
        'local: the filter applied',
      );

      const remote = await cli([
        'export',
        '--url',
        server.url,
        '--api-key',
        KEY,
        '--type',
        'complete',
        '--format',
        'csv',
        '--out',
        join(out, 'remote'),
        '--from',
        FROM,
        '--to',
        TO,
        '--filter',
        JSON.stringify(FILTER),
      ]);
      assert.equal(remote.code, 0, remote.stderr);
      assert.match(remote.stderr, /queued|running|done/, 'the job was polled');
      assert.match(remote.stderr, /\] 100%/);
      const [remoteZip] = readdirSync(join(out, 'remote'));
      assert.match(remoteZip, /^llm-analytics-complete-.*\.zip$/);
      const entries = await readZip(join(out, 'remote', remoteZip));
      const messages = parse(entries.get('messages.csv') ?? Buffer.alloc(0), { columns: true }) as {
        id: string;
      }[];
      const evaluations = parse(entries.get('evaluations.csv') ?? Buffer.alloc(0), { columns: true });
      assert.equal(messages.length, Number(want.messages), 'remote: the query API count of messages');
      assert.equal(
        evaluations.length,
        Number(want.evaluations),
        'remote: the query API count of evaluations',
      );
      assert.deepEqual(messages.map((m) => m.id).sort(), localMessages.map((m) => String(m.id)).sort());

      const pdf = await cli([
        'export',
        '--url',
        server.url,
        '--api-key',
        KEY,
        '--type',
        'overview',
        '--format',
        'pdf',
        '--out',
        join(out, 'pdf'),
        '--from',
        FROM,
        '--to',
        TO,
      ]);
      assert.equal(pdf.code, 0, pdf.stderr);
      const [pdfName] = readdirSync(join(out, 'pdf'));
      assert.equal(
        readFileSync(join(out, 'pdf', pdfName))
          .subarray(0, 5)
          .toString('latin1'),
        '%PDF-',
      );

      const noKey = await cli(['export', '--url', server.url, '--type', 'overview', '--out', out], {
        LLM_ANALYTICS_API_KEY: '',
      });
      assert.equal(noKey.code, 2);
      assert.match(noKey.stderr, /--api-key/);
    } finally {
      await server.stop();
    }
  });

  it('bad flags exit 2 and name the field and its flag', async () => {
    const r = await cli(['export', '--data', data, '--from', 'soon']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /startDate \(--from\)/);
    const pdf = await cli(['export', '--data', data, '--type', 'complete', '--format', 'pdf']);
    assert.equal(pdf.code, 2);
    assert.match(pdf.stderr, /exportType \(--type\): a report cannot hold raw rows/);
    const bad = await cli(['export', '--data', data, '--filter', '{not json']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--filter is not JSON/);
  });
});
