// The report's numbers on every engine: each section's values equal the oracle's (a plain JS recount of the
// seeded data set) for the same queries, and the query API's replies; filters, includedMetrics, settings apply.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KPIS } from '@llm-analytics/core';
import { KPIS as WEB_KPIS } from '../../../web/src/widgets/kpis.ts';
import { MODEL_METRICS, SESSION_METRICS } from '../../src/exports/report/reportData.ts';
import { NOW } from '../analytics/dataset.ts';
import { close, setSettings } from '../analytics/fixture.ts';
import { ENGINES } from '../helpers/engines.ts';
import { EMPTY_WORKSPACE, loadReportFixture, type ReportFixture } from './reportFixture.ts';

const DAY = 86_400_000;
const key = (v: unknown) => (v === null || v === undefined ? null : String(v));

it('the report shows the dashboard KPI row (the web row is core KPIS itself)', () => {
  assert.equal(WEB_KPIS, KPIS);
});

for (const engine of ENGINES) {
  describe(`report data on ${engine}`, () => {
    let f: ReportFixture;
    before(async () => {
      f = await loadReportFixture(engine);
    });
    after(async () => f?.s.close());

    it('KPI cards: values, previous period and change equal the oracle, in the KPI row order', async () => {
      const d = await f.report();
      assert.deepEqual(
        d.kpis.map((k) => k.metric),
        KPIS.map((k) => k.metric),
      );
      const want = f.expect({
        metrics: KPIS.map((k) => k.metric),
        date_range: '30d',
        compare: 'previous_period',
      });
      const prev = f.expect({
        metrics: KPIS.map((k) => k.metric),
        date_range: {
          from: new Date(NOW.getTime() - 60 * DAY).toISOString(),
          to: new Date(NOW.getTime() - 30 * DAY).toISOString(),
        },
      });
      for (const k of d.kpis) {
        close(k.value, want.rows[0][k.metric], `${k.metric} value`);
        close(k.previous, prev.rows[0][k.metric], `${k.metric} previous`);
        close(k.change_pct, want.change_pct?.[0][k.metric] ?? null, `${k.metric} change`);
      }
      assert.ok((d.kpis.find((k) => k.metric === 'messages')?.value ?? 0) > 100, 'the window has traffic');
      assert.equal(d.window?.to, NOW.toISOString());
      assert.equal(d.comparisonWindow?.to, d.window?.from);
    });

    it('model table: metrics per model equal the oracle; fine-tune deltas are fine-tune minus base', async () => {
      const d = await f.report();
      const want = f.expect({ metrics: [...MODEL_METRICS], dimensions: ['model'], date_range: '30d' });
      const byModel = new Map(want.rows.map((r) => [key(r.model), r]));
      const withTraffic = d.models.filter((m) => (m.values.messages ?? 0) > 0);
      assert.deepEqual(
        withTraffic.map((m) => m.model_id).sort(),
        [...byModel.keys()].filter((k): k is string => k !== null).sort(),
      );
      for (const m of d.models) {
        const w = byModel.get(m.model_id);
        for (const k of MODEL_METRICS) {
          if (w) close(m.values[k], w[k], `${m.model_id} ${k}`);
          else assert.ok(m.values[k] === 0 || m.values[k] === null, `${m.model_id} has no traffic`);
        }
      }
      const counts = d.models.map((m) => m.values.messages ?? 0);
      assert.deepEqual(
        counts,
        [...counts].sort((a, b) => b - a),
        'busiest first',
      );
      // The data set's registry: three fine-tunes of llama-3-8b.
      const tunes = f.ds.models.filter((m) => ['sft', 'dpo', 'rlhf'].includes(m.training_method));
      assert.equal(tunes.length, 3);
      for (const t of tunes) {
        const row = d.models.find((m) => m.model_id === t.model_id);
        assert.equal(row?.vs_base?.base_model, t.base_model, t.model_id);
        const a = byModel.get(t.model_id);
        const b = byModel.get(t.base_model);
        for (const k of MODEL_METRICS) {
          const av = a?.[k];
          const bv = b?.[k];
          const expected = typeof av === 'number' && typeof bv === 'number' ? av - bv : null;
          close(row?.vs_base?.deltas[k].absolute ?? null, expected, `${t.model_id} Δ ${k}`);
        }
      }
      assert.equal(d.models.find((m) => m.model_id === 'gpt-4o')?.vs_base, null, 'a base model has no delta');
      assert.equal(d.unpricedMessages, want.unpriced_messages);
    });

    it('A/B sessions: each listed session equals the oracle, the busiest 50 at most', async () => {
      const d = await f.report();
      const want = f.expect({
        metrics: [...SESSION_METRICS],
        dimensions: ['session', 'experiment'],
        date_range: '30d',
      });
      const rows = want.rows.filter((r) => key(r.session) !== null);
      assert.equal(d.sessions.length, Math.min(50, rows.length));
      const byKey = new Map(rows.map((r) => [JSON.stringify([key(r.session), key(r.experiment)]), r]));
      for (const s of d.sessions) {
        const w = byKey.get(JSON.stringify([s.session, s.experiment]));
        assert.ok(w, `${s.session} is a session of the window`);
        for (const k of SESSION_METRICS) close(s.values[k], w[k], `${s.session} ${k}`);
      }
      const least = Math.min(...d.sessions.map((s) => s.values.messages ?? 0));
      const omitted = rows.filter(
        (r) => !d.sessions.some((s) => s.session === key(r.session) && s.experiment === key(r.experiment)),
      );
      for (const r of omitted) assert.ok((r.messages as number) <= least, 'no busier session was left out');
    });

    it('series: one point per day of the window, cost and latency per day equal the oracle, gaps filled', async () => {
      const d = await f.report();
      assert.equal(d.series.bucket, 'day');
      const want = f.expect({
        metrics: ['cost', 'messages', 'latency_p50', 'latency_p95'],
        dimensions: ['time'],
        date_range: '30d',
      });
      const byDay = new Map(want.rows.map((r) => [String(r.time), r]));
      // 30 days ending at noon touch 31 calendar days.
      assert.equal(d.series.points.length, 31);
      assert.equal(d.series.points[0].t, '2025-05-16T00:00:00Z');
      for (const p of d.series.points) {
        const w = byDay.get(p.t);
        close(p.cost, w ? w.cost : 0, `${p.t} cost`);
        close(p.messages, w ? w.messages : 0, `${p.t} messages`);
        close(p.latency_p50, w ? w.latency_p50 : null, `${p.t} p50`);
        close(p.latency_p95, w ? w.latency_p95 : null, `${p.t} p95`);
      }
      const total = d.series.points.reduce((a, p) => a + (p.cost ?? 0), 0);
      close(total, d.kpis.find((k) => k.metric === 'cost')?.value ?? null, 'daily costs add up to the KPI');
    });

    it('the report equals the query API for the queries it lists', async () => {
      const d = await f.report({ dateRange: { from: '2025-04-01', to: '2025-05-31' } });
      const api = await f.s.ctx.analytics.query(f.s.workspaceId, d.queries.kpis, NOW, { fresh: true });
      for (const k of d.kpis) assert.equal(k.value, api.rows[0][k.metric] ?? null, k.metric);
      assert.deepEqual(d.window, { from: '2025-04-01T00:00:00.000Z', to: '2025-06-01T00:00:00.000Z' });
      assert.equal(d.series.points.length, 61);
    });

    it('all data: no comparison, one point per bucket from the first to the last with data, nothing lost', async () => {
      const d = await f.report({ dateRange: 'all' });
      assert.equal(d.window, null);
      assert.equal(d.comparisonWindow, null);
      assert.ok(d.kpis.every((k) => k.previous === null && k.change_pct === null));
      const all = f.expect({ metrics: ['messages', 'cost'], date_range: 'all' });
      close(d.kpis.find((k) => k.metric === 'messages')?.value ?? null, all.rows[0].messages, 'messages');
      const { bucket, points } = d.series;
      assert.equal(bucket, 'week', 'about 200 days of data: weekly buckets');
      const step = 7 * DAY;
      for (let i = 1; i < points.length; i++)
        assert.equal(Date.parse(points[i].t) - Date.parse(points[i - 1].t), step);
      assert.equal(
        points.reduce((a, p) => a + (p.messages ?? 0), 0),
        all.rows[0].messages,
        'every message falls in a bucket',
      );
      close(
        points.reduce((a, p) => a + (p.cost ?? 0), 0),
        all.rows[0].cost,
        'cost adds up',
      );
    });

    it('an unknown included metric is a query error naming it, not a report', async () => {
      await assert.rejects(f.report({ includedMetrics: ['messages', 'no_such_metric'] }), (e: Error) => {
        assert.equal(e.name, 'QueryError');
        assert.match(e.message, /no_such_metric/);
        return true;
      });
    });

    it('filters and includedMetrics apply to every section', async () => {
      const filters = ['in', 'model', ['llama-3-8b', 'llama-3-8b-sft']] as ['in', string, string[]];
      const d = await f.report({ filters, includedMetrics: ['cost', 'messages', 'tool_calls'] });
      assert.deepEqual(
        d.kpis.map((k) => [k.metric, k.label, k.unit]),
        [
          ['cost', 'Total cost', 'usd'],
          ['messages', 'Messages', 'count'],
          ['tool_calls', 'Tool calls', 'count'],
        ],
      );
      const want = f.expect({ metrics: ['cost', 'messages', 'tool_calls'], date_range: '30d', filters });
      for (const k of d.kpis) close(k.value, want.rows[0][k.metric], `filtered ${k.metric}`);
      const traffic = d.models
        .filter((m) => (m.values.messages ?? 0) > 0)
        .map((m) => m.model_id)
        .sort();
      assert.deepEqual(traffic, ['llama-3-8b', 'llama-3-8b-sft']);
      const series = f.expect({ metrics: ['messages'], dimensions: ['time'], date_range: '30d', filters });
      const sum = series.rows.reduce((a, r) => a + (r.messages as number), 0);
      assert.equal(
        d.series.points.reduce((a, p) => a + (p.messages ?? 0), 0),
        sum,
      );
      assert.deepEqual(d.filters, filters);
      assert.deepEqual(d.queries.sessions.filters, filters);
    });

    it('the price book and SLA in force are the ones reported, and the numbers use them', async () => {
      const settings = {
        price_book: {
          default: { input_per_1k: 0.5, output_per_1k: 1.5 },
          providers: { runpod: { input_per_1k: 0.1, output_per_1k: 0.2 } },
          models: {},
        },
        sla_threshold_ms: 750,
      };
      await setSettings(f, settings);
      const d = await f.report();
      assert.deepEqual(d.priceBook, settings.price_book);
      assert.equal(d.slaThresholdMs, 750);
      const want = f.expect({ metrics: ['cost', 'sla_breach_rate'], date_range: '30d' });
      close(
        d.kpis.find((k) => k.metric === 'cost')?.value ?? null,
        want.rows[0].cost,
        'cost with the price book',
      );
      close(
        d.kpis.find((k) => k.metric === 'sla_breach_rate')?.value ?? null,
        want.rows[0].sla_breach_rate,
        'breaches at 750 ms',
      );
      assert.equal(d.unpricedMessages, 0, 'a default price prices everything');
    });

    it('an empty workspace reports no values rather than failing', async () => {
      const d = await f.report({ workspaceId: EMPTY_WORKSPACE });
      assert.equal(d.kpis.find((k) => k.metric === 'messages')?.value, 0);
      assert.equal(d.kpis.find((k) => k.metric === 'avg_rating')?.value, null);
      assert.deepEqual(d.models, []);
      assert.deepEqual(d.sessions, []);
      assert.ok(d.series.points.every((p) => p.cost === 0 && p.latency_p95 === null));
    });
  });
}
