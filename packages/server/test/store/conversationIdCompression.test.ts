// Migration 4: DuckDB stores messages.conversation_id dictionary-compressed, where it would pick FSST for the
// same values; the rebuilt table keeps every column and row, and new rows land compressed the same way.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { DuckDBStore } from '../../src/store/duckdb/DuckDBStore.ts';
import { tempDir } from '../helpers/tempDir.ts';

// About five messages per conversation, as in live traffic: too few repeats per block for DuckDB's own choice.
const ROWS = `SELECT 'w' AS workspace_id, 'message-' || i AS id, 'conversation-' || (i // 5) || '-' || md5(i::VARCHAR)[1:8]
  AS conversation_id, 'user' AS role, TIMESTAMP '2025-05-01' + INTERVAL (i) SECOND AS created_at FROM range(60000) r(i)`;

async function compressions(c: DuckDBConnection, table: string): Promise<string[]> {
  const r = await c.runAndReadAll(
    `SELECT DISTINCT compression FROM pragma_storage_info('${table}') WHERE column_name = 'conversation_id' ORDER BY 1`,
  );
  return r.getRowsJS().map((row) => String(row[0]));
}

it('messages.conversation_id is stored dictionary-compressed where DuckDB would choose FSST', async () => {
  const file = join(tempDir('lla-convid'), 'db.duckdb');
  const store = await DuckDBStore.open(file);
  await store.close();
  const instance = await DuckDBInstance.create(file);
  const c = await instance.connect();
  try {
    await c.run(`CREATE TABLE control AS ${ROWS}`);
    await c.run(`INSERT INTO messages BY NAME ${ROWS}`);
    await c.run('CHECKPOINT');
    assert.ok((await compressions(c, 'control')).includes('FSST'), 'the control column should be FSST');
    assert.deepEqual(
      (await compressions(c, 'messages')).filter((x) => x !== 'Constant'),
      ['Dictionary'],
    );
    const same = await c.runAndReadAll(
      'SELECT count(*) AS n FROM messages m JOIN control k ON k.id = m.id AND k.conversation_id = m.conversation_id',
    );
    assert.equal(Number(same.getRowObjectsJS()[0].n), 60000);
  } finally {
    c.closeSync();
    instance.closeSync();
  }
});
