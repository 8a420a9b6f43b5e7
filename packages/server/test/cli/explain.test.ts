// `llm-analytics explain` through the real launcher: the plan and laid-out SQL per dialect, one dialect, the
// --json shape (whose SQL must be exactly compileQuery's for the same context), and exit 2 on a bad query.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type AnalyticsQuery, type CompiledQuery, compileQuery, formatSql } from '@llm-analytics/core';
import { EXPLAIN_WORKSPACE_KEY, explainContext } from '../../src/cli/explain.ts';

const BIN = fileURLToPath(new URL('../../bin/llm-analytics.mjs', import.meta.url));
const run = promisify(execFile);
const NOW = '2025-06-01T12:00:00.000Z';
const explain = (query: unknown, ...flags: string[]) =>
  run(process.execPath, [BIN, 'explain', JSON.stringify(query), '--now', NOW, ...flags], {
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '' },
  });

const compiled = (q: AnalyticsQuery, dialect: 'duckdb' | 'postgres'): CompiledQuery =>
  compileQuery(q, {
    ...explainContext({ workspace: 'default', now: new Date(NOW) }),
    dialect,
    ...(dialect === 'duckdb' ? { workspaceKey: EXPLAIN_WORKSPACE_KEY } : {}),
  });

interface ExplainJson {
  query: unknown;
  context: { workspace_id: string; now: string };
  plan: { main: { source: string; parts: { kind: string }[] }; comparison: { form: string } | null };
  dialects: Record<
    string,
    { meta: unknown; periods: boolean; statements: { role: string; sql: string; params: unknown[] }[] }
  >;
}

describe('llm-analytics explain', () => {
  const costByModel: AnalyticsQuery = {
    metrics: ['cost', 'messages'],
    dimensions: ['model'],
    date_range: '7d',
  };

  it('prints the plan, then each dialect’s laid-out SQL and params', async () => {
    const { stdout } = await explain(costByModel);
    assert.match(stdout, /^plan$/m);
    assert.match(stdout, /part 1: priced: additive n, in_tok, out_tok, tok_msgs · priced cost, unpriced/);
    assert.match(stdout, /source: parts/);
    const duck = stdout.indexOf('\nduckdb\n');
    const pg = stdout.indexOf('\npostgres\n');
    assert.ok(duck > 0 && pg > duck, stdout);
    for (const [dialect, at, end] of [
      ['duckdb', duck, pg],
      ['postgres', pg, stdout.length],
    ] as const) {
      const c = compiled(costByModel, dialect);
      const section = stdout.slice(at, end);
      assert.ok(section.includes(`${formatSql(c.sql)};`), `${dialect}: the laid-out compiled SQL`);
      assert.ok(section.includes(`-- params: ${JSON.stringify(c.params)}`), `${dialect}: its params`);
    }
  });

  it('--dialect prints one dialect', async () => {
    const { stdout } = await explain(costByModel, '--dialect', 'postgres');
    assert.match(stdout, /^postgres$/m);
    assert.doesNotMatch(stdout, /^duckdb$/m);
  });

  it('--json: plan and statements, the SQL exactly what compileQuery returns', async () => {
    const queries: AnalyticsQuery[] = [
      costByModel,
      { metrics: ['latency_p50', 'latency_p99', 'messages'], date_range: '30d' },
      {
        metrics: ['success_rate', 'latency_p50'],
        dimensions: ['time'],
        date_range: '30d',
        compare: 'previous_period',
      },
      { metrics: ['messages', 'errors'], date_range: '7d', compare: 'previous_period' },
      { metrics: ['conversations'], dimensions: ['conversation_length'], date_range: '30d' },
    ];
    const kinds: string[] = [];
    for (const q of queries) {
      const out = JSON.parse((await explain(q, '--json')).stdout) as ExplainJson;
      assert.deepEqual(out.query, q);
      assert.deepEqual(out.context, { ...out.context, workspace_id: 'default', now: NOW });
      assert.deepEqual(Object.keys(out.dialects), ['duckdb', 'postgres']);
      for (const dialect of ['duckdb', 'postgres'] as const) {
        const c = compiled(q, dialect);
        const d = out.dialects[dialect];
        assert.deepEqual(d.meta, c.meta);
        assert.equal(d.periods, c.periods ?? false);
        const expected = [
          { role: 'main', sql: c.sql, params: c.params },
          ...(c.comparison
            ? [{ role: 'comparison', sql: c.comparison.sql, params: c.comparison.params }]
            : []),
        ];
        assert.deepEqual(d.statements, expected, `${dialect}: ${JSON.stringify(q)}`);
      }
      kinds.push(
        `${out.plan.main.source}:${out.plan.main.parts.map((p) => p.kind).join('+')}:${out.plan.comparison?.form ?? '-'}`,
      );
    }
    assert.deepEqual(kinds, [
      'parts:priced:-',
      'parts:direct+histogram:-',
      'parts:direct+direct:own-statement',
      'parts:direct:one-statement',
      'rollup::-',
    ]);
  });

  it('exits 2 with the QueryError as JSON on stderr for an invalid query', async () => {
    for (const [query, code, path] of [
      [{ metrics: ['nope'], date_range: '30d' }, 'unknown_metric', 'metrics[0]'],
      [
        { metrics: ['messages'], dimensions: ['success'], date_range: '30d' },
        'unknown_dimension',
        'dimensions[0]',
      ],
      [{ metrics: ['messages'], date_range: '30d', filters: ['eq', 'model'] }, 'invalid_filter', 'filters'],
    ] as const) {
      await assert.rejects(explain(query), (e: { code: number; stdout: string; stderr: string }) => {
        assert.equal(e.code, 2);
        assert.equal(e.stdout, '');
        const err = JSON.parse(e.stderr) as { code: string; message: string; path: string };
        assert.equal(err.code, code);
        assert.ok(err.path.startsWith(path), err.path);
        assert.ok(err.message.length > 0);
        return true;
      });
    }
    await assert.rejects(
      run(process.execPath, [BIN, 'explain', '{not json']),
      (e: { code: number; stderr: string }) => e.code === 2 && JSON.parse(e.stderr).code === 'invalid_query',
    );
  });
});
