// Cohorts on both engines through the real server: membership materialised by the job against an independent
// computation on the raw rows (an empty cohort, users in several cohorts, a static list with unknown ids), the
// live preview, the cohort filter and dimension combined with other filters, retention shares, edits, deletes
// and 400s.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { compileEvaluationRows, compileRawBounds, registry } from '@llm-analytics/core';
import { scopeKey } from '../../src/store/FactScope.ts';
import { call } from '../accounts/helpers.ts';
import { ENGINES } from '../helpers/engines.ts';
import { post } from '../helpers/post.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { type Fixture, generateFixture, type RawMessage, toBatch } from './fixture.ts';

const BASE = '/api/analytics/cohorts';
const DAY = 86_400_000;
const NOW = Date.now();
const TODAY = Math.floor(NOW / DAY) * DAY;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Each definition with its oracle over the raw messages (users as a set). */
function definitions(f: Fixture) {
  const byUser = new Map<string, RawMessage[]>();
  for (const m of f.messages) if (m.user_id) byUser.set(m.user_id, [...(byUser.get(m.user_id) ?? []), m]);
  const where = (p: (ms: RawMessage[], u: string) => boolean) =>
    new Set([...byUser].filter(([u, ms]) => p(ms, u)).map(([u]) => u));
  const convs = (ms: RawMessage[]) => new Set(ms.map((m) => m.conversation_id)).size;
  const newFrom = TODAY - 30 * DAY;
  const weekFrom = TODAY - 7 * DAY;
  return {
    heavy: {
      def: { type: 'dynamic', conditions: [{ kind: 'activity', metric: 'conversations', min: 5 }] },
      users: where((ms) => convs(ms) >= 5),
    },
    fine_tune: {
      def: { type: 'dynamic', conditions: [{ kind: 'used', dimension: 'training_method', values: ['sft'] }] },
      users: where((ms) => ms.some((m) => m.model_id === 'ft-m')),
    },
    widget_and_low_rating: {
      def: {
        type: 'dynamic',
        match: 'all',
        conditions: [
          { kind: 'used', dimension: 'widget', values: [true] },
          { kind: 'rating', at_most: 2 },
        ],
      },
      users: where((ms) => ms.some((m) => m.widget) && ms.some((m) => m.rating !== null && m.rating <= 2)),
    },
    error_or_filter: {
      def: {
        type: 'dynamic',
        match: 'any',
        conditions: [{ kind: 'error' }, { kind: 'filter', filter: ['eq', 'model', 'ft-m'] }],
      },
      users: where((ms) => ms.some((m) => m.error_type !== null || m.model_id === 'ft-m')),
    },
    new_users: {
      def: {
        type: 'dynamic',
        conditions: [{ kind: 'first_seen', date_range: { from: isoDay(newFrom), to: isoDay(TODAY) } }],
      },
      users: where((ms) => Math.min(...ms.map((m) => m.created_ms)) >= newFrom),
    },
    quiet_this_week: {
      def: {
        type: 'dynamic',
        conditions: [
          {
            kind: 'activity',
            metric: 'messages',
            max: 0,
            date_range: { from: isoDay(weekFrom), to: isoDay(TODAY) },
          },
        ],
      },
      users: where((ms) => ms.every((m) => m.created_ms < weekFrom)),
    },
    nobody: {
      def: { type: 'dynamic', conditions: [{ kind: 'activity', metric: 'messages', min: 100_000 }] },
      users: new Set<string>(),
    },
    uploaded: {
      def: { type: 'static', user_ids: ['u1', 'u2', 'ghost-1', 'u1', 'ghost-2'] },
      users: new Set(['u1', 'u2']),
    },
  } as const;
}

