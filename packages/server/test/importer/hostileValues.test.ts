// Checks that the importer refuses what the ingest endpoint refuses on both engines — NUL in text, JSON
// nested past LIMITS.jsonDepth at any depth — naming the file line and field, with nothing written.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LIMITS } from '@llm-analytics/core';
import { ImportError } from '../../src/importer/ImportError.ts';
import type { ImportTable } from '../../src/importer/importTables.ts';
import { runImport } from '../../src/importer/runImport.ts';
import { ENGINES } from '../helpers/engines.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

/** JSON text of `levels` objects nested in one another: deeper than JSON.stringify can write back. */
const objects = (levels: number) => `${'{"a":'.repeat(levels - 1)}{}${'}'.repeat(levels - 1)}`;
/** A CSV cell holding `text`, quoted as PostgreSQL's COPY writes it. */
const csvCell = (text: string) => `"${text.replaceAll('"', '""')}"`;
const NUL = '\u0000';
const TOO_DEEP = new RegExp(`more than ${LIMITS.jsonDepth} levels deep`);
const HAS_NUL = /NUL character/;

const CASES: [name: string, file: string, table: ImportTable, text: string, at: [number, string, RegExp]][] =
  [
    [
      'JSONL id with a \\u0000 escape',
      'messages.jsonl',
      'messages',
      '{"id":"m-1","conversation_id":"c","role":"user"}\n{"id":"m\\u0000","conversation_id":"c","role":"user"}\n',
      [2, 'id', HAS_NUL],
    ],
    [
      'CSV content with a raw NUL',
      'messages.csv',
      'messages',
      `id,conversation_id,role,content\nm-1,c,user,fine\nm-2,c,user,${csvCell(`a${NUL}b`)}\n`,
      [3, 'content', HAS_NUL],
    ],
    [
      'JSON array record with NUL in a metadata key',
      'models.json',
      'models',
      '[{"model_id":"ok"},{"model_id":"x","metadata":{"k\\u0000":1}}]',
      [2, 'metadata', HAS_NUL],
    ],
    [
      'CSV failure tag with NUL in a PostgreSQL array',
      'evaluations.csv',
      'evaluations',
      `id,message_id,failure_tags\ne-1,m-1,${csvCell(`{ok,"b${NUL}"}`)}\n`,
      [2, 'failure_tags[1]', HAS_NUL],
    ],
    [
      'CSV metadata cell nested 5,000 levels',
      'messages.csv',
      'messages',
      `id,conversation_id,role,metadata\nm-1,c,user,{}\nm-2,c,user,${csvCell(objects(5_000))}\n`,
      [3, 'metadata', TOO_DEEP],
    ],
    [
      'JSONL metadata object nested 100,000 levels',
      'messages.jsonl',
      'messages',
      `{"id":"m-1","conversation_id":"c","role":"user","metadata":${objects(100_000)}}\n`,
      [1, 'metadata', TOO_DEEP],
    ],
    [
      'JSONL training dataset one level past the limit',
      'models.jsonl',
      'models',
      `{"model_id":"x","training_dataset":${objects(LIMITS.jsonDepth + 1)}}\n`,
      [1, 'training_dataset', TOO_DEEP],
    ],
  ];

for (const engine of ENGINES)
  describe(`import refuses what ingest refuses (${engine})`, () => {
    let s: TestServer;
    const dir = tempDir('import-hostile');
    before(async () => {
      s = await startTestServer({ engine });
    });
    after(() => s.close());

    for (const [name, file, table, text, [line, field, reason]] of CASES) {
      it(`${name} → line ${line}, field ${field}, nothing written`, async () => {
        const path = join(dir, `${engine}-${file}`);
        writeFileSync(path, text);
        await assert.rejects(
          runImport({ file: path, table, ingest: (b) => s.ctx.ingest.ingest(s.workspaceId, b) }),
          (e: unknown) => {
            assert.ok(e instanceof ImportError, String(e));
            assert.equal(e.line, line);
            assert.equal(e.field, field);
            assert.match(e.message, reason);
            return true;
          },
        );
        for (const t of ['messages', 'conversations', 'models', 'evaluations'] as const)
          assert.equal(await s.count(t), 0, t);
      });
    }
  });
