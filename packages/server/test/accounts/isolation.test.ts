// Workspace isolation over EVERY registered route (collected by the auth hook's onRoute): principals of
// workspace A (its owner by cookie, its admin key) attack workspace B by X-Workspace-Id, query parameters,
// body fields and guessed ids in paths. No reply may contain anything of B, and B's rows must not change.
// A route without a case below fails this test: add one (a valid request body/query for the route).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { registeredRoutes } from '../../src/auth/authHook.ts';
import { OTLP_ENCODINGS } from '../../src/ingest/otlp/otlpEncodings.ts';
import { ENGINES } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { type CallOpts, call } from './helpers.ts';

interface Ids {
  wsA: string;
  wsB: string;
  keyB: string;
  ownerB: string;
  memberB: string;
  jobB: string;
  traceB: string;
  exportB: string;
  experimentB: string;
  alertRuleB: string;
  anomalyB: string;
}
interface Case {
  body?: (ids: Ids) => unknown;
  query?: string;
  /** Candidate values per path parameter (default: ids of B, see PARAM_GUESSES). */
  params?: (ids: Ids) => Record<string, string[]>;
  /** An event stream: its reply is read up to the first block (it never ends by itself). */
  stream?: true;
}

const PW_A = 'owner a password';
const recent = () => new Date(Date.now() - 3600_000).toISOString();

