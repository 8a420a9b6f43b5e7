// Running every migration on an empty database gives exactly the catalogue's schema, on both engines: the same
// tables, columns, types, nullability, defaults and (PostgreSQL) indexes as the DDL rendered from the catalogue.
// When they disagree, the failure prints the ALTER TABLE statements the new step needs (columnSteps.ts).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { CATALOGUE, type DialectName, schemaDdl, tableIndexes } from '@llm-analytics/core';
import pg from 'pg';
import { columnSteps, type LiveColumn } from '../../src/store/columnSteps.ts';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { migrateTo } from '../helpers/migrateTo.ts';
import { PG_ADMIN_URL } from '../helpers/testServer.ts';

const LATEST = Math.max(...MIGRATIONS.map((m) => m.version));
const COLUMNS = `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
  FROM information_schema.columns WHERE table_schema = $1 AND table_name <> 'schema_migrations'
  ORDER BY table_name, column_name`;

type Run = (sql: string) => Promise<unknown>;
const columnRows = (rows: Record<string, unknown>[]) =>
  rows.filter((r) => typeof r.column_name === 'string') as unknown as LiveColumn[];
/** The schema `build` leaves, as comparable rows. */
type Describe = (build: (run: Run) => Promise<void>) => Promise<Record<string, unknown>[]>;

const migrated = (d: DialectName) => (run: Run) => migrateTo(run, d, LATEST);
const fromCatalogue = (d: DialectName) => async (run: Run) => {
  for (const sql of schemaDdl(d)) await run(sql);
};

async function duckdbSchema(build: (run: Run) => Promise<void>): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    await build((sql) => c.run(sql));
    const sql = COLUMNS.replace('udt_name, ', '').replace('$1', "'main'");
    return (await c.runAndReadAll(sql)).getRowObjectsJS();
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

const schemas: string[] = [];
const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
const connected = admin.connect();
after(async () => {
  await connected;
  for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await admin.end();
});

async function postgresSchema(build: (run: Run) => Promise<void>): Promise<Record<string, unknown>[]> {
  const schema = `lla_catalogue_${process.pid}_${schemas.length}_${Math.random().toString(36).slice(2, 8)}`;
  schemas.push(schema);
  await connected;
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.query(`SET search_path TO ${schema}`);
  await build((sql) => admin.query(sql));
  const columns = (await admin.query(COLUMNS, [schema])).rows;
  const indexes = (
    await admin.query(
      `SELECT tablename, indexname, replace(indexdef, $1 || '.', '') AS def FROM pg_indexes
       WHERE schemaname = $1 AND tablename <> 'schema_migrations' ORDER BY tablename, indexname`,
      [schema],
    )
  ).rows;
  return [...columns, ...indexes];
}

for (const [engine, describeSchema] of [
  ['duckdb', duckdbSchema],
  ['postgres', postgresSchema],
] as [DialectName, Describe][]) {
  describe(`on ${engine}`, () => {
    it('every migration, run on an empty database, leaves exactly the catalogue schema', async () => {
      const fromMigrations = await describeSchema(migrated(engine));
      const expected = await describeSchema(fromCatalogue(engine));
      const steps = columnSteps(engine, columnRows(fromMigrations));
      assert.deepEqual(
        steps,
        { add: [], extra: [] },
        `the migrations and the catalogue disagree on ${engine}: a new step in migrations.ts needs\n  ${steps.add.join(';\n  ')}\n(and a backfill for carried copies); columns no catalogue entry declares: ${steps.extra.join(', ') || 'none'}`,
      );
      // Table by table, so a disagreement names its table and the diff stays short.
      for (const t of CATALOGUE) {
        const of = (rows: Record<string, unknown>[]) =>
          rows.filter((r) => (r.table_name ?? r.tablename) === t.name);
        assert.deepEqual(of(fromMigrations), of(expected), `table ${t.name}`);
      }
      assert.deepEqual(fromMigrations, expected);
    });

    it('the generated steps take an older schema to the catalogue columns', async () => {
      // Version 2 predates the value codes, the carried context and (DuckDB) the workspace key and commit
      // numbers: the steps must add every one of them with the catalogue's type, nullability and default.
      const v2 = (run: Run) => migrateTo(run, engine, 2);
      const steps = columnSteps(engine, columnRows(await describeSchema(v2))).add;
      const stepped = await describeSchema(async (run) => {
        await v2(run);
        for (const sql of steps) await run(sql);
      });
      assert.ok(steps.filter((s) => s.startsWith('ALTER TABLE ')).length > 5, steps.join('\n'));
      assert.deepEqual(columnRows(stepped), columnRows(await describeSchema(fromCatalogue(engine))));
    });

    it('holds every catalogue table and no other', async () => {
      const rows = await describeSchema(migrated(engine));
      const tables = [...new Set(rows.map((r) => r.table_name ?? r.tablename))].sort();
      assert.deepEqual(tables, CATALOGUE.map((t) => t.name).sort());
    });
  });
}

it('the migrated PostgreSQL unique indexes are exactly the catalogue keys and unique indexes', async () => {
  const rows = await postgresSchema(migrated('postgres'));
  const unique = rows
    .filter((r) => typeof r.def === 'string' && r.def.startsWith('CREATE UNIQUE INDEX'))
    .map((r) => `${r.tablename}(${String(r.def).replace(/.*USING btree \((.*)\)$/, '$1')})`)
    .sort();
  const expected = CATALOGUE.flatMap((t) =>
    tableIndexes(t)
      .filter(([, , isUnique]) => isUnique)
      .map(([, cols]) => `${t.name}(${cols.join(', ')})`),
  ).sort();
  assert.deepEqual(unique, expected);
});
