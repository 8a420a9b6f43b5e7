// Delivery against real receivers on both engines: the webhook signature checked by an independent verifier,
// the Slack Block Kit payload, an email received over SMTP with HTML and text parts, retries after a 500 on
// the backoff, a channel disabled after repeated failures, cooldown, and the private-address refusal.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isPrivateAddress } from '../../src/alerts/delivery/isPrivateAddress.ts';
import { call } from '../accounts/helpers.ts';
import { ENGINES } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { clockAt, clockedAlerts, ingestMessages, MIN, testEpoch } from './alertFixture.ts';
import { type HttpReceiver, type SmtpReceiver, startHttpReceiver, startSmtpReceiver } from './receivers.ts';
import { verifyStandardWebhook } from './verifyStandardWebhook.ts';

const errorRule = (channels: unknown[], over: Record<string, unknown> = {}) => ({
  name: 'errors over 20%',
  condition: {
    type: 'threshold' as const,
    metric: 'error_rate',
    comparator: 'gt' as const,
    threshold: 20,
    window_minutes: 15,
  },
  channels: channels as never,
  cooldown_minutes: 0,
  enabled: true,
  ...over,
});

for (const engine of ENGINES) {
  describe(`alert delivery on ${engine}`, () => {
    let s: TestServer;
    let hook: HttpReceiver;
    let smtp: SmtpReceiver;
    before(async () => {
      hook = await startHttpReceiver();
      smtp = await startSmtpReceiver();
      s = await startTestServer({ engine, config: { alertAllowPrivateUrls: true, smtpUrl: smtp.url } });
    });
    after(async () => {
      await s.close();
      await hook.close();
      await smtp.close();
    });

    it('test deliveries: a signed webhook, a Slack Block Kit message and an email with HTML and text', async () => {
      const created = await call(s.url, 'POST', '/api/alerts/rules', {
        key: s.adminKey,
        body: errorRule([
          { type: 'webhook', url: `${hook.url}/signed` },
          { type: 'slack', url: `${hook.url}/slack` },
          { type: 'email', to: ['oncall@example.com', 'lead@example.com'] },
        ]),
      });
      assert.equal(created.status, 201, created.text);
      const { rule, secrets } = created.body;
      const tested = await call(s.url, 'POST', `/api/alerts/rules/${rule.id}/test`, { key: s.adminKey });
      assert.equal(tested.status, 200, tested.text);
      const event = tested.body.event;
      assert.equal(event.kind, 'test');
      assert.deepEqual(
        event.deliveries.map((d: { channel_type: string; status: string; attempts: number }) => [
          d.channel_type,
          d.status,
          d.attempts,
        ]),
        [
          ['webhook', 'delivered', 1],
          ['slack', 'delivered', 1],
          ['email', 'delivered', 1],
        ],
        tested.text,
      );

      const signed = hook.received.find((x) => x.url === '/signed');
      assert.ok(signed);
      assert.ok(
        verifyStandardWebhook(secrets[0].secret, signed.headers, signed.body),
        'the signature verifies',
      );
      assert.ok(
        !verifyStandardWebhook(secrets[0].secret, signed.headers, `${signed.body} `),
        'a changed body fails',
      );
      assert.ok(Math.abs(Number(signed.headers['webhook-timestamp']) - Date.now() / 1000) < 300);
      assert.equal(signed.headers['webhook-id'], event.deliveries[0].id);
      assert.equal(JSON.parse(signed.body).type, 'alert.test');

      const slack = JSON.parse(hook.received.find((x) => x.url === '/slack')?.body ?? '{}');
      assert.equal(typeof slack.text, 'string');
      const types = slack.blocks.map((b: { type: string }) => b.type);
      assert.deepEqual(types, ['header', 'section', 'context', 'actions']);
      const fields = slack.blocks[1].fields.map((f: { type: string; text: string }) => f.text);
      assert.ok(fields.some((t: string) => t.startsWith('*Value*')));
      assert.ok(fields.includes('*Threshold*\n> 20'), fields.join(' | '));
      assert.ok(fields.includes('*Slice*\noverall'));
      const button = slack.blocks[3].elements[0];
      assert.equal(button.type, 'button');
      assert.match(button.url, new RegExp(`/alerts\\?rule=${rule.id}$`));

      assert.equal(smtp.mails.length, 1);
      const mail = smtp.mails[0];
      assert.match(mail.subject ?? '', /\[test\] errors over 20%/);
      assert.deepEqual(
        (Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((t) => t?.value.map((v) => v.address)),
        ['oncall@example.com', 'lead@example.com'],
      );
      assert.match(mail.text ?? '', /errors over 20%/);
      assert.match(String(mail.html), /<h2>\[test\] errors over 20%<\/h2>/);
      assert.match(String(mail.html), /href="http:\/\/127\.0\.0\.1:\d+\/alerts\?rule=/);

      const history = await call(s.url, 'GET', `/api/alerts/history?rule_id=${rule.id}`, { key: s.adminKey });
      assert.equal(history.body.events.length, 1);
      assert.equal(history.body.events[0].deliveries.length, 3);
      assert.equal(
        (await call(s.url, 'DELETE', `/api/alerts/rules/${rule.id}`, { key: s.adminKey })).status,
        204,
      );
    });

    it('retries after a 500 on the backoff (30 s, then 2 min) and logs each attempt', async () => {
      const T = testEpoch();
      const clock = clockAt(T);
      const alerts = clockedAlerts(s, clock);
      const ws = s.workspaceId;
      const { rule } = await alerts.create(
        ws,
        'test',
        errorRule([{ type: 'webhook', url: `${hook.url}/retry` }]),
      );
      await ingestMessages(s, T - 5 * MIN, 10, 5);
      hook.replyWith('/retry', 500, 500);
      await alerts.evaluate(ws);
      const deliveries = async () =>
        (await alerts.history(ws, { rule_id: rule.id, limit: 1 }))[0].deliveries[0];
      let d = await deliveries();
      assert.equal(d.status, 'pending');
      assert.equal(d.attempts, 1);
      assert.match(d.last_error ?? '', /HTTP 500: receiver says no/);
      assert.equal(d.next_attempt_at, new Date(T + 30_000).toISOString());
      clock.advance(29_000);
      assert.deepEqual(await alerts.deliverDue(ws), { attempted: 0, delivered: 0 });
      clock.advance(1000);
      await alerts.deliverDue(ws);
      d = await deliveries();
      assert.equal(d.attempts, 2);
      assert.equal(d.next_attempt_at, new Date(T + 30_000 + 120_000).toISOString());
      clock.advance(120_000);
      await alerts.deliverDue(ws);
      d = await deliveries();
      assert.equal(d.status, 'delivered');
      assert.equal(d.attempts, 3);
      assert.equal(d.last_error, null);
      assert.equal(hook.received.filter((x) => x.url === '/retry').length, 3);
      const channel = (await alerts.get(ws, rule.id)).channels[0];
      assert.equal(channel.consecutive_failures, 0, 'a success resets the count');
      await alerts.remove(ws, 'test', rule.id);
    });

    it('disables a channel after 5 failed attempts in a row, with the reason', async () => {
      const T = testEpoch() + 2 * 3600_000;
      const clock = clockAt(T);
      const alerts = clockedAlerts(s, clock);
      const ws = s.workspaceId;
      const { rule } = await alerts.create(
        ws,
        'test',
        errorRule([{ type: 'webhook', url: `${hook.url}/down` }]),
      );
      await ingestMessages(s, T - 5 * MIN, 10, 5);
      hook.replyWith('/down', 500, 500, 500, 500, 500);
      await alerts.evaluate(ws);
      for (const wait of [30_000, 120_000, 600_000, 3_600_000]) {
        clock.advance(wait);
        await alerts.deliverDue(ws);
      }
      const [event] = await alerts.history(ws, { rule_id: rule.id, limit: 1 });
      assert.equal(event.deliveries[0].status, 'failed');
      assert.equal(event.deliveries[0].attempts, 5);
      assert.equal(event.deliveries[0].next_attempt_at, null);
      const channel = (await alerts.get(ws, rule.id)).channels[0];
      assert.equal(channel.enabled, false);
      assert.equal(channel.consecutive_failures, 5);
      assert.match(
        channel.disabled_reason ?? '',
        /disabled after 5 failed deliveries in a row; last: HTTP 500/,
      );
      assert.equal(hook.received.filter((x) => x.url === '/down').length, 5);
      // Written again (named by id), the channel is back.
      const { rule: edited } = await alerts.update(ws, 'test', rule.id, {
        channels: [{ id: channel.id, type: 'webhook', url: `${hook.url}/down` }],
      });
      assert.equal(edited.channels[0].enabled, true);
      assert.equal(edited.channels[0].disabled_reason, null);
      await alerts.remove(ws, 'test', rule.id);
    });

    it('cooldown: a re-fire soon after the resolve is held back, then announced once the cooldown is over', async () => {
      const T = testEpoch() + 4 * 3600_000;
      const clock = clockAt(T);
      const alerts = clockedAlerts(s, clock);
      const ws = s.workspaceId;
      const { rule } = await alerts.create(
        ws,
        'test',
        errorRule([{ type: 'webhook', url: `${hook.url}/cool` }], { cooldown_minutes: 30 }),
      );
      await ingestMessages(s, T - 1 * MIN, 10, 5);
      await alerts.evaluate(ws); // fires
      clock.advance(20 * MIN); // the errors leave the 15-minute window
      await alerts.evaluate(ws); // resolves
      await ingestMessages(s, clock.now - 1 * MIN, 10, 5);
      clock.advance(MIN);
      await alerts.evaluate(ws); // fires again, 1 min after the resolve: held back
      const kinds = async () =>
        (await alerts.history(ws, { rule_id: rule.id, limit: 10 })).map(
          (e) => `${e.kind}:${e.suppressed ?? 'sent'}`,
        );
      assert.deepEqual(await kinds(), ['firing:cooldown', 'resolved:sent', 'firing:sent']);
      assert.equal(hook.received.filter((x) => x.url === '/cool').length, 2);
      await ingestMessages(s, clock.now + 28 * MIN, 10, 5);
      clock.advance(30 * MIN);
      await alerts.evaluate(ws); // still firing, the cooldown over: announced now
      assert.deepEqual(await kinds(), ['firing:sent', 'firing:cooldown', 'resolved:sent', 'firing:sent']);
      assert.equal(hook.received.filter((x) => x.url === '/cool').length, 3);
      await alerts.remove(ws, 'test', rule.id);
    });

    it('emails the firing, a reminder every repeat_minutes while it fires, and the resolve', async () => {
      const T = testEpoch() + 5 * 3600_000;
      const clock = clockAt(T);
      const alerts = clockedAlerts(s, clock, { smtpUrl: smtp.url });
      const ws = s.workspaceId;
      const { rule } = await alerts.create(
        ws,
        'test',
        errorRule([{ type: 'email', to: ['oncall@example.com'] }], {
          repeat_minutes: 60,
          name: 'mailed rule',
        }),
      );
      const before = smtp.mails.length;
      await ingestMessages(s, T - MIN, 10, 5);
      await alerts.evaluate(ws);
      for (let m = 10; m <= 60; m += 10) {
        await ingestMessages(s, T + (m - 1) * MIN, 10, 5);
        clock.advance(10 * MIN);
        await alerts.evaluate(ws);
      }
      clock.advance(20 * MIN); // the errors leave the window
      await alerts.evaluate(ws);
      const subjects = smtp.mails.slice(before).map((m) => m.subject);
      assert.deepEqual(subjects, [
        '[firing] mailed rule',
        '[still firing] mailed rule',
        '[resolved] mailed rule',
      ]);
      const firing = smtp.mails[before];
      assert.match(firing.text ?? '', /error_rate = 50 \(threshold > 20, last 15 min\)/);
      assert.match(String(firing.html), /error_rate = 50 \(threshold &gt; 20, last 15 min\)/);
      await alerts.remove(ws, 'test', rule.id);
    });

    it('follows no redirect and gives up on a receiver that does not answer', async () => {
      const alerts = clockedAlerts(s, clockAt(Date.now()), { timeoutMs: 300 });
      const ws = s.workspaceId;
      hook.replyWith('/moved', 302);
      hook.replyWith('/hang', 0);
      const { rule } = await alerts.create(
        ws,
        'test',
        errorRule([
          { type: 'webhook', url: `${hook.url}/moved` },
          { type: 'slack', url: `${hook.url}/hang` },
        ]),
      );
      const event = await alerts.test(ws, 'test', rule.id);
      assert.equal(event.deliveries[0].status, 'failed');
      assert.match(event.deliveries[0].last_error ?? '', /^HTTP 302 \(redirects are not followed\)/);
      assert.equal(hook.received.filter((x) => x.url === '/elsewhere').length, 0);
      assert.equal(event.deliveries[1].status, 'failed');
      assert.match(event.deliveries[1].last_error ?? '', /no reply within 300 ms/);
      await alerts.remove(ws, 'test', rule.id);
    });

    it('refuses loopback, link-local and private addresses unless ALERT_ALLOW_PRIVATE_URLS', async () => {
      const clock = clockAt(Date.now());
      const strict = clockedAlerts(s, clock, { allowPrivate: false });
      const ws = s.workspaceId;
      const port = new URL(hook.url).port;
      const { rule } = await strict.create(
        ws,
        'test',
        errorRule([
          { type: 'webhook', url: `${hook.url}/private` },
          { type: 'webhook', url: `http://localhost:${port}/private` },
          { type: 'slack', url: `http://[::1]:${port}/private` },
          { type: 'webhook', url: 'http://169.254.169.254/latest/meta-data' },
        ]),
      );
      const before = hook.received.length;
      const event = await strict.test(ws, 'test', rule.id);
      assert.equal(hook.received.length, before, 'nothing reached the receiver');
      for (const d of event.deliveries) {
        assert.equal(d.status, 'failed');
        assert.match(
          d.last_error ?? '',
          /^refused: .* a loopback, link-local or private address/,
          d.last_error ?? '',
        );
      }
      // The same rule through the server, whose config allows them: delivered.
      const allowed = await s.ctx.alerts.test(ws, 'test', rule.id);
      assert.deepEqual(
        allowed.deliveries.slice(0, 2).map((d) => d.status),
        ['delivered', 'delivered'],
      );
      for (const a of [
        '127.0.0.1',
        '10.1.2.3',
        '172.16.0.1',
        '192.168.1.1',
        '169.254.169.254',
        '::1',
        'fe80::1',
        'fd00::1',
        '::ffff:127.0.0.1',
        '0.0.0.0',
      ])
        assert.equal(isPrivateAddress(a), true, a);
      for (const a of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '172.32.0.1'])
        assert.equal(isPrivateAddress(a), false, a);
      await strict.remove(ws, 'test', rule.id);
    });
  });
}
