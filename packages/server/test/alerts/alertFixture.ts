// Owns what alert tests share: an AlertService over a test server's store with a clock the test moves, and
// ingesting messages at chosen times through the real HTTP ingest.
import assert from 'node:assert/strict';
import { AlertService } from '../../src/alerts/AlertService.ts';
import type { TestServer } from '../helpers/testServer.ts';

export const MIN = 60_000;

export interface Clock {
  now: number;
  /** Moves the clock by `ms`. */
  advance(ms: number): void;
}

export function clockAt(ms: number): Clock {
  const c: Clock = {
    now: ms,
    advance(d) {
      c.now += d;
    },
  };
  return c;
}

/** The real service on the test server's store, its time read from `clock`. */
export function clockedAlerts(
  s: TestServer,
  clock: Clock,
  opts: { allowPrivate?: boolean; smtpUrl?: string | null; timeoutMs?: number } = {},
): AlertService {
  const { store, analytics, events, activity, anomalies } = s.ctx;
  return new AlertService(
    { store, analytics, events, activity, anomalies },
    {
      publicUrl: 'https://analytics.example.com',
      delivery: {
        allowPrivate: opts.allowPrivate ?? true,
        timeoutMs: opts.timeoutMs ?? 5000,
        smtpUrl: opts.smtpUrl ?? null,
        from: 'Alerts <alerts@example.com>',
      },
      now: () => clock.now,
    },
  );
}

let seq = 0;

/** Ingests `n` messages at `atMs` for `model`, the first `errors` of them with an error. */
export async function ingestMessages(
  s: TestServer,
  atMs: number,
  n: number,
  errors: number,
  model = 'model-a',
): Promise<void> {
  const messages = Array.from({ length: n }, (_, i) => ({
    id: `alert-msg-${++seq}`,
    conversation_id: `alert-conv-${model}`,
    role: 'assistant',
    model_id: model,
    provider: 'provider-x',
    latency_ms: 100,
    created_at: new Date(atMs - i).toISOString(),
    ...(i < errors ? { error_type: 'timeout' } : {}),
  }));
  const res = await fetch(`${s.url}/api/ingest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${s.adminKey}` },
    body: JSON.stringify({ messages }),
  });
  assert.ok(res.status < 300, `${res.status} ${await res.text()}`);
}

/** A whole minute well before now, so the windows the tests move through hold only their own data. */
export function testEpoch(): number {
  return Math.floor(Date.now() / MIN) * MIN - 6 * 3600_000;
}
