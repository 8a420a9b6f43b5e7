// The spans table through the store's own commit, on both engines: upsert by (workspace, trace, span), the last
// version winning within one commit and across commits, across a restart too (DuckDB rebuilds its span id
// filter from the table), and workspaces kept apart.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DuckDBStore } from '../../src/store/duckdb/DuckDBStore.ts';
import { PostgresStore } from '../../src/store/postgres/PostgresStore.ts';
import { emptyRowSet, type SpanRow } from '../../src/store/RowSet.ts';
import type { Store } from '../../src/store/Store.ts';
import { ENGINES } from '../helpers/engines.ts';
import { spanRow } from '../helpers/spanRow.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { type Engine, freshPostgres } from '../helpers/testServer.ts';

const T0 = Date.UTC(2026, 0, 1);

function span(ws: string, trace: number, n: number, name = `span ${n}`): SpanRow {
  return spanRow({
    workspace_id: ws,
    trace_id: trace.toString(16).padStart(32, '0'),
    span_id: (n + 1).toString(16).padStart(16, '0'),
    parent_span_id: n === 0 ? null : (1).toString(16).padStart(16, '0'),
    name,
    start_time: T0 + n + 0.123,
    end_time: T0 + n + 5.456,
    duration_ms: 5.333,
    attributes: JSON.stringify({ n }),
    service_name: 'svc',
  });
}

const commit = (store: Store, spans: SpanRow[]) => store.commit({ ...emptyRowSet(), spans });

async function names(store: Store, ws: string): Promise<string[]> {
  const rows = await store.query<{ name: string }>(
    'SELECT name FROM spans WHERE workspace_id = $1 ORDER BY trace_id, span_id',
    [ws],
  );
  return rows.map((r) => r.name);
}

/** Opens the engine's store, and again on the same database (a restart). */
async function opener(engine: Engine): Promise<() => Promise<Store>> {
  if (engine === 'duckdb') {
    const file = join(tempDir('lla-spans'), 'db.duckdb');
    return () => DuckDBStore.open(file);
  }
  const db = await freshPostgres();
  after(() => db.drop());
  return () => PostgresStore.open(db.url);
}

for (const engine of ENGINES) {
  describe(`spans store on ${engine}`, () => {
    it('upserts by (workspace, trace, span): re-sent spans replace, never add, across a restart too', async () => {
      const open = await opener(engine);
      let store = await open();
      try {
        const first = [0, 1, 2].map((n) => span('w1', 7, n));
        // The same span twice in one commit (a client retry grouped with its original): the last wins.
        await commit(store, [...first, span('w1', 7, 2, 'retried'), span('w2', 7, 0)]);
        assert.deepEqual(await names(store, 'w1'), ['span 0', 'span 1', 'retried']);
        await commit(store, [span('w1', 7, 1, 'updated'), span('w1', 8, 0)]);
        assert.deepEqual(await names(store, 'w1'), ['span 0', 'updated', 'retried', 'span 0']);
        await store.close();
        store = await open();
        await commit(store, [...first, span('w1', 8, 0, 'after restart')]);
        assert.deepEqual(await names(store, 'w1'), ['span 0', 'span 1', 'span 2', 'after restart']);
        assert.deepEqual(await names(store, 'w2'), ['span 0']);
        const [t] = await store.query<{ start: string; d: number }>(
          "SELECT start_time AS start, duration_ms AS d FROM spans WHERE workspace_id = 'w2'",
        );
        assert.equal(t.start, new Date(T0).toISOString());
        assert.equal(t.d, 5.333);
      } finally {
        await store.close();
      }
    });
  });
}
