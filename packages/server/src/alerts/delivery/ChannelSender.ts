// Owns sending one notification to one channel: a signed webhook, a Slack message or an email over SMTP.
import nodemailer, { type Transporter } from 'nodemailer';
import { alertJson, type StoredChannel } from '../StoredAlert.ts';
import type { AlertNotification } from './AlertNotification.ts';
import { emailMessage } from './emailMessage.ts';
import { DeliveryError, postOutgoing } from './postOutgoing.ts';
import { slackMessage } from './slackMessage.ts';
import { webhookHeaders } from './webhookSecret.ts';

export interface DeliveryConfig {
  /** ALERT_ALLOW_PRIVATE_URLS. */
  allowPrivate: boolean;
  /** Every outgoing request and SMTP exchange gives up after this long. */
  timeoutMs: number;
  /** SMTP_URL (smtp:// or smtps://user:pass@host:port); null: email channels fail with the reason. */
  smtpUrl: string | null;
  /** ALERT_FROM. */
  from: string;
  now(): number;
}

export class ChannelSender {
  private mailer: Transporter | undefined;

  constructor(private readonly cfg: DeliveryConfig) {}

  /** Resolves when the channel accepted it; throws a DeliveryError with the reason otherwise. */
  async send(channel: StoredChannel, n: AlertNotification, deliveryId: string): Promise<void> {
    if (channel.type === 'webhook') {
      const body = JSON.stringify({ type: `alert.${n.kind}`, timestamp: n.at, data: n });
      if (!channel.secret) throw new DeliveryError('the webhook has no signing secret');
      const headers = webhookHeaders(channel.secret, deliveryId, Math.floor(this.cfg.now() / 1000), body);
      await this.post(channel, body, headers);
    } else if (channel.type === 'slack') {
      await this.post(channel, JSON.stringify(slackMessage(n)), {});
    } else if (channel.type === 'email') {
      await this.email(channel, n);
    } else throw new DeliveryError(`unknown channel type ${channel.type}`);
  }

  close(): void {
    this.mailer?.close();
  }

  private async post(channel: StoredChannel, body: string, headers: Record<string, string>): Promise<void> {
    if (!channel.url) throw new DeliveryError('the channel has no URL');
    await postOutgoing(channel.url, {
      body,
      headers: { 'content-type': 'application/json', 'user-agent': 'llm-analytics-alerts', ...headers },
      timeoutMs: this.cfg.timeoutMs,
      allowPrivate: this.cfg.allowPrivate,
    });
  }

  private async email(channel: StoredChannel, n: AlertNotification): Promise<void> {
    const to = (alertJson(channel.recipients) as string[] | null) ?? [];
    if (to.length === 0) throw new DeliveryError('the email channel has no recipients');
    const mailer = this.transport();
    const { subject, text, html } = emailMessage(n);
    try {
      await mailer.sendMail({ from: this.cfg.from, to, subject, text, html });
    } catch (e) {
      throw new DeliveryError(`SMTP: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private transport(): Transporter {
    if (!this.cfg.smtpUrl) throw new DeliveryError('email is not configured: set SMTP_URL');
    if (this.mailer) return this.mailer;
    const u = new URL(this.cfg.smtpUrl);
    const secure = u.protocol === 'smtps:';
    this.mailer = nodemailer.createTransport({
      host: u.hostname,
      port: u.port ? Number(u.port) : secure ? 465 : 587,
      secure,
      auth: u.username
        ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) }
        : undefined,
      connectionTimeout: this.cfg.timeoutMs,
      greetingTimeout: this.cfg.timeoutMs,
      socketTimeout: this.cfg.timeoutMs,
    });
    return this.mailer;
  }
}
