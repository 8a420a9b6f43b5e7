// Filter trees and other client JSON of any depth, through the real HTTP server on both engines: a 400 with a
// code and the path of the first level past QUERY_LIMITS.filterDepth, never a 500, and the server keeps serving.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FILTER_TOO_DEEP, QUERY_LIMITS } from '@llm-analytics/core';
import { ENGINES } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

const MAX = QUERY_LIMITS.filterDepth;
const LEAF = '["eq","model","m"]';
/** JSON text of `levels` filter levels, the leaf included, built as text: JSON.stringify itself overflows. */
const nested = (levels: number, open: string, close: string) =>
  `${open.repeat(levels - 1)}${LEAF}${close.repeat(levels - 1)}`;
const notChain = (levels: number) => nested(levels, '["not",', ']');
const andChain = (levels: number) => nested(levels, '["and",[', ']]');
/** Not a filter at all, but the schema tries every alternative on it and recurses once per level. */
const junk = (levels: number) => nested(levels, '[0,', ']');
const notPath = `filters${'[1]'.repeat(MAX)}`;

interface ErrorReply {
  error?: { code: string; message: string; issues?: { path: string; message: string }[] };
}

for (const engine of ENGINES) {
  describe(`deep filter trees answer 400 on ${engine}`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ engine });
    });
    after(() => s.close());

    const send = async (method: string, path: string, body?: string) => {
      const res = await fetch(`${s.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${s.adminKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body }),
      });
      return { status: res.status, body: (await res.json()) as ErrorReply & Record<string, unknown> };
    };
    const query = (filters: string) =>
      send(
        'POST',
        '/api/analytics/query',
        `{"metrics":["messages"],"date_range":"all","filters":${filters}}`,
      );

    it(`POST /api/analytics/query: ${MAX} levels of not and of and answer rows`, async () => {
      for (const filters of [notChain(MAX), andChain(MAX)]) {
        const ok = await query(filters);
        assert.equal(ok.status, 200, JSON.stringify(ok.body));
        assert.deepEqual(ok.body.rows, [{ messages: 0 }]);
      }
    });

    const cases: [string, string, string | RegExp][] = [
      [`${MAX + 1} levels of not`, notChain(MAX + 1), notPath],
      ['5,000 levels of not', notChain(5000), notPath],
      ['100,000 levels of not', notChain(100_000), notPath],
      ['100,000 levels of and', andChain(100_000), `filters${'[1][0]'.repeat(MAX)}`],
      ['100,000 levels of [0, f]', junk(100_000), /^filters(\[1\])+$/],
    ];
    for (const [name, filters, path] of cases) {
      it(`POST /api/analytics/query: ${name} is a 400 invalid_filter at its path, stating the limit`, async () => {
        const r = await query(filters);
        assert.equal(r.status, 400, `${name}: ${JSON.stringify(r.body).slice(0, 300)}`);
        assert.equal(r.body.error?.code, 'invalid_filter', name);
        const issue = r.body.error?.issues?.[0];
        assert.ok(issue, `${name}: an issue with a path`);
        if (typeof path === 'string') assert.equal(issue.path, path, name);
        else assert.match(issue.path, path, name);
        assert.equal(r.body.error?.message, `${issue.path}: ${FILTER_TOO_DEEP}`, name);
        assert.match(FILTER_TOO_DEEP, new RegExp(`at most ${MAX} levels`));
      });
    }

    it('GET /api/analytics/judgment-examples: a deep filters parameter is a 400 naming filters', async () => {
      // Sent unescaped (a URL keeps [ ] , as they are), 3,000 levels fit Node's 16 KB request head and are
      // beyond what the schema's recursion survived.
      for (const filters of [junk(3000), notChain(MAX + 1)]) {
        const r = await send('GET', `/api/analytics/judgment-examples?filters=${filters}`);
        assert.equal(r.status, 400, JSON.stringify(r.body).slice(0, 300));
        assert.equal(r.body.error?.code, 'invalid_parameters');
        assert.match(r.body.error?.issues?.[0]?.path ?? '', /^filters\.1/);
        assert.match(r.body.error?.message ?? '', new RegExp(FILTER_TOO_DEEP));
      }
    });

    it('PUT /api/settings: a deep price book is a 400 and changes nothing', async () => {
      const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
      const r = await send('PUT', '/api/settings', `{"price_book":{"models":{"m":${deep}}}}`);
      assert.equal(r.status, 400, JSON.stringify(r.body).slice(0, 300));
      assert.equal(r.body.error?.code, 'validation_failed');
      assert.deepEqual((await s.ctx.settings.get(s.workspaceId)).price_book.models, {});
    });

    it('the server keeps answering afterwards', async () => {
      const r = await query(LEAF);
      assert.equal(r.status, 200);
      assert.deepEqual(r.body.rows, [{ messages: 0 }]);
    });
  });
}
