// The store's boundary, read from the source: only the engine modules (and the one place choosing the engine)
// import an engine or its driver, and no service or route sends inline SQL: every statement outside the
// store is a query module's (a `queries/` folder) or a compiled analytics query.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const ENGINE_DIRS = ['store/duckdb', 'store/postgres'];
/** Where the engine is chosen: the only module outside the engines that may name them. */
const CHOOSER = 'openStore.ts';
const DRIVERS = ['@duckdb/node-api', 'pg'];
/** DuckDB as a file-format library on a private in-memory instance holding no store data (Parquet exports). */
const LIBRARY_USES = ['exports/writers/writeParquet.ts'];

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

const FILES = sources(SRC).map((p) => ({ path: relative(SRC, p), text: readFileSync(p, 'utf8') }));
const within = (path: string, dir: string) => path.startsWith(`${dir}/`);

/** Module specifiers of a file's imports and re-exports, relative ones resolved against SRC. */
function imports(file: { path: string; text: string }): string[] {
  const specs = [...file.text.matchAll(/(?:import|export)\s[^;]*?from\s+'([^']+)'/g)].map((m) => m[1]);
  return specs.map((s) => (s.startsWith('.') ? relative(SRC, resolve(SRC, dirname(file.path), s)) : s));
}

/**
 * `.query(` calls that may send inline SQL: the compiled-query service (`analytics.query`) and statements the
 * compiler produced (`compiled.…`) are not.
 */
function inlineQueries(text: string): string[] {
  const calls = [...text.matchAll(/(\w+)\s*\.query\s*(?:<[^()]*?>)?\s*\(\s*([^\s,)]*)/g)];
  return calls
    .filter(([, receiver, arg]) => receiver !== 'analytics' && !arg.startsWith('compiled.'))
    .map(([call]) => call);
}

describe('the store boundary', () => {
  it('finds the source files', () => {
    assert.ok(FILES.length > 50, `${FILES.length} files`);
    assert.ok(FILES.some((f) => f.path === CHOOSER));
  });

  it('only the engines and openStore import an engine module or a database driver', () => {
    const offenders: string[] = [];
    for (const f of FILES) {
      for (const spec of imports(f)) {
        const engine = ENGINE_DIRS.find((d) => within(spec, d));
        if (engine && !within(f.path, engine) && f.path !== CHOOSER) offenders.push(`${f.path} → ${spec}`);
        const driver = DRIVERS.find((d) => spec === d || spec.startsWith(`${d}/`));
        const allowed = ENGINE_DIRS.some((d) => within(f.path, d)) || LIBRARY_USES.includes(f.path);
        if (driver && !allowed) offenders.push(`${f.path} → ${spec}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('the check sees an inline statement, and lets query modules and compiled queries through', () => {
    assert.deepEqual(inlineQueries("await this.store.query<{ n: number }>('SELECT 1')"), [
      "store.query<{ n: number }>('SELECT",
    ]);
    assert.equal(inlineQueries('await db.query(\n  `DELETE FROM x`, [id])').length, 1);
    assert.equal(inlineQueries('const r = await store.query(sql, values)').length, 1);
    assert.deepEqual(inlineQueries('this.store.query(compiled.sql, compiled.params)'), []);
    assert.deepEqual(inlineQueries('deps.analytics.query(workspaceId, q, now)'), []);
  });

  it('no file outside the store and the query modules sends SQL of its own', () => {
    const offenders = FILES.filter((f) => !within(f.path, 'store') && !f.path.includes('/queries/')).flatMap(
      (f) => inlineQueries(f.text).map((call) => `${f.path}: ${call}`),
    );
    assert.deepEqual(offenders, []);
  });

  it('each query module exports one function that takes the store or a transaction first', () => {
    const modules = FILES.filter((f) => f.path.includes('/queries/'));
    assert.ok(modules.length >= 30, `${modules.length} query modules`);
    for (const m of modules) {
      const name = m.path.split('/').pop()!.replace(/\.ts$/, '');
      const fns = [...m.text.matchAll(/export (?:async )?function (\w+)\s*\(\s*db: Db\b/g)].map((x) => x[1]);
      assert.deepEqual(fns, [name], `${m.path} exports ${name}(db: Db, …)`);
    }
  });
});
