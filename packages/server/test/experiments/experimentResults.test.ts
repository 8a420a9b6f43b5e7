// Experiment results on both engines against an independent computation from the fixture's raw rows: units,
// per-variant values, every comparison (fixed and always-valid), Holm, verdicts, SRM, power and its date.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  alwaysValid,
  bootstrapQuantileDifference,
  type Estimate,
  holmAdjust,
  sampleEta,
  sampleRatioMismatch,
  sampleSizePerVariant,
  verdict,
} from '@llm-analytics/core';
import { call } from '../accounts/helpers.ts';
import { ENGINES } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { generateFixture, toBatch } from './fixture.ts';
import { armEstimates, armValues, conversationSums } from './oracle.ts';

const METRICS = ['success_rate', 'error_rate', 'avg_rating', 'output_tokens', 'latency_p95'];
const DIRECTION: Record<string, 'higher' | 'lower'> = {
  success_rate: 'higher',
  error_rate: 'lower',
  avg_rating: 'higher',
  output_tokens: 'lower',
  latency_p95: 'lower',
};
const close = (actual: number | null, expected: number | null, what: string, tol = 1e-9) => {
  if (expected === null || actual === null) return assert.equal(actual, expected, what);
  assert.ok(
    Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)),
    `${what}: ${actual} ≠ ${expected}`,
  );
};

