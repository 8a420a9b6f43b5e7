// Detection quality end to end, on both engines: demo data stored, the service's scan (AnalyticsQueries →
// scanAnomalies → upsert) finds the demo's injected regression at its model within one day of its start; a
// second scan writes nothing new and keeps the triage.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnomalyListQuerySchema, type IngestBatch } from '@llm-analytics/core';
import { ActivityService } from '../../src/activity/ActivityService.ts';
import { AnalyticsService } from '../../src/analytics/AnalyticsService.ts';
import { AnomalyService } from '../../src/anomalies/AnomalyService.ts';
import { DEMO_REGRESSION, regressionWindow } from '../../src/demo/demoRegression.ts';
import { generateDemo } from '../../src/demo/generateDemo.ts';
import { EventBus } from '../../src/events/EventBus.ts';
import { SettingsService } from '../../src/settings/SettingsService.ts';
import { appendBatchRows, emptyRowSet, type RowSet } from '../../src/store/RowSet.ts';
import type { Store } from '../../src/store/Store.ts';
import { ENGINES } from '../helpers/engines.ts';
import { withStore } from '../helpers/storeFor.ts';

const DAY = 86_400_000;
const WS = 'ws-demo';
/** The demo ends at 01:00 on a Friday, so its regression starts at 01:00 on a Tuesday (24 days before). */
const DEMO_NOW = new Date('2026-11-27T01:00:00Z');
/** The scan runs at midnight: the demo's last hour of traffic ends there (its timeline stops an hour early). */
const SCAN_NOW = Date.parse('2026-11-27T00:00:00Z');
/** 45 days of 100k messages: ~40 evaluations of the DPO model a weekday, above the 30 a rate bucket needs. */
const MESSAGES = 100_000;
const DAYS = 45;

async function loadDemo(store: Store): Promise<void> {
  let rows: RowSet = emptyRowSet();
  for (const batch of generateDemo({ messages: MESSAGES, now: DEMO_NOW, days: DAYS, seed: 11 })) {
    appendBatchRows(rows, WS, batch as IngestBatch);
    if (rows.messages.length >= 50_000) {
      await store.commit(rows);
      rows = emptyRowSet();
    }
  }
  await store.commit(rows);
}

for (const engine of ENGINES) {
  describe(`the demo regression, scanned on ${engine}`, () => {
    it('is found at its model, within one daily bucket of its start; a re-scan duplicates nothing', (t) =>
      withStore(engine, async (store) => {
        await loadDemo(store);
        const activity = new ActivityService(store);
        const analytics = new AnalyticsService(store, new SettingsService(store, activity));
        const events = new EventBus();
        let now = SCAN_NOW;
        const svc = new AnomalyService(store, analytics, events, activity, () => now);
        const published: string[] = [];
        events.subscribe(WS, (e) => {
          if (e.type === 'anomaly') published.push(e.data.change);
        });

        const first = await svc.scan(WS, { days: DAYS });
        t.diagnostic(JSON.stringify(first));
        assert.equal(
          first.queries,
          6,
          'hourly and daily × overall, per model, per provider (45 days: one hourly part)',
        );
        assert.ok(first.inserted > 0 && first.inserted === first.detected, JSON.stringify(first));
        assert.equal(published.length, first.inserted);

        const { startMs, endMs } = regressionWindow(DEMO_NOW);
        const list = await svc.list(WS, AnomalyListQuerySchema.parse({ metric: 'success_rate', limit: 500 }));
        const hit = list.filter(
          (a) =>
            a.slice.dimension === 'model' &&
            a.slice.value === DEMO_REGRESSION.model_id &&
            a.direction === 'drop' &&
            a.granularity === 'day',
        );
        assert.equal(
          hit.length,
          1,
          JSON.stringify(list.map((a) => [a.slice, a.granularity, a.start, a.end])),
        );
        const found = hit[0];
        assert.ok(Math.abs(Date.parse(found.start) - startMs) <= DAY, `starts ${found.start}`);
        // It may end early: weekend days carry fewer than the 30 evaluations a rate bucket needs to be judged.
        assert.ok(Date.parse(found.end) <= endMs + DAY, `ends ${found.end}`);
        assert.ok(found.peak.value < 50 && found.expected.value > 65, JSON.stringify(found.peak));
        assert.equal(found.sensitivity, 'low', 'plain enough to show at every sensitivity');
        const others = list.filter(
          (a) =>
            a.slice.dimension === 'model' &&
            a.slice.value !== DEMO_REGRESSION.model_id &&
            Date.parse(a.start) < endMs &&
            Date.parse(a.end) > startMs,
        );
        assert.deepEqual(
          others.map((a) => a.slice.value),
          [],
          'no other model drops in the window',
        );

        await svc.patch(WS, 'alice@example.com', found.id, 'acknowledged');
        published.length = 0;
        const before = await svc.list(WS, AnomalyListQuerySchema.parse({ sensitivity: 'high', limit: 500 }));
        const second = await svc.scan(WS, { days: DAYS });
        assert.deepEqual(
          [second.inserted, second.updated, second.unchanged],
          [0, 0, first.detected],
          JSON.stringify(second),
        );
        assert.deepEqual(published, []);
        const after = await svc.list(WS, AnomalyListQuerySchema.parse({ sensitivity: 'high', limit: 500 }));
        assert.deepEqual(after, before);
        const kept = after.find((a) => a.id === found.id);
        assert.equal(kept?.status, 'acknowledged');
        assert.equal(kept?.acknowledged_by, 'alice@example.com');

        // An hour later the window (anchored on a Monday) has the same start: every earlier bucket is judged
        // from the same history, so nothing found before changes but runs reaching the new hour, which has no
        // traffic at all (the demo ended) and may open an anomaly of its own.
        now = SCAN_NOW + 3_600_000;
        const third = await svc.scan(WS, { days: DAYS });
        assert.equal(third.from, first.from);
        const later = await svc.list(WS, AnomalyListQuerySchema.parse({ sensitivity: 'high', limit: 500 }));
        const end = new Date(SCAN_NOW).toISOString();
        for (const a of later) {
          const was = after.find((b) => b.id === a.id);
          if (!was) assert.equal(a.start, end, `new: ${a.metric} ${a.slice.value} ${a.start}`);
          else if (was.end !== end)
            assert.deepEqual(a, was, `${a.metric} ${a.slice.value} ${a.start} unchanged`);
        }
        assert.equal(later.length, after.length + third.inserted);
      }));
  });
}