/** One case per route ("METHOD url"; HEAD uses the GET case). Keep alphabetical-ish by area. */
const CASES: Record<string, Case> = {
  'GET /api/health': {},
  'GET /api/openapi.json': {},
  'GET /*': { params: (i) => ({ '*': ['index.html', i.wsB, 'api/keys'] }) },
  'POST /api/ingest': {
    body: () => ({
      messages: [{ id: 'a-iso-1', conversation_id: 'a-conv', role: 'user', created_at: recent() }],
    }),
  },
  'POST /v1/traces': {
    body: () => ({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: '0af7651916cd43dd8448eb211c80319c',
                  spanId: 'b7ad6b7169203331',
                  name: 'a-iso-span',
                  startTimeUnixNano: '1700000000000000000',
                  endTimeUnixNano: '1700000000100000000',
                },
              ],
            },
          ],
        },
      ],
    }),
  },
  'GET /api/keys': {},
  'POST /api/keys': { body: () => ({ scope: 'read', name: 'iso' }) },
  'DELETE /api/keys/:id': {},
  'GET /api/auth/setup': {},
  'POST /api/auth/setup': { body: () => ({ email: 'new@example.com', password: 'long enough password' }) },
  'POST /api/auth/login': { body: () => ({ email: 'canaryb-owner@example.com', password: 'guess guess' }) },
  'POST /api/auth/logout': {},
  'GET /api/auth/session': {},
  'POST /api/auth/password': { body: () => ({ current_password: PW_A, new_password: 'another password a' }) },
  'GET /api/workspaces': {},
  'POST /api/workspaces': { body: () => ({ name: 'A2' }) },
  'DELETE /api/workspaces/:id': {},
  'GET /api/workspaces/:id/members': {},
  'POST /api/workspaces/:id/members': {
    body: () => ({ email: 'canaryb-member@example.com', role: 'viewer' }),
  },
  'PATCH /api/workspaces/:id/members/:userId': {
    body: () => ({ role: 'viewer' }),
    params: (i) => ({ id: [i.wsB, i.wsA], userId: [i.ownerB, i.memberB] }),
  },
  'DELETE /api/workspaces/:id/members/:userId': {
    params: (i) => ({ id: [i.wsB, i.wsA], userId: [i.ownerB, i.memberB] }),
  },
  'GET /api/activity': { query: 'limit=200' },
  'GET /api/settings': {},
  'PUT /api/settings': { body: () => ({ sla_threshold_ms: 1500 }) },
  'POST /api/analytics/query': {
    body: () => ({ metrics: ['messages'], dimensions: ['user'], date_range: 'all' }),
  },
  'GET /api/team/overview': { query: 'date_range=all' },
  'GET /api/analytics/data': {},
  'GET /api/analytics/model-comparison': {},
  'GET /api/analytics/judgment-examples': {},
  'GET /api/analytics/traces': { query: 'limit=500' },
  'POST /api/analytics/traces': {
    body: () => ({ trace_id: 'a-iso-trace', span_name: 'a-iso', duration_ms: 5, operation_type: 'chat' }),
  },
  'GET /api/traces/:traceId': { params: (i) => ({ traceId: [i.traceB] }) },
  'GET /api/conversations/:id': { params: () => ({ id: ['canaryB-conv', 'canaryB-otel-conv'] }) },
  'GET /api/analytics/experiments': {},
  'GET /api/analytics/experiments/suggestions': {},
  'POST /api/analytics/experiments': {
    body: () => ({
      name: 'a-iso-exp',
      unit: 'conversation',
      variants: [
        { name: 'a', session_ids: ['alpha-session'] },
        { name: 'b', session_ids: ['alpha-session-2'] },
      ],
      control: 'a',
      primary_metric: 'success_rate',
    }),
  },
  'GET /api/analytics/experiments/:id': { params: (i) => ({ id: [i.experimentB] }) },
  'PATCH /api/analytics/experiments/:id': {
    body: () => ({ name: 'renamed by a' }),
    params: (i) => ({ id: [i.experimentB] }),
  },
  'DELETE /api/analytics/experiments/:id': { params: (i) => ({ id: [i.experimentB] }) },
  'GET /api/analytics/experiments/:id/results': { params: (i) => ({ id: [i.experimentB] }) },
  'GET /api/alerts/rules': {},
  'POST /api/alerts/rules': {
    body: () => ({
      name: 'a-iso-alert',
      condition: { type: 'threshold', metric: 'error_rate', comparator: 'gt', threshold: 5 },
    }),
  },
  'PATCH /api/alerts/rules/:id': {
    body: () => ({ name: 'renamed by a' }),
    params: (i) => ({ id: [i.alertRuleB] }),
  },
  'DELETE /api/alerts/rules/:id': { params: (i) => ({ id: [i.alertRuleB] }) },
  'POST /api/alerts/rules/:id/test': { params: (i) => ({ id: [i.alertRuleB] }) },
  'GET /api/alerts/history': { query: `rule_id=canaryB-rule` },
  'GET /api/analytics/anomalies': { query: 'sensitivity=high&limit=500' },
  'PATCH /api/analytics/anomalies/:id': {
    body: () => ({ status: 'resolved' }),
    params: (i) => ({ id: [i.anomalyB] }),
  },
  'POST /api/analytics/anomalies/scan': {},
  'GET /api/jobs': { query: 'limit=200' },
  'GET /api/jobs/:id': { params: (i) => ({ id: [i.jobB, i.wsB] }) },
  'POST /api/jobs/retention': {},
  'GET /api/events': { stream: true },
  'POST /api/analytics/export': {
    body: () => ({ format: 'csv', exportType: 'overview', startDate: '2020-01-01', endDate: recent() }),
  },
  'GET /api/analytics/exports': { query: 'limit=200' },
  'GET /api/analytics/exports/:id': { params: (i) => ({ id: [i.exportB, i.wsB] }) },
  'GET /api/analytics/download/:id': { params: (i) => ({ id: [i.exportB, i.wsB] }) },
};

/** `call` for an event stream: a refusal's whole body, else the stream's first chunk, then it disconnects. */
async function callStream(base: string, _method: string, path: string, o: CallOpts) {
  const abort = new AbortController();
  const headers: Record<string, string> = { ...o.headers };
  if (o.key) headers.authorization = `Bearer ${o.key}`;
  if (o.session) headers.cookie = o.session.cookie;
  const res = await fetch(`${base}${path}`, { headers, signal: abort.signal });
  if (res.status !== 200) return { status: res.status, text: await res.text() };
  const first = await res.body!.getReader().read();
  abort.abort();
  return { status: res.status, text: new TextDecoder().decode(first.value) };
}

/** Guessed ids for path parameters no case names: every id of B we know. */
const PARAM_GUESSES = (i: Ids) => [i.wsB, i.keyB, i.ownerB, i.memberB, 'canaryB-msg-1', 'canaryB-conv'];

