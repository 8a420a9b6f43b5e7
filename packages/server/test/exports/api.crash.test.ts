// Crash safety of exports (DuckDB, the real server as a child process): kill -9 while a queued complete export
// writes its file, restart on the same data directory. Before and after the restart no partial file is ever
// served (the download is 409 until the job is done; the killed run's file was never under its final name);
// the runner takes the abandoned job back and runs it again from a clean start, and the finished file is whole.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { spawnServer } from '../../bench/spawnServer.ts';
import { workspaceFolder } from '../../src/exports/service/exportFiles.ts';
import { DEFAULT_WORKSPACE } from '../../src/workspaces/WorkspaceService.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { download, getJson, postExport, waitForExport } from './exportApi.ts';
import { readZip } from './exportFixture.ts';

const KEY = 'export-crash-key-0123456789abcdefghijklmn';
const MESSAGES = 200_000;
const BATCH = 5_000;
const T0 = Date.parse('2025-06-01T00:00:00Z');

function batch(n: number) {
  const convs = Array.from({ length: BATCH / 50 }, (_, i) => ({ id: `c${n}-${i}`, session_id: `s${i % 7}` }));
  return {
    conversations: convs,
    messages: Array.from({ length: BATCH }, (_, i) => ({
      id: `m${n}-${i}`,
      conversation_id: `c${n}-${Math.floor(i / 50)}`,
      role: i % 2 ? 'assistant' : 'user',
      content: `message ${n}-${i}, with a comma and "quotes"`,
      created_at: new Date(T0 + (n * BATCH + i) * 1000).toISOString(),
      latency_ms: i % 900,
    })),
  };
}

describe('export crash safety (kill -9 during an export job)', () => {
  const dir = tempDir('lla-export-crash');
  const port = 4800 + (process.pid % 400);
  const env = {
    LLM_ANALYTICS_INIT_API_KEY: KEY,
    EXPORT_INLINE_MAX_ROWS: '0',
    LLM_ANALYTICS_SKIP_WEB_BUILD: '1',
  };
  const auth = { key: KEY };
  const folder = join(dir, 'exports', workspaceFolder(DEFAULT_WORKSPACE));

  it('never serves a partial file, and re-runs the abandoned job to a whole file after restart', {
    timeout: 300_000,
  }, async () => {
    let server = await spawnServer({ dataDir: dir, port, env });
    for (let n = 0; n < MESSAGES / BATCH; n++) {
      const res = await fetch(`${server.url}/api/ingest`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
        body: JSON.stringify(batch(n)),
      });
      assert.equal(res.status, 200, await res.text());
    }
    const range = { startDate: '2025-05-01T00:00:00Z', endDate: '2025-12-31T00:00:00Z' };
    const r = await postExport(server.url, auth, { format: 'csv', exportType: 'complete', ...range });
    assert.equal(r.status, 202, JSON.stringify(r.body));
    const id: string = r.body.exportId;
    const final = join(folder, `${id}.zip`);

    // Kill it while its temporary file is being written.
    const until = Date.now() + 60_000;
    const partials = () =>
      existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.partial')) : [];
    while (partials().length === 0) {
      assert.ok(!existsSync(final), 'the export finished before the kill: make it larger');
      assert.ok(Date.now() < until, 'the export never started writing');
      await new Promise((res) => setTimeout(res, 5));
    }
    await server.stop('SIGKILL');
    assert.ok(!existsSync(final), 'killed mid-write: nothing under the final name');
    const left = partials();
    assert.equal(left.length, 1, 'the killed run left its temporary file');

    server = await spawnServer({ dataDir: dir, port, env });
    try {
      // Until the re-run finishes, the download is refused: never the partial file.
      let refused = 0;
      for (;;) {
        // Download first, then the status: a file served means the export was done already.
        const d = await download(server.url, auth, id);
        const info = (await getJson(server.url, auth, `/api/analytics/exports/${id}`)).body;
        if (d.status === 200) {
          assert.equal(info.status, 'done', 'a file is served only once the export is done');
          break;
        }
        assert.equal(d.status, 409, `status ${info.status}: download ${d.status}`);
        assert.ok(['queued', 'running', 'done'].includes(info.status), JSON.stringify(info));
        refused++;
        await new Promise((res) => setTimeout(res, 20));
      }
      const info = await waitForExport(server.url, auth, id);
      assert.equal(info.status, 'done');
      const job = (await getJson(server.url, auth, `/api/jobs/${id}`)).body;
      assert.equal(job.status, 'succeeded');
      assert.equal(job.attempts, 2, 'the abandoned job was taken back and run again');
      assert.ok(!existsSync(join(folder, left[0])), "the re-run removed the killed run's temporary file");
      assert.deepEqual(partials(), []);

      const file = await download(server.url, auth, id);
      assert.equal(file.status, 200);
      assert.equal(Number(file.headers.get('content-length')), file.bytes.length);
      const zipPath = join(dir, 'download.zip');
      writeFileSync(zipPath, file.bytes);
      const entries = await readZip(zipPath);
      const messages = parse(entries.get('messages.csv') ?? Buffer.alloc(0), { columns: true }) as {
        id: string;
      }[];
      assert.equal(messages.length, MESSAGES, 'every message, once');
      assert.equal(new Set(messages.map((m) => m.id)).size, MESSAGES);
      const conversations = parse(entries.get('conversations.csv') ?? Buffer.alloc(0), { columns: true });
      assert.equal(conversations.length, MESSAGES / 50);
      assert.equal(info.rows, MESSAGES + MESSAGES / 50);
      console.log(`export crash: ${refused} refused downloads while the re-run ran`);
    } finally {
      await server.stop();
    }
  });
});
