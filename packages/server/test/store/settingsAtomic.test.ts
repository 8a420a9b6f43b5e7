// SettingsService.update replaces the stored document in one transaction on both engines: when its insert
// fails, the delete before it is rolled back and the previous settings stay.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SettingsService } from '../../src/settings/SettingsService.ts';
import type { Store } from '../../src/store/Store.ts';
import { ENGINES } from '../helpers/engines.ts';
import { withStore } from '../helpers/storeFor.ts';

/** The same store, except that every settings insert inside a transaction fails (a full disk, say). */
function failingInserts(store: Store): Store {
  const s: Store = Object.create(store);
  s.transaction = (fn) =>
    store.transaction((tx) =>
      fn({
        query: (sql, params) =>
          sql.startsWith('INSERT INTO settings')
            ? Promise.reject(new Error('insert failed'))
            : tx.query(sql, params),
      }),
    );
  return s;
}

for (const engine of ENGINES) {
  describe(`settings update on ${engine}`, () => {
    it('keeps the previous settings when the insert fails', () =>
      withStore(engine, async (store) => {
        await new SettingsService(store).update('w', { sla_threshold_ms: 1234 });
        await assert.rejects(
          new SettingsService(failingInserts(store)).update('w', { sla_threshold_ms: 5000 }),
          /insert failed/,
        );
        const rows = await store.query('SELECT value FROM settings WHERE workspace_id = $1', ['w']);
        assert.equal(rows.length, 1, 'the row the delete removed is back');
        assert.equal((await new SettingsService(store).get('w')).sla_threshold_ms, 1234);
      }));

    it('merges a patch over the stored settings', () =>
      withStore(engine, async (store) => {
        const settings = new SettingsService(store);
        await settings.update('w', { sla_threshold_ms: 1500 });
        const next = await settings.update('w', {
          price_book: { default: { input_per_1k: 1, output_per_1k: 2 }, providers: {}, models: {} },
        });
        assert.equal(next.sla_threshold_ms, 1500);
        assert.deepEqual(await new SettingsService(store).get('w'), next);
      }));
  });
}