const bData = (tag: string) => ({
  models: [{ model_id: `${tag}-model`, provider: `${tag}-provider`, training_method: 'sft' as const }],
  conversations: [{ id: `${tag}-conv`, user_id: `${tag}-user`, session_id: `${tag}-session` }],
  messages: [
    {
      id: `${tag}-msg-1`,
      conversation_id: `${tag}-conv`,
      role: 'user' as const,
      content: `${tag} secret`,
      created_at: recent(),
    },
    {
      id: `${tag}-msg-2`,
      conversation_id: `${tag}-conv`,
      role: 'assistant' as const,
      content: `${tag} answer`,
      model_id: `${tag}-model`,
      provider: `${tag}-provider`,
      input_tokens: 10,
      output_tokens: 5,
      latency_ms: 400,
      created_at: recent(),
    },
  ],
  evaluations: [
    {
      id: `${tag}-ev`,
      message_id: `${tag}-msg-2`,
      evaluator_id: `${tag}-evaluator`,
      rating: 2,
      success: false,
      failure_tags: [`${tag}-tag`],
    },
  ],
});

async function fingerprint(s: TestServer, ids: Ids): Promise<string> {
  const tables = await s.ctx.store.query<{ t: string }>(
    `SELECT DISTINCT c.table_name AS t FROM information_schema.columns c
     JOIN information_schema.tables x ON x.table_schema = c.table_schema AND x.table_name = c.table_name
     WHERE c.column_name = 'workspace_id' AND c.table_schema IN ('main', 'public') AND x.table_type = 'BASE TABLE'`,
  );
  const out: string[] = [];
  for (const { t } of tables.sort((a, b) => a.t.localeCompare(b.t))) {
    // A failed sign-in with B's email is logged in B on purpose (B's admins should see guessing).
    const extra = t === 'activity' ? " AND action <> 'auth.login_failed'" : '';
    const rows = await s.ctx.store.query(`SELECT * FROM "${t}" WHERE workspace_id = $1${extra}`, [ids.wsB]);
    out.push(
      `${t}:${rows
        .map((r) => JSON.stringify(r))
        .sort()
        .join('|')}`,
    );
  }
  out.push(JSON.stringify(await s.ctx.store.query('SELECT * FROM workspaces WHERE id = $1', [ids.wsB])));
  const users = await s.ctx.store.query(
    'SELECT id, email, name, password_hash FROM users WHERE id IN ($1, $2) ORDER BY id',
    [ids.ownerB, ids.memberB],
  );
  const sessions = await s.ctx.store.query('SELECT id FROM sessions WHERE user_id IN ($1, $2) ORDER BY id', [
    ids.ownerB,
    ids.memberB,
  ]);
  return [...out, JSON.stringify(users), JSON.stringify(sessions)].join('\n');
}

