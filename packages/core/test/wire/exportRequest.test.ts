// The export request schema: the seed's fields, the filter tree and a query, and every combination that cannot
// mean anything rejected with the path of the field at fault.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExportRequestSchema } from '../../src/wire/exports.ts';

const RANGE = { startDate: '2025-06-01', endDate: '2025-06-15' };
/** The issues of an invalid request as `path: message`. */
function issues(body: unknown): string[] {
  const r = ExportRequestSchema.safeParse(body);
  assert.equal(r.success, false, `${JSON.stringify(body)} must be rejected`);
  return r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}
const paths = (body: unknown) => issues(body).map((i) => i.split(':')[0]);

describe('ExportRequestSchema', () => {
  it('accepts the seed request and the new fields', () => {
    for (const body of [
      { format: 'csv', exportType: 'overview', ...RANGE },
      { format: 'json', exportType: 'timeseries', ...RANGE, includedMetrics: ['cost'], granularity: 'week' },
      { format: 'parquet', exportType: 'complete', ...RANGE, filters: ['eq', 'model', 'gpt-4o'] },
      {
        format: 'jsonl',
        exportType: 'model_comparison',
        startDate: '2025-06-01T00:00:00Z',
        endDate: '2025-06-02T00:00:00+02:00',
      },
      { format: 'csv', exportType: 'query', query: { metrics: ['messages'], date_range: '7d' } },
      { format: 'pdf', exportType: 'overview', ...RANGE },
    ]) {
      const r = ExportRequestSchema.safeParse(body);
      assert.ok(r.success, `${JSON.stringify(body)}: ${JSON.stringify(r.error?.issues)}`);
    }
  });

  it('rejects bad fields and bad combinations, naming the field', () => {
    assert.deepEqual(paths({ format: 'xls', exportType: 'overview', ...RANGE }), ['format']);
    assert.deepEqual(paths({ format: 'csv', exportType: 'everything', ...RANGE }), ['exportType']);
    assert.deepEqual(paths({ format: 'csv', exportType: 'overview' }), ['startDate', 'endDate']);
    assert.deepEqual(
      paths({ format: 'csv', exportType: 'overview', startDate: 'yesterday', endDate: '2025-06-01' }),
      ['startDate'],
    );
    assert.deepEqual(
      paths({ format: 'csv', exportType: 'overview', startDate: '2025-06-15', endDate: '2025-06-01' }),
      ['endDate'],
    );
    assert.deepEqual(
      paths({ format: 'csv', exportType: 'overview', ...RANGE, includedMetrics: ['messages', 'bogus'] }),
      ['includedMetrics.1'],
    );
    assert.deepEqual(paths({ format: 'csv', exportType: 'query' }), ['query']);
    assert.deepEqual(
      paths({
        format: 'csv',
        exportType: 'query',
        ...RANGE,
        query: { metrics: ['messages'], date_range: '7d' },
      }),
      ['startDate', 'endDate'],
    );
    assert.deepEqual(
      paths({
        format: 'csv',
        exportType: 'overview',
        ...RANGE,
        query: { metrics: ['messages'], date_range: '7d' },
      }),
      ['query'],
    );
    assert.deepEqual(
      paths({ format: 'csv', exportType: 'query', query: { metrics: [], date_range: '7d' } }),
      ['query.metrics'],
    );
    assert.deepEqual(paths({ format: 'csv', exportType: 'complete', ...RANGE, includedMetrics: ['cost'] }), [
      'includedMetrics',
    ]);
    assert.deepEqual(paths({ format: 'report', exportType: 'complete', ...RANGE }), ['exportType']);
    assert.deepEqual(paths({ format: 'csv', exportType: 'overview', ...RANGE, granularity: 'day' }), [
      'granularity',
    ]);
    assert.deepEqual(paths({ format: 'csv', exportType: 'overview', ...RANGE, filters: ['eq', 'model'] }), [
      'filters',
    ]);
    assert.deepEqual(paths({ format: 'csv', exportType: 'overview', ...RANGE, extra: 1 }), ['']);
  });

  it('rejects a filter tree too deep at its first level past the limit', () => {
    let deep: unknown = ['eq', 'model', 'x'];
    for (let i = 0; i < 10; i++) deep = ['not', deep];
    const p = paths({ format: 'csv', exportType: 'overview', ...RANGE, filters: deep });
    assert.equal(p.length, 1);
    assert.match(p[0], /^filters(\.1)+$/);
  });
});
