// Complete exports on both engines: the raw tables in the range and filters, one file per table in a ZIP, each
// holding exactly the rows an independent pass over the data set keeps and the query API counts.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AnalyticsQuery, AnalyticsReply, ExportRequest, Filter } from '@llm-analytics/core';
import { parse } from 'csv-parse/sync';
import { completeTables } from '../../src/exports/content/completeTables.ts';
import { exportScope } from '../../src/exports/exportTables.ts';
import type { DsMessage } from '../analytics/dataset.ts';
import { ENGINES } from '../helpers/engines.ts';
import { post } from '../helpers/post.ts';
import { tempDir } from '../helpers/tempDir.ts';
import {
  type ExportFixture,
  HOSTILE_TEXTS,
  loadExportFixture,
  NOW,
  type Parsed,
  parquetTypes,
  RANGE,
  readParquet,
  readZip,
  runExport,
} from './exportFixture.ts';

const DATE_RANGE = { from: RANGE.startDate, to: RANGE.endDate };
const inWindow = (iso: string) => iso >= new Date(RANGE.startDate).toISOString() && iso < NOW.toISOString();

async function counts(f: ExportFixture, filters?: Filter): Promise<Record<string, number>> {
  const q: AnalyticsQuery = {
    metrics: ['messages', 'evaluations', 'tool_calls'],
    date_range: DATE_RANGE,
    ...(filters ? { filters } : {}),
  };
  const r = await post(`${f.s.url}/api/analytics/query`, f.s.adminKey, q, { 'cache-control': 'no-cache' });
  const row = (r.body as unknown as AnalyticsReply).rows[0];
  return {
    messages: Number(row.messages),
    evaluations: Number(row.evaluations),
    tool_calls: Number(row.tool_calls),
  };
}

