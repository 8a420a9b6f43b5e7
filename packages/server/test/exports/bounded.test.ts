// A complete export of 50,000 messages on both engines reads each table in pages of RAW_PAGE_ROWS (never the
// table at once) and writes every row once, as CSV in a ZIP and as Parquet.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ExportValue, IngestBatchInput } from '@llm-analytics/core';
import { completeTables, RAW_PAGE_ROWS } from '../../src/exports/content/completeTables.ts';
import { exportScope } from '../../src/exports/exportTables.ts';
import { writeExport } from '../../src/exports/writers/writeExport.ts';
import { ENGINES } from '../helpers/engines.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

const MESSAGES = 50_000;
const NOW = new Date('2025-06-15T12:00:00Z');
const RANGE = { startDate: '2025-05-15T12:00:00Z', endDate: NOW.toISOString() };

/** 50,000 messages in conversations of 10 over the 30 days, every 4th with an evaluation, every 5th a tool call. */
function batches(): IngestBatchInput[] {
  const out: IngestBatchInput[] = [];
  const step = (30 * 86_400_000) / MESSAGES;
  for (let start = 0; start < MESSAGES; start += 10_000) {
    const b: Required<Pick<IngestBatchInput, 'conversations' | 'messages' | 'evaluations'>> = {
      conversations: [],
      messages: [],
      evaluations: [],
    };
    for (let i = start; i < start + 10_000; i++) {
      if (i % 10 === 0) b.conversations.push({ id: `c-${i / 10}`, user_id: `u-${i % 97}` });
      b.messages.push({
        id: `m-${i}`,
        conversation_id: `c-${Math.floor(i / 10)}`,
        role: i % 2 ? 'assistant' : 'user',
        content: `message ${i}, with "quotes" and a comma`,
        created_at: new Date(Date.parse(RANGE.startDate) + i * step).toISOString(),
        ...(i % 2
          ? {
              model_id: 'gpt-4o',
              provider: 'openai',
              input_tokens: i % 500,
              output_tokens: 7,
              latency_ms: 100 + (i % 900),
            }
          : {}),
        ...(i % 5 === 1 ? { tools_called: [{ name: 'search', success: true }] } : {}),
      });
      if (i % 4 === 1)
        b.evaluations.push({ id: `e-${i}`, message_id: `m-${i}`, rating: 1 + (i % 5), success: i % 3 > 0 });
    }
    out.push(b);
  }
  return out;
}

for (const engine of ENGINES) {
  describe(`a complete export of ${MESSAGES} messages (${engine})`, () => {
    let s: TestServer;
    const dir = tempDir('lla-bounded');
    before(async () => {
      s = await startTestServer({ engine });
      for (const b of batches()) await s.ctx.ingest.ingest(s.workspaceId, b);
    });
    after(() => s.close());

    const sources = (onPage: (table: string) => void) =>
      completeTables(
        s.ctx,
        exportScope(s.workspaceId, { format: 'csv', exportType: 'complete', ...RANGE }, NOW),
        { onPage },
      );

    it('reads every table in pages of at most RAW_PAGE_ROWS rows', async () => {
      const pages = new Map<string, number>();
      const src = await sources((t) => pages.set(t, (pages.get(t) ?? 0) + 1));
      const want = { conversations: 5_000, messages: MESSAGES, evaluations: 12_500, tool_calls: 10_000 };
      for (const t of src) {
        let rows = 0;
        let largest = 0;
        let previous: ExportValue | undefined;
        for await (const chunk of t.chunks()) {
          rows += chunk.length;
          largest = Math.max(largest, chunk.length);
          if (t.name === 'messages') {
            // Pages continue one another in key order: no gap, no overlap.
            if (previous !== undefined) assert.ok(String(chunk[0][4]) >= String(previous));
            previous = chunk[chunk.length - 1][4];
          }
        }
        assert.equal(rows, want[t.name as keyof typeof want], `${t.name} rows`);
        assert.equal(t.total, rows);
        assert.ok(largest <= RAW_PAGE_ROWS, `${t.name}: a page of ${largest}`);
        assert.equal(pages.get(t.name), Math.ceil(rows / RAW_PAGE_ROWS), `${t.name} pages`);
      }
    });

    for (const format of ['csv', 'parquet'] as const) {
      it(`writes all of it as ${format} in a ZIP, with progress up to the total`, async () => {
        let last = { rows: 0, total: 0 };
        const out = await writeExport({
          format,
          tables: await sources(() => {}),
          path: join(dir, `all-${format}.zip`),
          onProgress: (p) => {
            last = p;
          },
        });
        assert.equal(out.rows, 5_000 + MESSAGES + 12_500 + 10_000);
        assert.deepEqual(last, { rows: out.rows, total: out.rows });
        assert.ok(out.bytes > 100_000);
      });
    }
  });
}
