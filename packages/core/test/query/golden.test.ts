// Golden SQL: every case of goldenQueries.ts compiled for each dialect must equal its stored snapshot under
// golden/<dialect>/<case>.sql (meta, params and the laid-out SQL). Regenerate after an intended change with
// `npm run golden` and review the diff: it is the exact SQL every changed query now runs.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { type CompileContext, type CompiledStatement, compileQuery } from '../../src/query/compileQuery.ts';
import type { DialectName } from '../../src/query/dialect/SqlDialect.ts';
import { formatSql } from '../../src/query/formatSql.ts';
import { GOLDEN_QUERIES } from './goldenQueries.ts';

const DIR = new URL('./golden/', import.meta.url);
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const DIALECTS: DialectName[] = ['duckdb', 'postgres'];

/** As the server compiles: DuckDB keeps fact rows to the workspace by its integer key, PostgreSQL by id. */
function context(dialect: DialectName): CompileContext {
  return {
    workspaceId: 'ws-1',
    now: new Date('2025-06-01T12:00:00Z'),
    dialect,
    slaThresholdMs: 1500,
    priceBook: {
      default: { input_per_1k: 0.001, output_per_1k: 0.002 },
      providers: { OpenAI: { input_per_1k: 0.005, output_per_1k: 0.015 } },
      models: { 'my-ft': { input_per_1k: 0.0001, output_per_1k: 0.0002 } },
    },
    catalogPrices: [
      { provider: 'anthropic', model_id: 'claude', price: { input_per_1k: 0.003, output_per_1k: 0.015 } },
    ],
    dataSpan: { from: new Date('2024-01-01T00:00:00Z'), to: new Date('2025-06-01T00:00:00Z') },
    ...(dialect === 'duckdb' ? { workspaceKey: 7 } : {}),
  };
}

const statement = (s: CompiledStatement) => `-- params: ${JSON.stringify(s.params)}\n${formatSql(s.sql)};\n`;

function snapshot(name: string, dialect: DialectName): string {
  const q = GOLDEN_QUERIES[name];
  const c = compileQuery(q, context(dialect));
  const head = [
    `-- ${name} (${dialect})`,
    `-- query: ${JSON.stringify(q)}`,
    `-- meta: ${JSON.stringify(c.meta)}${c.periods ? '\n-- periods: both in one statement' : ''}`,
  ].join('\n');
  const comparison = c.comparison ? `\n-- comparison statement\n${statement(c.comparison)}` : '';
  return `${head}\n${statement(c)}${comparison}`;
}

for (const dialect of DIALECTS) {
  describe(`golden SQL (${dialect})`, () => {
    const dir = new URL(`${dialect}/`, DIR);
    if (UPDATE) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
    }
    for (const name of Object.keys(GOLDEN_QUERIES)) {
      it(name, () => {
        const file = new URL(`${name}.sql`, dir);
        const sql = snapshot(name, dialect);
        if (UPDATE) writeFileSync(file, sql);
        assert.equal(sql, readFileSync(file, 'utf8'), `${dialect}/${name}.sql is stale: run npm run golden`);
      });
    }
    it('has one snapshot per case and no stale ones', () => {
      const files = readdirSync(dir).filter((f) => f.endsWith('.sql'));
      assert.deepEqual(
        files.sort(),
        Object.keys(GOLDEN_QUERIES)
          .map((n) => `${n}.sql`)
          .sort(),
      );
    });
  });
}