/** The complete export in `format`, each table parsed back. */
async function completeFiles(
  f: ExportFixture,
  r: ExportRequest,
  name: string,
): Promise<Record<string, Parsed>> {
  const out = await runExport(f, r, name);
  assert.match(out.path, /\.zip$/);
  const entries = await readZip(out.path);
  const tables: Record<string, Parsed> = {};
  for (const [file, bytes] of entries) {
    const [table, ext] = file.split('.');
    if (ext === 'csv') tables[table] = parse(bytes, { columns: true }) as Parsed;
    else if (ext === 'jsonl')
      tables[table] = bytes
        .toString('utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    else if (ext === 'json') tables[table] = JSON.parse(bytes.toString('utf8')) as Parsed;
    else {
      const path = join(f.dir, `${name}-${file}`);
      writeFileSync(path, bytes);
      tables[table] = await readParquet(path);
      tables[`${table}:types`] = [await parquetTypes(path)];
    }
  }
  assert.deepEqual(
    Object.keys(tables)
      .filter((k) => !k.includes(':'))
      .sort(),
    ['conversations', 'evaluations', 'messages', 'tool_calls'],
  );
  return tables;
}

for (const engine of ENGINES) {
  describe(`complete exports (${engine})`, () => {
    let f: ExportFixture;
    const dir = tempDir('lla-complete');
    before(async () => {
      f = await loadExportFixture(engine, dir);
    });
    after(() => f.s.close());

    /** Independent: the stored messages of the window (the fixture's text messages included). */
    const windowMessages = (): Pick<DsMessage, 'id' | 'conversation_id' | 'created_at' | 'model_id'>[] => [
      ...f.ds.messages.filter((m) => inWindow(m.created_at)),
      ...HOSTILE_TEXTS.map((_, i) => ({
        id: `m-text-${i}`,
        conversation_id: 'c-text',
        created_at: '',
        model_id: null,
      })),
    ];

    it('CSV: every raw table, the rows of the range, columns from the catalogue', async () => {
      const t = await completeFiles(f, { format: 'csv', exportType: 'complete', ...RANGE }, 'complete-csv');
      const want = windowMessages();
      assert.deepEqual(new Set(t.messages.map((m) => m.id)), new Set(want.map((m) => m.id)));
      assert.equal(t.messages.length, want.length);
      const c = await counts(f);
      assert.equal(t.messages.length, c.messages);
      assert.equal(t.evaluations.length, c.evaluations);
      assert.equal(t.tool_calls.length, c.tool_calls);
      const stored = new Set([...f.ds.conversations.map((x) => x.id), 'c-text']);
      const convs = new Set(want.map((m) => m.conversation_id).filter((id) => stored.has(id)));
      assert.deepEqual(new Set(t.conversations.map((x) => x.id)), convs);
      assert.deepEqual(Object.keys(t.messages[0]), [
        'id',
        'conversation_id',
        'role',
        'content',
        'created_at',
        'model_id',
        'provider',
        'input_tokens',
        'output_tokens',
        'latency_ms',
        'tools_called',
        'tool_success',
        'error_type',
        'metadata',
      ]);
      // Values as sent: ISO timestamps, unformatted numbers, JSON text, lists as JSON.
      const sample = f.ds.messages.find(
        (m) => inWindow(m.created_at) && m.tools_called.length && m.input_tokens,
      )!;
      const row = t.messages.find((m) => m.id === sample.id)!;
      assert.equal(Date.parse(String(row.created_at)), Date.parse(sample.created_at));
      assert.match(String(row.created_at), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.equal(row.input_tokens, String(sample.input_tokens));
      assert.deepEqual(
        (JSON.parse(String(row.tools_called)) as { name: string }[]).map((x) => x.name),
        sample.tools_called.map((x) => x.name),
      );
      const tagged = t.evaluations.find((e) => e.failure_tags && e.failure_tags !== '[]');
      assert.ok(tagged, 'an evaluation with tags');
      assert.ok(Array.isArray(JSON.parse(String(tagged.failure_tags))));
    });

    it('filters: each table keeps what its metrics count under the same filter tree', async () => {
      const models = ['gpt-4o', 'llama-3-8b', 'llama-3-8b-sft'];
      const filters: Filter = [
        'and',
        [
          ['in', 'model', models],
          ['gte', 'rating', 3],
        ],
      ];
      const t = await completeFiles(
        f,
        { format: 'jsonl', exportType: 'complete', ...RANGE, filters },
        'complete-f',
      );
      const c = await counts(f, filters);
      assert.ok(c.messages > 5, `${c.messages} messages pass`);
      assert.equal(t.messages.length, c.messages);
      assert.equal(t.evaluations.length, c.evaluations);
      assert.equal(t.tool_calls.length, c.tool_calls);
      // Independent: those models' messages of the window with an evaluation rated ≥ 3; evaluations rated ≥ 3 of them.
      const rated = new Set(f.ds.evaluations.filter((e) => (e.rating ?? 0) >= 3).map((e) => e.message_id));
      const kept = f.ds.messages.filter(
        (m) => inWindow(m.created_at) && models.includes(m.model_id ?? '') && rated.has(m.id),
      );
      assert.deepEqual(new Set(t.messages.map((m) => m.id)), new Set(kept.map((m) => m.id)));
      const keptIds = new Set(kept.map((m) => m.id));
      const evals = f.ds.evaluations.filter((e) => keptIds.has(e.message_id) && (e.rating ?? 0) >= 3);
      assert.deepEqual(new Set(t.evaluations.map((e) => e.id)), new Set(evals.map((e) => e.id)));
      assert.ok(t.evaluations.every((e) => Number(e.rating) >= 3));
      assert.deepEqual(
        new Set(t.conversations.map((x) => x.id)),
        new Set(kept.map((m) => m.conversation_id)),
      );
      // JSON lines keep types: numbers, booleans, JSON objects, lists.
      const m = t.messages.find((x) => x.input_tokens !== null)!;
      assert.equal(typeof m.input_tokens, 'number');
      const e = t.evaluations.find((x) => Array.isArray(x.failure_tags));
      assert.ok(e, 'failure_tags as a list');
    });

    it('tool and conversation-length leaves: counts equal the metrics, tool rows filtered on their own row', async () => {
      for (const filters of [
        ['eq', 'tool', 'search'],
        ['gte', 'conversation_length', 6],
        [
          'and',
          [
            ['gte', 'conversation_length', 3],
            ['neq', 'role', 'user'],
          ],
        ],
      ] as Filter[]) {
        const t = await completeFiles(
          f,
          { format: 'csv', exportType: 'complete', ...RANGE, filters },
          `complete-${JSON.stringify(filters).replace(/\W+/g, '-')}`,
        );
        const c = await counts(f, filters);
        assert.ok(c.messages > 0, JSON.stringify(filters));
        assert.equal(t.messages.length, c.messages, `${JSON.stringify(filters)} messages`);
        assert.equal(t.evaluations.length, c.evaluations, `${JSON.stringify(filters)} evaluations`);
        assert.equal(t.tool_calls.length, c.tool_calls, `${JSON.stringify(filters)} tool calls`);
        if (filters[1] === 'tool') assert.ok(t.tool_calls.every((x) => x.name === 'search'));
      }
      // Independent: conversations of 6+ messages inside the window keep all their window messages.
      const perConversation = new Map<string, number>();
      for (const m of windowMessages())
        perConversation.set(m.conversation_id, (perConversation.get(m.conversation_id) ?? 0) + 1);
      const long = windowMessages().filter((m) => (perConversation.get(m.conversation_id) ?? 0) >= 6);
      const t = await completeFiles(
        f,
        { format: 'jsonl', exportType: 'complete', ...RANGE, filters: ['gte', 'conversation_length', 6] },
        'complete-long',
      );
      assert.deepEqual(new Set(t.messages.map((m) => m.id)), new Set(long.map((m) => m.id)));
      // In pages smaller than a conversation, lengths still count the whole window.
      const [paged] = await completeTables(
        f.s.ctx,
        exportScope(
          f.s.workspaceId,
          { format: 'csv', exportType: 'complete', ...RANGE, filters: ['gte', 'conversation_length', 6] },
          NOW,
        ),
        { tables: ['messages'], pageRows: 4 },
      );
      const ids: string[] = [];
      for await (const chunk of paged.chunks()) for (const r of chunk) ids.push(String(r[0]));
      assert.deepEqual(new Set(ids), new Set(long.map((m) => m.id)));
      assert.equal(ids.length, long.length);
    });

    it('Parquet: one typed file per table, the same rows', async () => {
      const t = await completeFiles(
        f,
        { format: 'parquet', exportType: 'complete', ...RANGE },
        'complete-pq',
      );
      const c = await counts(f);
      assert.equal(t.messages.length, c.messages);
      assert.equal(t.evaluations.length, c.evaluations);
      const types = t['messages:types'][0] as Record<string, string>;
      assert.equal(types.created_at, 'TIMESTAMP');
      assert.equal(types.input_tokens, 'INTEGER');
      assert.equal(types.tool_success, 'BOOLEAN');
      assert.equal(types.content, 'VARCHAR');
      assert.equal((t['evaluations:types'][0] as Record<string, string>).failure_tags, 'VARCHAR[]');
      const sample = f.ds.messages.find((m) => inWindow(m.created_at) && m.latency_ms)!;
      const row = t.messages.find((m) => m.id === sample.id)!;
      assert.equal(row.latency_ms, sample.latency_ms);
    });

    for (const format of ['csv', 'json', 'parquet'] as const) {
      it(`${format}: a filter nothing passes gives every table's file with no rows`, async () => {
        const t = await completeFiles(
          f,
          { format, exportType: 'complete', ...RANGE, filters: ['eq', 'model', 'no-such-model'] },
          `complete-empty-${format}`,
        );
        for (const table of ['conversations', 'messages', 'evaluations', 'tool_calls'])
          assert.deepEqual(t[table], []);
        if (format === 'parquet') {
          assert.equal((t['messages:types'][0] as Record<string, string>).created_at, 'TIMESTAMP');
        }
      });
    }

    it('reads each table in pages of a bounded size, as many as its rows need', async () => {
      const pages: Record<string, number> = {};
      const sources = await completeTables(
        f.s.ctx,
        exportScope(f.s.workspaceId, { format: 'csv', exportType: 'complete', ...RANGE }, NOW),
        {
          pageRows: 100,
          onPage: (table) => {
            pages[table] = (pages[table] ?? 0) + 1;
          },
        },
      );
      for (const s of sources) {
        let rows = 0;
        const ids = new Set<string>();
        for await (const chunk of s.chunks()) {
          // Tool calls of one message share a page: a page may exceed the size by at most one message's calls.
          assert.ok(
            chunk.length <= (s.name === 'tool_calls' ? 164 : 100),
            `${s.name} page of ${chunk.length}`,
          );
          rows += chunk.length;
          if (s.name !== 'tool_calls') for (const r of chunk) ids.add(String(r[0]));
        }
        assert.equal(rows, s.total, `${s.name} rows`);
        if (s.name !== 'tool_calls') assert.equal(ids.size, rows, `${s.name}: no row twice`);
        assert.ok(
          pages[s.name] >= Math.ceil(s.total / 164) && pages[s.name] <= Math.ceil(s.total / 100) + 1,
          `${s.name}: ${pages[s.name]} pages`,
        );
      }
    });
  });
}