for (const engine of ENGINES) {
  describe(`workspace isolation over every route (${engine})`, () => {
    let s: TestServer;
    let ids: Ids;
    let canaries: string[];
    let keyA: string;
    let ownerA: string;

    before(async () => {
      s = await startTestServer({ engine });
      const a = await s.ctx.users.create({ email: 'owner-a@example.com', password: PW_A });
      const b = await s.ctx.users.create({
        email: 'canaryb-owner@example.com',
        password: 'owner b password',
      });
      const m = await s.ctx.users.create({
        email: 'canaryb-member@example.com',
        password: 'member b password',
      });
      const wsA = (await s.ctx.team.createWorkspace(a.id, a.email, 'Team A')).id;
      const wsB = (await s.ctx.team.createWorkspace(b.id, b.email, 'canaryB team')).id;
      await s.ctx.memberships.add(wsB, m.id, 'admin');
      const keyB = await s.ctx.keys.create(wsB, 'admin', { name: 'canaryB-key' });
      await s.ctx.keys.create(wsB, 'ingest', { name: 'canaryB-ingest' });
      await s.ctx.sessions.create(b.id);
      keyA = (await s.ctx.keys.create(wsA, 'admin', { name: 'key a' })).key;
      await s.ctx.ingest.ingest(wsB, bData('canaryB'));
      await s.ctx.ingest.ingest(wsA, bData('alpha'));
      await s.ctx.settings.update(wsB, {
        price_book: { models: { 'canaryB-model': { input_per_1k: 9, output_per_1k: 9 } } },
      });
      await s.ctx.activity.record(wsB, b.email, 'settings.update', 'canaryB-activity');
      // Not started in tests: B's job stays queued, its row unchanged unless a route of A touched it.
      const jobB = await s.ctx.jobRunner.enqueue(wsB, 'retention', { retention_days: 30 });
      // B's trace: an LLM span (so also a derived message, in a conversation of its own).
      const traceB = 'cafe0000000000000000000000000b0b';
      const now = BigInt(Date.now()) * 1_000_000n;
      const attr = (key: string, v: string) => ({ key, value: { stringValue: v } });
      const otlp = {
        resourceSpans: [
          {
            scopeSpans: [
              {
                spans: [
                  {
                    traceId: traceB,
                    spanId: 'b0b0000000000001',
                    name: 'canaryB-span',
                    startTimeUnixNano: String(now - 1_000_000_000n),
                    endTimeUnixNano: String(now),
                    attributes: [
                      attr('gen_ai.operation.name', 'chat'),
                      attr('gen_ai.request.model', 'canaryB-model'),
                      attr('gen_ai.conversation.id', 'canaryB-otel-conv'),
                    ],
                  },
                ],
              },
            ],
          },
        ],
      };
      await s.ctx.traces.export(wsB, Buffer.from(JSON.stringify(otlp)), OTLP_ENCODINGS.json);
      const exportB = (
        await s.ctx.exports.create(wsB, b.email, {
          format: 'csv',
          exportType: 'complete',
          startDate: '2020-01-01',
          endDate: new Date(Date.now() + 3600_000).toISOString(),
        })
      ).exportId;
      const experimentB = (
        await s.ctx.experiments.create(wsB, b.email, {
          name: 'canaryB-experiment',
          unit: 'conversation',
          variants: [
            { name: 'control', session_ids: ['canaryB-session'] },
            { name: 'treatment', session_ids: ['canaryB-session-2'] },
          ],
          control: 'control',
          primary_metric: 'success_rate',
        })
      ).id;
      const alertB = await s.ctx.alerts.create(wsB, b.email, {
        name: 'canaryB-alert',
        condition: { type: 'threshold', metric: 'error_rate', comparator: 'gt', threshold: 5 },
        channels: [{ type: 'webhook', name: 'canaryB-hook', url: 'https://canaryb.example.com/hook' }],
      });
      const alertRuleB = alertB.rule.id;
      const anomalyB = 'anom_canaryB';
      const start = Date.now() - 86_400_000 * 3;
      const day = new Date(start - (start % 86_400_000)).toISOString();
      await s.ctx.anomalies.record(
        wsB,
        [
          {
            id: anomalyB,
            metric: 'success_rate',
            granularity: 'day',
            slice: { dimension: 'model', value: 'canaryB-model' },
            direction: 'drop',
            start: day,
            end: new Date(Date.parse(day) + 86_400_000).toISOString(),
            buckets: 1,
            peak: { start: day, value: 30, score: -9 },
            expected: { value: 80, low: 70, high: 90 },
            sample: 100,
            baseline: 'day_of_week',
            severity: 'high',
            sensitivity: 'low',
            points: [{ start: day, value: 30, expected: 80, low: 70, high: 90, score: -9 }],
          },
        ],
        0,
      );
      ownerA = a.id;
      ids = {
        wsA,
        wsB,
        keyB: keyB.id,
        ownerB: b.id,
        memberB: m.id,
        jobB,
        traceB,
        exportB,
        experimentB,
        alertRuleB,
        anomalyB,
      };
      canaries = [
        'canaryb',
        wsB,
        keyB.id,
        keyB.prefix.toLowerCase(),
        keyB.key.toLowerCase(),
        b.id,
        m.id,
        jobB,
        'cafe0000000000000000000000000b0b',
        exportB,
        experimentB,
        alertRuleB,
        alertB.secrets[0].secret,
        anomalyB,
      ];
    });
    after(() => s.close());

    it('every registered route has an isolation case', () => {
      const missing = registeredRoutes(s.app)
        .map((r) => `${r.method === 'HEAD' ? 'GET' : r.method} ${r.url}`)
        .filter((k) => !CASES[k]);
      assert.deepEqual(
        [...new Set(missing)],
        [],
        'add an entry to CASES in packages/server/test/accounts/isolation.test.ts for each new route',
      );
    });

    it('no principal of A reads or changes anything of B', async () => {
      const before = await fingerprint(s, ids);
      const leaks: string[] = [];
      let requests = 0;
      for (const route of registeredRoutes(s.app)) {
        const c = CASES[`${route.method === 'HEAD' ? 'GET' : route.method} ${route.url}`];
        if (!c) continue;
        const names = [...route.url.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? '*');
        const guesses = c.params?.(ids) ?? {};
        let paths = [route.url];
        for (const n of names) {
          const values = guesses[n] ?? PARAM_GUESSES(ids);
          paths = paths.flatMap((p) =>
            values.map((v) => p.replace(n === '*' ? '*' : `:${n}`, encodeURIComponent(v))),
          );
        }
        const workspaceRoute = !['public', 'authenticated', 'user'].includes(route.permission);
        const body = c.body?.(ids);
        for (const path of paths) {
          const sep = path.includes('?') ? '&' : '?';
          const q = c.query ? `${sep}${c.query}` : '';
          const variants: {
            url: string;
            headers?: Record<string, string>;
            body?: unknown;
            mustFail: boolean;
          }[] = [
            {
              url: `${path}${q}`,
              body,
              mustFail: workspaceRoute && names.length > 0 && !path.includes(ids.wsA),
            },
            { url: `${path}${q}`, body, headers: { 'x-workspace-id': ids.wsB }, mustFail: workspaceRoute },
            {
              url: `${path}${q}${q ? '&' : sep}workspace_id=${ids.wsB}&workspace=${ids.wsB}&workspaceId=${ids.wsB}`,
              body,
              mustFail: false,
            },
          ];
          if (body && typeof body === 'object' && !Array.isArray(body)) {
            variants.push({ url: `${path}${q}`, body: { ...body, workspace_id: ids.wsB }, mustFail: false });
          }
          for (const v of variants) {
            // A fresh session each time: logout and password change must not end the run's own access.
            const session = await s.ctx.sessions.create(ownerA);
            const who = [
              {
                session: {
                  cookie: `lla_session=${session.token}`,
                  csrf: session.csrfToken,
                  userId: ownerA,
                  setCookie: '',
                },
              },
              { key: keyA },
            ];
            for (const principal of who) {
              const method = route.method;
              const r = await (c.stream && method === 'GET' ? callStream : call)(s.url, method, v.url, {
                ...principal,
                headers: v.headers,
                body: method === 'GET' || method === 'HEAD' ? undefined : v.body,
              });
              requests++;
              const label = `${'key' in principal ? 'keyA' : 'ownerA'} ${method} ${v.url} ${JSON.stringify(v.headers ?? {})}`;
              const text = r.text.toLowerCase();
              const leaked = canaries.find((x) => text.includes(x.toLowerCase()));
              if (leaked) leaks.push(`${label} → ${r.status} leaks "${leaked}": ${r.text.slice(0, 200)}`);
              if (v.mustFail && r.status < 400) leaks.push(`${label} → ${r.status}, expected a refusal`);
              if (r.status >= 500) leaks.push(`${label} → ${r.status}: ${r.text.slice(0, 200)}`);
            }
          }
        }
      }
      assert.deepEqual(leaks, []);
      assert.ok(requests > 100, `${requests} requests`);
      assert.equal(await fingerprint(s, ids), before, 'workspace B changed');
      // And B itself still sees its data (the fingerprint is not vacuous).
      assert.ok(before.includes('canaryB-msg-1') && before.includes('canaryB-key'));
    });
  });
}