for (const engine of ENGINES) {
  describe(`cohorts on ${engine}`, () => {
    let s: TestServer;
    let f: Fixture;
    let defs: ReturnType<typeof definitions>;
    const ids: Record<string, string> = {};
    const members = async (id: string) =>
      new Set(
        (
          await s.ctx.store.query<{ user_id: string }>(
            'SELECT user_id FROM analytics_cohort_members WHERE workspace_id = $1 AND cohort_id = $2',
            [s.workspaceId, id],
          )
        ).map((r) => r.user_id),
      );
    const query = async (q: unknown) => {
      const r = await post(`${s.url}/api/analytics/query`, s.adminKey, q);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body.rows as Record<string, unknown>[];
    };

    before(async () => {
      s = await startTestServer({ engine });
      f = generateFixture(20, NOW);
      defs = definitions(f);
      const r = await post(`${s.url}/api/ingest`, s.adminKey, toBatch(f));
      assert.equal(r.status, 200, JSON.stringify(r.body));
      for (const [name, d] of Object.entries(defs)) {
        const c = await call(s.url, 'POST', BASE, { key: s.adminKey, body: { name, definition: d.def } });
        assert.equal(c.status, 201, c.text);
        assert.equal(c.body.status, 'pending');
        assert.equal(c.body.size, null);
        ids[name] = c.body.id;
      }
      await s.ctx.jobRunner.drain();
    });
    after(() => s.close());

    it('materialises each cohort to exactly the independently computed users', async () => {
      const list = (await call(s.url, 'GET', BASE, { key: s.adminKey })).body.cohorts as {
        id: string;
        name: string;
        status: string;
        size: number;
        unmatched: number | null;
        computed_at: string | null;
      }[];
      assert.equal(list.length, Object.keys(defs).length);
      for (const c of list) {
        const d = defs[c.name as keyof typeof defs];
        assert.equal(c.status, 'ready', c.name);
        assert.ok(c.computed_at, c.name);
        assert.equal(c.size, d.users.size, c.name);
        assert.deepEqual(await members(c.id), d.users, c.name);
      }
      const uploaded = list.find((c) => c.name === 'uploaded')!;
      assert.equal(uploaded.unmatched, 2, 'two uploaded ids were never seen');
      assert.equal(list.find((c) => c.name === 'nobody')!.size, 0);
      // The generated data must exercise the edge cases: users in several cohorts, non-trivial sets.
      assert.ok(
        [...defs.heavy.users].some((u) => defs.fine_tune.users.has(u)),
        'a user in two cohorts',
      );
      for (const n of [
        'heavy',
        'fine_tune',
        'widget_and_low_rating',
        'new_users',
        'quiet_this_week',
      ] as const)
        assert.ok(defs[n].users.size > 0 && defs[n].users.size < 60, `${n} is a proper subset`);
    });

    it('previews the live count of a definition without storing anything', async () => {
      for (const name of ['heavy', 'uploaded', 'nobody'] as const) {
        const r = await post(`${s.url}${BASE}/preview`, s.adminKey, { definition: defs[name].def });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        assert.equal(r.body.users, defs[name].users.size, name);
      }
      const list = (await call(s.url, 'GET', BASE, { key: s.adminKey })).body.cohorts;
      assert.equal(list.length, Object.keys(defs).length);
    });

    it('filters and groups every query by cohort, combined with other filters', async () => {
      const heavy = defs.heavy.users;
      const ft = defs.fine_tune.users;
      const inAny = (u: string | null) => u !== null && (heavy.has(u) || ft.has(u));
      const expect = (keep: (m: RawMessage) => boolean) => {
        const ms = f.messages.filter(keep);
        return {
          messages: ms.length,
          users: new Set(ms.map((m) => m.user_id).filter(Boolean)).size,
          conversations: new Set(ms.map((m) => m.conversation_id)).size,
        };
      };
      const metrics = ['messages', 'users', 'conversations'];
      const [one] = await query({
        metrics,
        filters: [
          'and',
          [
            ['in', 'cohort', [ids.heavy, ids.fine_tune]],
            ['eq', 'model', 'base-m'],
          ],
        ],
        date_range: 'all',
      });
      assert.deepEqual(
        one,
        expect((m) => inAny(m.user_id) && m.model_id === 'base-m'),
      );
      const [rated] = await query({
        metrics: ['messages'],
        filters: [
          'and',
          [
            ['eq', 'cohort', ids.heavy],
            ['lte', 'rating', 2],
          ],
        ],
        date_range: 'all',
      });
      assert.equal(
        rated.messages,
        f.messages.filter((m) => m.user_id && heavy.has(m.user_id) && m.rating !== null && m.rating <= 2)
          .length,
      );
      const [outside] = await query({
        metrics,
        filters: [
          'or',
          [
            ['not_in', 'cohort', [ids.heavy]],
            ['eq', 'widget', true],
          ],
        ],
        date_range: 'all',
      });
      assert.deepEqual(
        outside,
        expect((m) => !(m.user_id && heavy.has(m.user_id)) || m.widget),
      );
      const [none] = await query({ metrics, filters: ['in', 'cohort', [ids.nobody]], date_range: 'all' });
      assert.deepEqual(none, { messages: 0, users: 0, conversations: 0 });

      const grouped = await query({
        metrics: ['messages', 'users'],
        dimensions: ['cohort'],
        filters: ['eq', 'model', 'ft-m'],
        date_range: 'all',
      });
      const byCohort = new Map(grouped.map((r) => [r.cohort, r]));
      for (const [name, d] of Object.entries(defs)) {
        const ms = f.messages.filter((m) => m.user_id && d.users.has(m.user_id) && m.model_id === 'ft-m');
        const row = byCohort.get(ids[name]);
        if (ms.length === 0) assert.equal(row, undefined, name);
        else
          assert.deepEqual(
            { messages: row?.messages, users: row?.users },
            { messages: ms.length, users: new Set(ms.map((m) => m.user_id)).size },
            name,
          );
      }
    });

    it('combined with a filter on every other dimension, equals the same filter on the members as users', async () => {
      // An independent route to the same rows: the `user` dimension with the member ids the oracle computed.
      const members = [...defs.heavy.users].sort();
      const metrics = [
        'messages',
        'users',
        'conversations',
        'avg_rating',
        'success_rate',
        'latency_p95',
        'cost',
      ];
      const leaves: { leaf: unknown; metrics: string[] }[] = [];
      const add = (d: { messageMetricsOnly?: true }, leaf: unknown) =>
        leaves.push({
          leaf,
          metrics: d.messageMetricsOnly ? ['messages', 'users', 'cost', 'latency_p95'] : metrics,
        });
      for (const d of registry.dimensions.values()) {
        if (d.id === 'cohort') continue;
        if (d.type === 'time') add(d, ['gte', d.id, new Date(NOW - 60 * DAY).toISOString()]);
        else if (d.type === 'number' || d.type === 'bucket') add(d, ['gte', d.id, 2]);
        else if (d.type === 'boolean') add(d, ['eq', d.id, true]);
        else {
          const [top] = await query({
            metrics: ['messages'],
            dimensions: [d.id],
            date_range: 'all',
            limit: 1,
            order_by: [['messages', 'desc']],
          });
          const v = top?.[d.id];
          if (typeof v === 'string') add(d, ['not', ['eq', d.id, v]]);
        }
      }
      assert.ok(leaves.length >= 10, `${leaves.length} dimensions covered`);
      // Grouped too, through the compiler's other paths (the conversation-length rollup, the time buckets).
      for (const dimensions of [['conversation_length'], ['time', 'model'], ['rating']]) {
        const q = (filters: unknown) => ({
          metrics:
            dimensions[0] === 'conversation_length' ? ['conversations'] : ['conversations', 'messages'],
          dimensions,
          filters,
          date_range: 'all',
        });
        assert.deepEqual(
          await query(q(['eq', 'cohort', ids.heavy])),
          await query(q(['in', 'user', members])),
          dimensions.join(),
        );
      }
      for (const { leaf, metrics } of leaves) {
        const [viaCohort] = await query({
          metrics,
          filters: ['and', [['eq', 'cohort', ids.heavy], leaf]],
          date_range: 'all',
        });
        const [viaUsers] = await query({
          metrics,
          filters: ['and', [['in', 'user', members], leaf]],
          date_range: 'all',
        });
        assert.deepEqual(viaCohort, viaUsers, JSON.stringify(leaf));
      }
    });

    it('keeps exported rows and evaluation listings to the members (the row compilers take the filter too)', async () => {
      const ctx = {
        workspaceId: s.workspaceId,
        workspaceKey: scopeKey(s.ctx.store.factScope(s.workspaceId)),
        dialect: s.ctx.store.dialect,
        now: new Date(),
      };
      const q = {
        date_range: 'all' as const,
        filters: ['eq', 'cohort', ids.fine_tune] as ['eq', string, string],
      };
      const members = defs.fine_tune.users;
      const bounds = compileRawBounds('messages', q, ctx, 1_000_000);
      const [page] = await s.ctx.store.query<{ total: number }>(bounds.sql, bounds.params);
      assert.equal(Number(page.total), f.messages.filter((m) => m.user_id && members.has(m.user_id)).length);
      const evals = compileEvaluationRows(q, ctx);
      const rows = await s.ctx.store.query(evals.sql, evals.params);
      assert.equal(
        rows.length,
        f.messages.filter((m) => m.rating !== null && m.user_id && members.has(m.user_id)).length,
      );
    });

    it('splits an experiment by cohort: variants filtered by cohort count their members', async () => {
      const created = await call(s.url, 'POST', '/api/analytics/experiments', {
        key: s.adminKey,
        body: {
          name: 'heavy vs rest',
          unit: 'user',
          variants: [
            { name: 'rest', filter: ['not_in', 'cohort', [ids.heavy]] },
            { name: 'heavy', filter: ['in', 'cohort', [ids.heavy]] },
          ],
          control: 'rest',
          primary_metric: 'success_rate',
        },
      });
      assert.equal(created.status, 201, created.text);
      const r = await call(s.url, 'GET', `/api/analytics/experiments/${created.body.id}/results`, {
        key: s.adminKey,
      });
      assert.equal(r.status, 200, r.text);
      const users = new Map(r.body.variants.map((v: { name: string; users: number }) => [v.name, v.users]));
      const all = new Set(f.messages.flatMap((m) => (m.user_id ? [m.user_id] : [])));
      assert.equal(users.get('heavy'), defs.heavy.users.size);
      assert.equal(users.get('rest'), all.size - defs.heavy.users.size);
      await call(s.url, 'DELETE', `/api/analytics/experiments/${created.body.id}`, { key: s.adminKey });
    });

    it('gives the retention matrix of a cohort: first-seen week × weeks since, complete weeks only', async () => {
      const r = await call(s.url, 'GET', `${BASE}/${ids.heavy}/retention?period=week&periods=6`, {
        key: s.adminKey,
      });
      assert.equal(r.status, 200, r.text);
      // Oracle: Monday-start weeks by walking days; the current week is incomplete.
      const monday = (ms: number) => {
        let d = Math.floor(ms / DAY) * DAY;
        while (new Date(d).getUTCDay() !== 1) d -= DAY;
        return d;
      };
      const current = monday(NOW);
      const weeks = Array.from({ length: 6 }, (_, i) => current - (6 - i) * 7 * DAY);
      const active = new Map<string, Set<number>>();
      for (const m of f.messages)
        if (m.user_id && defs.heavy.users.has(m.user_id) && monday(m.created_ms) < current)
          active.set(m.user_id, new Set([...(active.get(m.user_id) ?? []), monday(m.created_ms)]));
      const expected = weeks.flatMap((w, i) => {
        const group = [...active.values()].filter((set) => Math.min(...set) === w);
        if (group.length === 0) return [];
        const returning = weeks.slice(i).map((later) => group.filter((set) => set.has(later)).length);
        return [
          {
            start: new Date(w).toISOString(),
            users: group.length,
            returning,
            shares: returning.map((n) => n / group.length),
          },
        ];
      });
      assert.ok(expected.length >= 2, 'several first-seen weeks');
      assert.ok(
        expected.some((row) => row.shares.some((x) => x > 0 && x < 1)),
        'some users came back, some not',
      );
      assert.equal(r.body.complete_until, new Date(current).toISOString());
      assert.deepEqual(r.body.rows, expected);
      const month = await call(s.url, 'GET', `${BASE}/${ids.nobody}/retention?period=month`, {
        key: s.adminKey,
      });
      assert.deepEqual(month.body.rows, []);
    });

    it('recomputes on a new definition, keeps the membership on a rename, and deletes with its members', async () => {
      const renamed = await call(s.url, 'PATCH', `${BASE}/${ids.heavy}`, {
        key: s.adminKey,
        body: { name: 'Heavy users', description: 'five conversations or more' },
      });
      assert.equal(renamed.status, 200, renamed.text);
      assert.equal(renamed.body.status, 'ready');
      assert.equal(renamed.body.description, 'five conversations or more');
      const redefined = await call(s.url, 'PATCH', `${BASE}/${ids.uploaded}`, {
        key: s.adminKey,
        body: { definition: { type: 'static', user_ids: ['u3'] } },
      });
      assert.equal(redefined.body.status, 'pending');
      await s.ctx.jobRunner.drain();
      const after = await call(s.url, 'GET', `${BASE}/${ids.uploaded}`, { key: s.adminKey });
      assert.equal(after.body.status, 'ready');
      assert.equal(after.body.size, 1);
      assert.deepEqual(await members(ids.uploaded), new Set(['u3']));
      const [only] = await query({
        metrics: ['users'],
        filters: ['eq', 'cohort', ids.uploaded],
        date_range: 'all',
      });
      assert.equal(only.users, 1, 'the cached reply is not reused after the membership changed');

      assert.equal((await call(s.url, 'DELETE', `${BASE}/${ids.uploaded}`, { key: s.adminKey })).status, 204);
      assert.equal((await call(s.url, 'GET', `${BASE}/${ids.uploaded}`, { key: s.adminKey })).status, 404);
      assert.deepEqual(await members(ids.uploaded), new Set());
      const activity = await call(s.url, 'GET', '/api/activity', { key: s.adminKey });
      const actions = activity.body.events.map((e: { action: string }) => e.action);
      for (const a of ['cohort.create', 'cohort.update', 'cohort.delete']) assert.ok(actions.includes(a), a);
    });

    it('refuses bad definitions with 400s, changing nothing', async () => {
      const before = (await call(s.url, 'GET', BASE, { key: s.adminKey })).body.cohorts.length;
      const bad: unknown[] = [
        { name: 'x', definition: { type: 'dynamic', conditions: [] } },
        {
          name: 'x',
          definition: { type: 'dynamic', conditions: [{ kind: 'activity', metric: 'messages' }] },
        },
        { name: 'x', definition: { type: 'static', user_ids: [] } },
        { name: '', definition: defs.heavy.def },
        {
          name: 'x',
          definition: { type: 'dynamic', conditions: [{ kind: 'filter', filter: ['eq', 'no_such', 1] }] },
        },
        { name: 'x', definition: { type: 'dynamic', conditions: [{ kind: 'rating', at_most: 9 }] } },
      ];
      for (const body of bad) {
        const r = await call(s.url, 'POST', BASE, { key: s.adminKey, body });
        assert.equal(r.status, 400, JSON.stringify(body));
        assert.ok(r.body.error.code, r.text);
      }
      const patch = await call(s.url, 'PATCH', `${BASE}/${ids.heavy}`, { key: s.adminKey, body: {} });
      assert.equal(patch.status, 400);
      const q = await post(`${s.url}/api/analytics/query`, s.adminKey, {
        metrics: ['messages'],
        filters: ['contains', 'cohort', 'a'],
        date_range: 'all',
      });
      assert.equal(q.status, 400);
      assert.equal((await call(s.url, 'GET', BASE, { key: s.adminKey })).body.cohorts.length, before);
    });
  });
}
