// Stores scan results on both engines: a re-scan upserts (no duplicates, triage kept), the list filters, triage.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnomalyListQuerySchema } from '@llm-analytics/core';
import { ActivityService } from '../../src/activity/ActivityService.ts';
import { AnalyticsService } from '../../src/analytics/AnalyticsService.ts';
import { AnomalyService } from '../../src/anomalies/AnomalyService.ts';
import { EventBus } from '../../src/events/EventBus.ts';
import { ApiError } from '../../src/http/ApiError.ts';
import { SettingsService } from '../../src/settings/SettingsService.ts';
import type { Store } from '../../src/store/Store.ts';
import { ENGINES } from '../helpers/engines.ts';
import { withStore } from '../helpers/storeFor.ts';
import { anomaly, HOUR, iso, T0 } from './fixture.ts';

function service(store: Store, events: EventBus, now: () => number): AnomalyService {
  const activity = new ActivityService(store);
  return new AnomalyService(
    store,
    new AnalyticsService(store, new SettingsService(store, activity)),
    events,
    activity,
    now,
  );
}

const q = (over: Record<string, unknown> = {}) =>
  AnomalyListQuerySchema.parse({ sensitivity: 'high', ...over });

for (const engine of ENGINES) {
  describe(`anomaly store on ${engine}`, () => {
    it('a re-scan upserts: same rows, triage kept; a changed detection updates, an overlapping one matches', async () => {
      await withStore(engine, async (store) => {
        const events = new EventBus();
        const seen: string[] = [];
        events.subscribe('ws1', (e) => {
          if (e.type === 'anomaly') seen.push(`${e.data.change}:${e.data.id}:${e.data.status}`);
        });
        let now = T0 + 1000 * HOUR;
        const svc = service(store, events, () => now);
        const scan = [
          anomaly({ id: 'a1', startH: 10 }),
          anomaly({ id: 'a2', startH: 40, metric: 'error_rate' }),
        ];
        assert.deepEqual(await svc.record('ws1', scan, T0), {
          detected: 2,
          inserted: 2,
          updated: 0,
          unchanged: 0,
        });
        const first = await svc.list('ws1', q());
        assert.deepEqual(
          first.map((a) => a.id),
          ['a2', 'a1'],
          'newest first',
        );
        assert.deepEqual(seen.sort(), ['detected:a1:open', 'detected:a2:open']);
        now += HOUR;
        const acked = await svc.patch('ws1', 'alice@example.com', 'a1', 'acknowledged');
        assert.equal(acked.status, 'acknowledged');
        assert.equal(acked.acknowledged_by, 'alice@example.com');
        assert.equal(acked.acknowledged_at, iso(now));
        seen.length = 0;

        // The same scan again: nothing written, no event, triage kept.
        now += HOUR;
        assert.deepEqual(await svc.record('ws1', scan, T0), {
          detected: 2,
          inserted: 0,
          updated: 0,
          unchanged: 2,
        });
        assert.deepEqual(seen, []);
        const again = await svc.list('ws1', q());
        assert.equal(again.length, 2);
        const a1 = again.find((a) => a.id === 'a1');
        assert.equal(a1?.status, 'acknowledged');
        assert.equal(a1?.acknowledged_by, 'alice@example.com');
        assert.deepEqual(
          again.find((a) => a.id === 'a2'),
          first.find((a) => a.id === 'a2'),
          'untouched row',
        );

        // The incident grew by an hour, and a slid window moved a2's start an hour earlier (another id).
        now += HOUR;
        const grown = [
          anomaly({ id: 'a1', startH: 10, hours: 3 }),
          anomaly({ id: 'a2-earlier', startH: 39, hours: 3, metric: 'error_rate' }),
          anomaly({ id: 'a3', startH: 70, metric: 'messages', slice: { dimension: 'overall', value: null } }),
        ];
        assert.deepEqual(await svc.record('ws1', grown, T0), {
          detected: 3,
          inserted: 1,
          updated: 2,
          unchanged: 0,
        });
        assert.deepEqual(seen.sort(), ['detected:a3:open', 'updated:a1:acknowledged', 'updated:a2:open']);
        const after = await svc.list('ws1', q());
        assert.deepEqual(
          after.map((a) => a.id),
          ['a3', 'a2', 'a1'],
        );
        const g1 = after.find((a) => a.id === 'a1');
        assert.equal(g1?.buckets, 3);
        assert.equal(g1?.status, 'acknowledged');
        assert.equal(g1?.acknowledged_by, 'alice@example.com');
        assert.equal(g1?.detected_at, first.find((a) => a.id === 'a1')?.detected_at);
        assert.equal(g1?.updated_at, iso(now));
        assert.equal(after.find((a) => a.id === 'a2')?.start, iso(T0 + 39 * HOUR));
        // Another workspace sees none of it.
        assert.deepEqual(await svc.list('ws2', q()), []);
      });
    });

    it('lists with every filter; triage records who and when; reopening clears it; unknown id is a 404', async () => {
      await withStore(engine, async (store) => {
        let now = T0 + 2000 * HOUR;
        const svc = service(store, new EventBus(), () => now);
        await svc.record(
          'ws1',
          [
            anomaly({ id: 'low', startH: 10, sensitivity: 'low' }),
            anomaly({ id: 'med', startH: 20, sensitivity: 'medium', metric: 'latency_p95' }),
            anomaly({
              id: 'high',
              startH: 30,
              sensitivity: 'high',
              slice: { dimension: 'provider', value: 'openai' },
            }),
            anomaly({
              id: 'day',
              startH: 48,
              hours: 1,
              granularity: 'day',
              slice: { dimension: 'overall', value: null },
            }),
          ],
          T0,
        );
        const ids = async (over: Record<string, unknown>) =>
          (await svc.list('ws1', q(over))).map((a) => a.id);
        assert.deepEqual(await ids({}), ['day', 'high', 'med', 'low']);
        assert.deepEqual(await ids({ sensitivity: 'medium' }), ['day', 'med', 'low']);
        assert.deepEqual(
          (await svc.list('ws1', AnomalyListQuerySchema.parse({}))).map((a) => a.id),
          ['day', 'med', 'low'],
          'medium by default',
        );
        assert.deepEqual(await ids({ sensitivity: 'low' }), ['day', 'low']);
        assert.deepEqual(await ids({ metric: 'latency_p95' }), ['med']);
        assert.deepEqual(await ids({ model: 'm1' }), ['med', 'low']);
        assert.deepEqual(await ids({ provider: 'openai' }), ['high']);
        assert.deepEqual(await ids({ granularity: 'day' }), ['day']);
        assert.deepEqual(await ids({ granularity: 'hour', limit: 2 }), ['high', 'med']);
        // Overlap with the window: `low` runs 10:00–12:00 on day 0, `med` from 20:00.
        assert.deepEqual(await ids({ startDate: iso(T0 + 11 * HOUR), endDate: iso(T0 + 21 * HOUR) }), [
          'med',
          'low',
        ]);
        assert.deepEqual(await ids({ startDate: iso(T0 + 12 * HOUR), endDate: iso(T0 + 20 * HOUR) }), []);
        assert.deepEqual(await ids({ startDate: '2026-11-03' }), ['day', 'high']);
        assert.deepEqual(
          await ids({ endDate: '2026-11-02' }),
          ['med', 'low'],
          'a date-only end includes the day',
        );
        await assert.rejects(
          svc.list('ws1', q({ startDate: '2026-11-03', endDate: '2026-11-02' })),
          (e) => e instanceof ApiError && e.status === 400 && e.code === 'invalid_date_range',
        );

        now += 1000;
        const acked = await svc.patch('ws1', 'alice', 'med', 'acknowledged');
        assert.deepEqual(
          [acked.acknowledged_by, acked.acknowledged_at, acked.resolved_by],
          ['alice', iso(now), null],
        );
        now += 1000;
        const resolved = await svc.patch('ws1', 'bob', 'med', 'resolved');
        assert.deepEqual(
          [resolved.status, resolved.acknowledged_by, resolved.resolved_by, resolved.resolved_at],
          ['resolved', 'alice', 'bob', iso(now)],
        );
        assert.deepEqual(await ids({ status: 'resolved' }), ['med']);
        assert.deepEqual(await ids({ status: 'open', sensitivity: 'low' }), ['day', 'low']);
        const reopened = await svc.patch('ws1', 'carol', 'med', 'open');
        assert.deepEqual(
          [
            reopened.status,
            reopened.acknowledged_by,
            reopened.acknowledged_at,
            reopened.resolved_by,
            reopened.resolved_at,
          ],
          ['open', null, null, null, null],
        );
        for (const [ws, id] of [
          ['ws1', 'nope'],
          ['ws2', 'med'],
        ])
          await assert.rejects(
            svc.patch(ws, 'alice', id, 'resolved'),
            (e) => e instanceof ApiError && e.status === 404 && !e.message.includes(id),
          );
      });
    });
  });
}
