// The prepared-statement cache answers exactly as unprepared runs do: with new parameters each time, when the
// same statement runs twice at once, past its size limit, and for SQL that cannot be prepared.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { PreparedCache } from '../../src/store/duckdb/PreparedCache.ts';

describe('PreparedCache', async () => {
  const instance = await DuckDBInstance.create(':memory:');
  const cache = new PreparedCache(await instance.connect(), 2);
  after(async () => {
    await cache.close();
    instance.closeSync();
  });
  const value = async (sql: string, params: (string | number)[]) =>
    (await cache.run(sql, params)).getRowsJS()[0]?.[0];

  it('binds new parameters on every run of a cached statement', async () => {
    const sql = 'SELECT $1::INTEGER * 2';
    assert.equal(await value(sql, [2]), 4);
    assert.equal(await value(sql, [5]), 10);
  });

  it('runs the same statement twice at once with each its own parameters', async () => {
    const sql = 'SELECT sum(i) + $1::BIGINT FROM range(200000) t(i)';
    const [a, b] = await Promise.all([value(sql, [1]), value(sql, [2])]);
    assert.equal(BigInt(b as bigint) - BigInt(a as bigint), 1n);
  });

  it('keeps answering after evicting statements beyond its limit', async () => {
    for (let i = 0; i < 5; i++) assert.equal(await value(`SELECT ${i} + $1::INTEGER`, [1]), i + 1);
    assert.equal(await value('SELECT 0 + $1::INTEGER', [7]), 7);
  });

  it('runs SQL that cannot be prepared (several statements) unprepared, and reports real errors', async () => {
    await cache.run('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)', []);
    assert.equal(await value('SELECT count(*) FROM t', []), 1n);
    await assert.rejects(cache.run('SELECT * FROM no_such_table', []), /no_such_table/);
  });
});
