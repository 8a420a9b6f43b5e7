import { DuckDBInstance } from '@duckdb/node-api';
import { MIGRATIONS } from './src/store/migrations.ts';
const inst = await DuckDBInstance.create('/tmp/t1.duckdb'); const c = await inst.connect();
for (const s of MIGRATIONS[0].sql('duckdb')) await c.run(s);
await c.run('CHECKPOINT');
const base = Date.parse('2026-09-01T00:00:00Z');
const S = JSON.stringify({ workspace_id: 'VARCHAR', id: 'VARCHAR', conversation_id: 'VARCHAR', role: 'VARCHAR', content: 'VARCHAR', created_at: 'DOUBLE', model_id: 'VARCHAR', provider: 'VARCHAR', input_tokens: 'INTEGER', output_tokens: 'INTEGER', latency_ms: 'INTEGER', tools_called: 'VARCHAR', tool_success: 'BOOLEAN', error_type: 'VARCHAR', metadata: 'VARCHAR' });
const sql = `INSERT INTO messages SELECT r.workspace_id, r.id, r.conversation_id, r.role, r.content, make_timestamp(round(r.created_at*1000)::BIGINT), r.model_id, r.provider, r.input_tokens, r.output_tokens, r.latency_ms, r.tools_called, r.tool_success, r.error_type, r.metadata FROM (SELECT unnest(from_json($1::VARCHAR, '[${S}]')) AS r)`;
const T = { begin: 0, insert: 0, commit: 0 };
for (let b = 0; b < 200; b++) {
  const rows = Array.from({ length: 1000 }, (_, i) => { const n = b * 1000 + i; return { workspace_id: 'default', id: `x-${n}`, conversation_id: `c${n >> 3}`, role: 'user', content: 'Here is a concise answer to your question about the billing plan.', created_at: base + n * 1000, model_id: 'gpt-4o', provider: 'openai', input_tokens: 100, output_tokens: 50, latency_ms: 200 + n % 1000, tools_called: null, tool_success: null, error_type: null, metadata: null }; });
  const p = JSON.stringify(rows);
  let t = performance.now(); await c.run('BEGIN'); T.begin += performance.now() - t;
  t = performance.now(); await c.run(sql, [p]); T.insert += performance.now() - t;
  t = performance.now(); await c.run('COMMIT'); T.commit += performance.now() - t;
}
console.log(Object.fromEntries(Object.entries(T).map(([k, v]) => [k, (v / 200).toFixed(2) + ' ms'])));