for (const engine of ENGINES) {
  describe(`experiment results on ${engine}`, () => {
    let s: TestServer;
    const now = Date.now();
    const f = generateFixture(18, now);
    let id = '';
    before(async () => {
      s = await startTestServer({ engine });
      await s.ctx.ingest.ingest(s.workspaceId, toBatch(f));
      if (engine === 'postgres') await s.ctx.store.query('ANALYZE', []);
      const r = await call(s.url, 'POST', '/api/analytics/experiments', {
        key: s.adminKey,
        body: {
          name: 'prompt test',
          unit: 'conversation',
          status: 'running',
          variants: [
            { name: 'A', session_ids: ['exp-a'] },
            { name: 'B', session_ids: ['exp-b'] },
          ],
          control: 'A',
          primary_metric: 'success_rate',
          secondary_metrics: METRICS.slice(1),
          min_effect: 0.05,
        },
      });
      assert.equal(r.status, 201, r.text);
      id = r.body.id;
    });
    after(() => s.close());

    const a = conversationSums(f, ['exp-a']);
    const b = conversationSums(f, ['exp-b']);
    const fixed = armEstimates(a, b);

    function checkComparisons(
      body: { comparisons: Record<string, unknown>[] },
      expected: Record<string, Estimate>,
    ) {
      const holm = holmAdjust(METRICS.map((m) => expected[m].p_value));
      assert.deepEqual(
        body.comparisons.map((c) => c.metric),
        METRICS,
      );
      METRICS.forEach((m, k) => {
        const c = body.comparisons[k] as Record<string, number | null | [number, number] | string>;
        const e = expected[m];
        assert.equal(c.variant, 'B');
        close(c.control_value as number, e.control_value, `${m} control`);
        close(c.value as number, e.value, `${m} value`);
        close(c.difference as number, e.difference, `${m} difference`);
        const ci = c.ci as [number, number];
        close(ci[0], e.ci![0], `${m} ci low`, 1e-7);
        close(ci[1], e.ci![1], `${m} ci high`, 1e-7);
        close(c.p_value as number, e.p_value, `${m} p`, 1e-7);
        close(c.adjusted_p_value as number, holm[k], `${m} adjusted p`, 1e-7);
        const v = verdict({
          ci: e.ci,
          direction: DIRECTION[m],
          controlN: e.control_n,
          variantN: e.variant_n,
          adjustedPValue: holm[k],
        });
        assert.equal(c.verdict, v, m);
      });
    }

    it('counts units and values per variant from the raw rows', async () => {
      const r = await call(s.url, 'GET', `/api/analytics/experiments/${id}/results?mode=fixed`, {
        key: s.adminKey,
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.mode, 'fixed');
      for (const [k, arm] of [a, b].entries()) {
        const v = r.body.variants[k];
        assert.equal(v.name, k === 0 ? 'A' : 'B');
        assert.equal(v.conversations, arm.length);
        assert.equal(v.users, new Set(arm.map((x) => x.user).filter((u) => u !== null)).size);
        const want = armValues(arm);
        for (const m of METRICS) close(v.metrics[m], want[m], `${v.name} ${m}`);
      }
    });

    it('compares each metric as an independent computation does (fixed horizon)', async () => {
      const r = await call(s.url, 'GET', `/api/analytics/experiments/${id}/results?mode=fixed`, {
        key: s.adminKey,
      });
      checkComparisons(r.body, fixed);
      // The fixture makes b better on success and latency: the test must see real effects.
      assert.ok(fixed.success_rate.difference! > 0 && fixed.latency_p95.difference! < 0);
      assert.match(r.body.comparisons[0].method, /delta-method/);
      assert.match(r.body.comparisons[3].method, /Welch/);
      assert.match(r.body.comparisons[4].method, /bootstrap/);
    });

    it('gives always-valid intervals by default while running (τ = min effect for the primary)', async () => {
      const r = await call(s.url, 'GET', `/api/analytics/experiments/${id}/results`, { key: s.adminKey });
      assert.equal(r.body.mode, 'sequential');
      const sequential = Object.fromEntries(
        METRICS.map((m) => {
          const e = fixed[m];
          const tau = m === 'success_rate' ? 0.05 : Math.abs(e.control_value!) * 0.1;
          return [m, alwaysValid(e, { tau })];
        }),
      );
      checkComparisons(r.body, sequential);
      const c = r.body.comparisons[0];
      assert.ok(
        c.ci[1] - c.ci[0] > fixed.success_rate.ci![1] - fixed.success_rate.ci![0],
        'wider than fixed',
      );
    });

    it('checks the split against the plan and sizes the primary metric at the current traffic', async () => {
      const r = await call(s.url, 'GET', `/api/analytics/experiments/${id}/results`, { key: s.adminKey });
      const srm = sampleRatioMismatch([a.length, b.length], [1, 1]);
      close(r.body.srm.p_value, srm.p_value, 'srm p');
      assert.equal(r.body.srm.mismatch, false);
      const e = fixed.success_rate;
      const sd = e.standard_error! / Math.sqrt(1 / e.control_n + 1 / e.variant_n);
      const needed = sampleSizePerVariant({ kind: 'mean', sd, minEffect: 0.05 });
      assert.equal(r.body.power.metric, 'success_rate');
      assert.equal(r.body.power.needed_per_variant, needed);
      const week = now - 7 * 86_400_000;
      const recent = [...a, ...b].filter((x) => x.lastMs >= week).length;
      const eta = sampleEta({
        neededPerVariant: needed!,
        currentPerVariant: [a.length, b.length],
        dailyUnits: recent / 7,
        split: [1, 1],
        now: new Date(now),
      }).eta;
      assert.ok(eta && r.body.power.eta, 'an estimated date');
      assert.ok(
        Math.abs(Date.parse(r.body.power.eta) - Date.parse(eta)) < 5 * 60_000,
        `${r.body.power.eta} vs ${eta}`,
      );
    });

    it('flags a split far from the plan', async () => {
      const r = await call(s.url, 'PATCH', `/api/analytics/experiments/${id}`, {
        key: s.adminKey,
        body: { planned_split: [0.95, 0.05] },
      });
      assert.equal(r.status, 200, r.text);
      const res = await call(s.url, 'GET', `/api/analytics/experiments/${id}/results`, { key: s.adminKey });
      close(res.body.srm.p_value, sampleRatioMismatch([a.length, b.length], [0.95, 0.05]).p_value, 'srm p');
      assert.equal(res.body.srm.mismatch, true);
    });

    it('defaults to fixed once concluded, and selects variants by filter trees as by sessions', async () => {
      const r = await call(s.url, 'POST', '/api/analytics/experiments', {
        key: s.adminKey,
        body: {
          name: 'by filter',
          unit: 'conversation',
          variants: [
            { name: 'A', filter: ['eq', 'session', 'exp-a'] },
            {
              name: 'B',
              filter: [
                'and',
                [
                  ['eq', 'experiment', 'prompt test'],
                  ['neq', 'session', 'exp-a'],
                ],
              ],
            },
          ],
          control: 'A',
          primary_metric: 'success_rate',
          secondary_metrics: METRICS.slice(1),
        },
      });
      assert.equal(r.status, 201, r.text);
      await call(s.url, 'PATCH', `/api/analytics/experiments/${r.body.id}`, {
        key: s.adminKey,
        body: { status: 'running' },
      });
      const done = await call(s.url, 'PATCH', `/api/analytics/experiments/${r.body.id}`, {
        key: s.adminKey,
        body: { status: 'concluded', conclusion: 'B wins' },
      });
      assert.equal(done.status, 200, done.text);
      const res = await call(s.url, 'GET', `/api/analytics/experiments/${r.body.id}/results`, {
        key: s.adminKey,
      });
      assert.equal(res.body.mode, 'fixed');
      checkComparisons(res.body, fixed);
    });

    it('bootstraps latency on a sample of 1,000 conversations of a large variant; its value stays exact', async () => {
      const big = generateFixture(19, now, { a: 1300, b: 1150, prefix: 'big-' });
      await s.ctx.ingest.ingest(s.workspaceId, toBatch(big));
      const r = await call(s.url, 'POST', '/api/analytics/experiments', {
        key: s.adminKey,
        body: {
          name: 'big',
          unit: 'conversation',
          variants: [
            { name: 'A', session_ids: ['big-exp-a'] },
            { name: 'B', session_ids: ['big-exp-b'] },
          ],
          control: 'A',
          primary_metric: 'latency_p95',
        },
      });
      const res = await call(s.url, 'GET', `/api/analytics/experiments/${r.body.id}/results?mode=fixed`, {
        key: s.adminKey,
      });
      assert.equal(res.status, 200, res.text);
      const arms = [conversationSums(big, ['big-exp-a']), conversationSums(big, ['big-exp-b'])];
      for (const [k, arm] of arms.entries()) {
        close(res.body.variants[k].metrics.latency_p95, armValues(arm).latency_p95, 'exact');
      }
      // The documented sample: the 1,000 units with the smallest FNV-1a hash of `<experiment id>:<unit id>`.
      const fnv = (t: string) => {
        let h = 0x811c9dc5;
        for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193) >>> 0;
        return h;
      };
      const sample = (arm: typeof a) =>
        arm
          .filter((x) => x.latencies.length > 0)
          .map((x) => [fnv(`${r.body.id}:${x.id}`), x] as const)
          .sort((p, q) => p[0] - q[0] || (p[1].id < q[1].id ? -1 : 1))
          .slice(0, 1000)
          .map(([, x]) => x)
          .sort((p, q) => (p.id < q.id ? -1 : 1))
          .map((x) => [...x.latencies].sort((m, n) => m - n));
      const want = bootstrapQuantileDifference(sample(arms[0]), sample(arms[1]), {
        quantile: 0.95,
        resamples: 1000,
      });
      const c = res.body.comparisons[0];
      assert.match(
        c.method,
        /bootstrap over conversations \(1000 resamples, seed 1\), on a random sample of at most 1000 conversations per variant/,
      );
      close(c.control_value, want.control_value, 'sample p95');
      close(c.ci[0], want.ci![0], 'ci low');
      close(c.ci[1], want.ci![1], 'ci high');
      close(c.p_value, want.p_value, 'p');
    });

    it('takes the user as the unit when asked', async () => {
      const r = await call(s.url, 'POST', '/api/analytics/experiments', {
        key: s.adminKey,
        body: {
          name: 'per user',
          unit: 'user',
          variants: [
            { name: 'A', session_ids: ['exp-a'] },
            { name: 'B', session_ids: ['exp-b'] },
          ],
          control: 'A',
          primary_metric: 'error_rate',
        },
      });
      const res = await call(s.url, 'GET', `/api/analytics/experiments/${r.body.id}/results?mode=fixed`, {
        key: s.adminKey,
      });
      assert.equal(res.status, 200, res.text);
      // Per user: sum each user's conversations of the arm (users without an id are left out).
      const perUser = (arm: typeof a) => {
        const m = new Map<string, [number, number]>();
        for (const x of arm) {
          if (x.user === null) continue;
          const t = m.get(x.user) ?? [0, 0];
          m.set(x.user, [t[0] + x.errors, t[1] + x.messages]);
        }
        return [...m.values()];
      };
      const { compareRatios, clusterSums } = await import('@llm-analytics/core');
      const e = compareRatios(clusterSums(perUser(a)), clusterSums(perUser(b)), { unit: 'user' });
      const c = res.body.comparisons[0];
      close(c.difference, e.difference, 'difference');
      close(c.ci[0], e.ci![0], 'ci low', 1e-7);
      close(c.p_value, e.p_value, 'p', 1e-7);
      assert.equal(e.control_n, perUser(a).length);
      assert.match(c.method, /over users/);
    });
  });
}
