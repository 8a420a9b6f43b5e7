// Browser tests of the Alerts page against the real server and a local webhook receiver: the suggested defaults,
// a refused save shown at its field, a rule created through the form with its live preview and a webhook
// channel, the secret shown once, "send test" verified by the receiver and shown delivered, the history, the
// bell once the rule fires, the enable toggle, delete with confirmation, a viewer's read-only page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type AlertEvent, type AlertRule, SUGGESTED_ALERT_RULES } from '@llm-analytics/core';
import type { Page } from 'playwright-core';
import { type HttpReceiver, startHttpReceiver } from '../alerts/receivers.ts';
import { verifyStandardWebhook } from '../alerts/verifyStandardWebhook.ts';
import type { TestServer } from '../helpers/testServer.ts';
import { artifactPath, launchBrowser, type TestBrowser } from './browser.ts';
import { OWNER, startDashboardServer, VIEWER } from './dashboardFixture.ts';
import { apiFromPage, signIn } from './pageHelpers.ts';

const NAME = 'Errors above half a percent';
const SUGGESTED = Object.values(SUGGESTED_ALERT_RULES).map((r) => r.name);

const rules = async (page: Page) =>
  (await apiFromPage<{ rules: AlertRule[] }>(page, 'GET', '/api/alerts/rules')).rules;
const rule = async (page: Page, name: string) => {
  const r = (await rules(page)).find((x) => x.name === name);
  assert.ok(r, `${name} is stored`);
  return r;
};

