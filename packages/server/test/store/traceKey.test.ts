// DuckDB's spans.trace_key (migration 13): the writer stores the trace id's first 13 hex digits as an integer,
// the migration gives a version-12 database's spans the same key, and the GenAI derivation finds spans by it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { listTraceSpans } from '../../src/ingest/otlp/queries/listTraceSpans.ts';
import { DuckDBStore } from '../../src/store/duckdb/DuckDBStore.ts';
import { emptyRowSet } from '../../src/store/RowSet.ts';
import { migrateTo } from '../helpers/migrateTo.ts';
import { tempDir } from '../helpers/tempDir.ts';

const OLD = 'fedcba9876543210fedcba9876543210';
const NEW = '0af7651916cd43dd8448eb211c80319c';
/** Shares OLD's first 13 digits (its key), not its id: the key only narrows, the id decides. */
const TWIN = 'fedcba9876543000000000000000abcd';
// Independent of the code under test: the digits read as a BigInt.
const keyOf = (id: string) => Number(BigInt(`0x${id.slice(0, 13)}`));

it('a migrated span and a new one carry their trace key; spans are found by it, and by their id', async () => {
  const file = join(tempDir('lla-tracekey'), 'db.duckdb');
  const instance = await DuckDBInstance.create(file);
  const c = await instance.connect();
  await migrateTo((sql) => c.run(sql), 'duckdb', 12);
  await c.run(`INSERT INTO spans (workspace_id, trace_id, span_id, name, kind, start_time, end_time, duration_ms,
      status_code, attributes, resource_attributes)
    VALUES ('w', '${OLD}', '0000000000000001', 'old', 1, TIMESTAMP '2026-11-01 10:00:00',
      TIMESTAMP '2026-11-01 10:00:01', 1000, 0, '{}', '{}')`);
  c.closeSync();
  instance.closeSync();

  const store = await DuckDBStore.open(file);
  try {
    const at = Date.UTC(2026, 10, 1, 10);
    const span = (trace: string, id: string) => ({
      workspace_id: 'w',
      trace_id: trace,
      span_id: id,
      parent_span_id: null,
      trace_state: null,
      name: 'new',
      kind: 1,
      start_time: at,
      end_time: at + 5,
      duration_ms: 5,
      status_code: 0,
      status_message: null,
      attributes: '{}',
      resource_attributes: '{}',
      events: null,
      links: null,
      service_name: null,
      scope_name: null,
      scope_version: null,
      span_type: null,
      model_id: null,
      provider: null,
      input_tokens: null,
      output_tokens: null,
      conversation_id: null,
      tool_name: null,
    });
    await store.commit({
      ...emptyRowSet(),
      spans: [span(NEW, '0000000000000002'), span(TWIN, '0000000000000003')],
    });
    const rows = await store.query<{ trace_id: string; k: number }>(
      'SELECT trace_id, trace_key::DOUBLE AS k FROM spans ORDER BY trace_id',
    );
    assert.deepEqual(
      rows.map((r) => [r.trace_id, Number(r.k)]),
      [NEW, TWIN, OLD].sort().map((t) => [t, keyOf(t)]),
    );
    const found = await listTraceSpans(store, 'duckdb', 'w', [OLD, NEW], at - 3_600_000, at + 3_600_000);
    assert.deepEqual(found.map((r) => r.trace_id).sort(), [NEW, OLD].sort(), 'the twin key is not its trace');
  } finally {
    await store.close();
  }
});
