// GET/PUT /api/settings: defaults, validation, scope, and the change landing in the activity feed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

describe('settings API', () => {
  let s: TestServer;
  const put = (key: string, body: unknown) =>
    fetch(`${s.url}/api/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    });
  before(async () => {
    s = await startTestServer();
  });
  after(() => s.close());

  it('answers the defaults to a read key', async () => {
    const r = await fetch(`${s.url}/api/settings`, {
      headers: { authorization: `Bearer ${await s.createKey('read')}` },
    });
    assert.equal(r.status, 200);
    assert.deepEqual(await r.json(), {
      price_book: { default: null, providers: {}, models: {} },
      sla_threshold_ms: 2000,
    });
  });

  it('refuses a read key and invalid values, changing nothing', async () => {
    assert.equal((await put(await s.createKey('read'), { sla_threshold_ms: 500 })).status, 403);
    const bad = await put(s.adminKey, {
      sla_threshold_ms: -1,
      price_book: { default: { input_per_1k: 'x' } },
    });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: { code: string } }).error.code, 'validation_failed');
    assert.equal((await s.ctx.settings.get('default')).sla_threshold_ms, 2000);
  });

  it('stores a patch, keeps the other keys, and logs it in the activity feed', async () => {
    const r = await put(s.adminKey, { sla_threshold_ms: 1500 });
    assert.equal(r.status, 200);
    const body = (await r.json()) as { sla_threshold_ms: number; price_book: unknown };
    assert.equal(body.sla_threshold_ms, 1500);
    assert.deepEqual(body.price_book, { default: null, providers: {}, models: {} });
    const feed = await fetch(`${s.url}/api/activity`, { headers: { authorization: `Bearer ${s.adminKey}` } });
    const events = ((await feed.json()) as { events: { action: string }[] }).events;
    assert.ok(events.some((e) => e.action === 'settings.update'));
  });
});