describe('alerts page in Chromium', { timeout: 180_000 }, () => {
  let s: TestServer;
  let browser: TestBrowser;
  let page: Page;
  let receiver: HttpReceiver;
  let secret = '';

  before(async () => {
    receiver = await startHttpReceiver();
    // The receiver listens on loopback, which outgoing alert requests refuse unless allowed.
    s = await startDashboardServer(3000, { alertAllowPrivateUrls: true });
    await s.ctx.accounts.setup(OWNER);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await signIn(page, s.url, OWNER);
  });
  after(async () => {
    await browser?.close();
    await s?.close();
    await receiver?.close();
  });

  it('lists the suggested defaults, marked and off', async () => {
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Alerts' }).click();
    assert.equal(new URL(page.url()).pathname, '/alerts');
    await page.locator('[data-testid="alert-rules"][data-state="ready"]').waitFor();
    const shown = await page.$$eval('tr[data-rule]', (rows) =>
      rows.map((r) => ({
        name: r.getAttribute('data-rule'),
        suggested: r.textContent?.includes('suggested'),
        on: (r.querySelector('input[type="checkbox"]') as HTMLInputElement).checked,
      })),
    );
    assert.deepEqual(shown.map((r) => r.name).sort(), [...SUGGESTED].sort());
    assert.ok(shown.every((r) => r.suggested && !r.on));
  });

  it('shows what the API refuses at its fields (threshold, a recipient), with its message and code', async () => {
    await page.getByRole('button', { name: 'New rule' }).click();
    const dialog = page.getByRole('dialog', { name: 'New alert rule' });
    await dialog.getByLabel('Name').first().fill(NAME);
    await dialog.getByRole('button', { name: 'Add email' }).click();
    await dialog
      .getByTestId('channel-0')
      .getByLabel(/^Recipients/)
      .fill('not-an-address');
    await dialog.getByRole('button', { name: 'Create rule' }).click();
    const banner = dialog.getByTestId('rule-form-error');
    await banner.waitFor();
    assert.match((await banner.textContent()) ?? '', /Not saved: .+\(\w+\)/);
    const threshold = dialog.getByLabel(/^Threshold/);
    assert.equal(await threshold.getAttribute('aria-invalid'), 'true');
    const describedBy = await threshold.getAttribute('aria-describedby');
    assert.ok(describedBy);
    assert.ok(((await page.locator(`[id="${describedBy}"]`).textContent()) ?? '').length > 0);
    const recipients = dialog.getByTestId('channel-0').getByLabel(/^Recipients/);
    assert.equal(await recipients.getAttribute('aria-invalid'), 'true');
    assert.equal((await rules(page)).length, SUGGESTED.length, 'nothing was stored');
    await dialog.getByTestId('channel-0').getByRole('button', { name: 'Remove channel' }).click();
  });

  it('creates a rule with a live preview and a webhook channel, and shows its secret once', async () => {
    const dialog = page.getByRole('dialog', { name: 'New alert rule' });
    await dialog.getByLabel('Metric').selectOption('error_rate');
    await dialog.getByLabel('Comparator').selectOption('gt');
    await dialog.getByLabel(/^Threshold/).fill('0.5');
    // 30 days: the demo's errors fall inside it wherever its clock puts them.
    await dialog.getByLabel('Window (minutes)').fill('43200');
    await dialog.locator('[data-testid="rule-preview"] canvas').waitFor();
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    const channel = dialog.getByTestId('channel-0');
    await channel.getByLabel('Name').fill('Local receiver');
    await channel.getByLabel('URL').fill(`${receiver.url}/hook`);
    await page.screenshot({ path: artifactPath('alerts-form.png'), fullPage: true });
    await dialog.getByRole('button', { name: 'Create rule' }).click();
    const shown = page.getByRole('dialog', { name: 'Webhook signing secret' });
    secret = (await shown.getByTestId('webhook-secret').textContent()) ?? '';
    assert.match(secret, /^whsec_/);
    await shown.getByRole('button', { name: 'Done' }).click();
    const stored = await rule(page, NAME);
    assert.deepEqual(stored.condition, {
      type: 'threshold',
      metric: 'error_rate',
      slice: { dimension: 'overall' },
      comparator: 'gt',
      threshold: 0.5,
      window_minutes: 43200,
      for_minutes: 0,
    });
    assert.equal(stored.enabled, true);
    assert.deepEqual(
      stored.channels.map((c) => [c.type, c.name, c.url, c.secret_hint]),
      [['webhook', 'Local receiver', `${receiver.url}/hook`, secret.slice(-4)]],
    );
    // Shown once: the page's rule list never carries it.
    assert.ok(!JSON.stringify(await rules(page)).includes(secret));
    await page.locator(`tr[data-rule="${NAME}"]`).waitFor();
  });

  it('sends a test the receiver verifies, shows it delivered, and lists it in the history', async () => {
    const before = receiver.received.length;
    await page.locator(`tr[data-rule="${NAME}"]`).getByRole('button', { name: 'Send test' }).click();
    const result = page.locator('[data-testid="test-result"][data-state="done"]');
    await result.waitFor();
    assert.equal(
      await result.locator('[data-delivery-status]').getAttribute('data-delivery-status'),
      'delivered',
    );
    assert.match((await result.textContent()) ?? '', /Local receiver.*delivered.*1 attempt/);
    assert.ok(receiver.received.length > before, 'the receiver got the test');
    const got = receiver.received[before];
    assert.equal(got.url, '/hook');
    assert.ok(
      verifyStandardWebhook(secret, got.headers, got.body),
      'the signature verifies with the secret shown',
    );
    assert.ok(got.body.includes(NAME), 'the payload names the rule');
    await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
    const history = page.getByTestId('alert-history');
    await history.locator('tr[data-kind="test"] [data-delivery-status="delivered"]').waitFor();
    // The form's channels editor sends the same test and shows its result in place.
    await page.locator(`tr[data-rule="${NAME}"]`).getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('dialog', { name: `Edit “${NAME}”` });
    await form.getByRole('button', { name: 'Send test' }).click();
    await form.locator('[data-testid="test-result"] [data-delivery-status="delivered"]').waitFor();
    await form.getByRole('button', { name: 'Cancel' }).click();
    const api = await apiFromPage<{ events: AlertEvent[] }>(page, 'GET', '/api/alerts/history');
    assert.deepEqual(
      api.events
        .filter((e) => e.kind === 'test')
        .map((e) => [e.rule_name, e.deliveries.map((d) => d.status)]),
      [
        [NAME, ['delivered']],
        [NAME, ['delivered']],
      ],
    );
    assert.equal(receiver.received.filter((r) => r.body.includes('alert.test')).length, 2);
  });

  it('rings the bell when the rule fires, live, listing it with a link to the page', async () => {
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.locator('[data-testid="live-status"][data-status="live"]').waitFor();
    assert.equal(await page.getByTestId('alert-bell').getAttribute('data-firing'), '0');
    // The job runner's evaluation, run now: its `alert` event reaches the open page, which re-reads the rules.
    await s.ctx.alerts.evaluate(s.workspaceId);
    assert.equal((await rule(page, NAME)).state, 'firing');
    const bell = page.getByTestId('alert-bell');
    await page.locator('[data-testid="alert-bell"][data-firing="1"]').waitFor();
    await bell.getByRole('button', { name: 'Alerts: 1 firing' }).click();
    const menu = bell.getByRole('region', { name: 'Firing alerts' });
    await menu.locator(`li[data-rule="${NAME}"]`).waitFor();
    await page.screenshot({ path: artifactPath('alerts-bell.png') });
    await menu.getByRole('link', { name: 'All alert rules' }).click();
    await page.locator(`tr[data-rule="${NAME}"][data-state="firing"]`).waitFor();
    // The firing notification went to the webhook too, signed the same way.
    const firing = receiver.received.find((r) => r.body.includes('"firing"'));
    assert.ok(
      firing && verifyStandardWebhook(secret, firing.headers, firing.body),
      'the firing notification arrived signed',
    );
  });

  it('switches a suggested rule on with its toggle', async () => {
    const name = SUGGESTED[0];
    await page.locator(`tr[data-rule="${name}"]`).getByLabel(`Enable ${name}`).check();
    await page.locator(`tr[data-rule="${name}"] input[type="checkbox"]:checked:not(:disabled)`).waitFor();
    assert.equal((await rule(page, name)).enabled, true);
  });

  it('deletes a rule only after confirmation', async () => {
    const row = page.locator(`tr[data-rule="${NAME}"]`);
    await row.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: `Delete “${NAME}”?` });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    assert.ok(await rule(page, NAME));
    await row.getByRole('button', { name: 'Delete' }).click();
    await confirm.getByRole('button', { name: 'Delete rule' }).click();
    await row.waitFor({ state: 'detached' });
    assert.ok(!(await rules(page)).some((r) => r.name === NAME));
    await page.screenshot({ path: artifactPath('alerts-page.png'), fullPage: true });
  });

  it('shows a viewer the rules, their state and the history, and no control that changes them', async () => {
    await s.ctx.accounts.createUser(VIEWER, s.workspaceId, 'viewer');
    // The persistent context shares cookies: this signs the owner out, so it runs last.
    await browser.context.clearCookies();
    const viewer = await browser.context.newPage();
    try {
      await signIn(viewer, s.url, VIEWER);
      await viewer.goto(`${s.url}/alerts`);
      await viewer.locator('[data-testid="alert-rules"][data-state="ready"]').waitFor();
      assert.equal(await viewer.locator('tr[data-rule]').count(), SUGGESTED.length);
      assert.equal(await viewer.getByRole('button', { name: 'New rule' }).count(), 0);
      assert.equal(await viewer.locator('.rules-table .row-actions').count(), 0);
      assert.ok(await viewer.locator('.rules-table input[type="checkbox"]').first().isDisabled());
      await viewer.locator('[data-testid="alert-history"][data-state="ready"]').waitFor();
    } finally {
      await viewer.close();
    }
  });
});
