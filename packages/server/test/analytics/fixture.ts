// Owns the analytics correctness fixture: a real server per engine loaded once, and reply-versus-oracle checks.
import assert from 'node:assert/strict';
import type { AnalyticsQuery, AnalyticsReply } from '@llm-analytics/core';
import { DEFAULT_SETTINGS } from '../../src/settings/SettingsService.ts';
import type { Engine, TestServer } from '../helpers/testServer.ts';
import { startTestServer } from '../helpers/testServer.ts';
import { type Dataset, generateDataset, NOW, toBatch } from './dataset.ts';
import { type OracleReply, type OracleSettings, oracle } from './oracle.ts';

export const OTHER_WORKSPACE = 'other-ws';

export interface Loaded {
  s: TestServer;
  ds: Dataset;
  /** A different data set with the same ids, stored in another workspace. */
  other: Dataset;
  settings: OracleSettings;
}

/**
 * Loads `ds` children first and with parents that change afterwards, over several commits: evaluations before
 * their messages, messages under stale conversation attributes, then the real conversations and models. Every
 * oracle check then also proves the carried message context ends up as if all had arrived in order.
 */
async function ingestOutOfOrder(s: TestServer, ds: Dataset): Promise<void> {
  const b = toBatch(ds);
  const evals = b.evaluations ?? [];
  const messages = b.messages ?? [];
  const half = Math.floor(evals.length / 2);
  const third = Math.ceil(messages.length / 3);
  const ingest = (batch: Parameters<typeof s.ctx.ingest.ingest>[1]) =>
    s.ctx.ingest.ingest(s.workspaceId, batch);
  await ingest({ evaluations: evals.slice(0, half) });
  await ingest({
    conversations: (b.conversations ?? []).map((c) => ({
      ...c,
      user_id: 'stale',
      session_id: 'stale',
      experiment_name: 'stale',
      is_widget_session: !c.is_widget_session,
    })),
  });
  await ingest({ messages: messages.slice(0, third) });
  await ingest({ messages: messages.slice(third), evaluations: evals.slice(half) });
  await ingest({ models: b.models, conversations: b.conversations });
}

export async function loadServer(engine: Engine): Promise<Loaded> {
  const s = await startTestServer({ engine });
  const ds = generateDataset(7);
  const other = generateDataset(99, 150);
  await s.ctx.workspaces.create(OTHER_WORKSPACE, OTHER_WORKSPACE);
  await ingestOutOfOrder(s, ds);
  await s.ctx.ingest.ingest(OTHER_WORKSPACE, toBatch(other));
  // Fresh PostgreSQL tables have no statistics until autovacuum runs (up to a minute): nested-loop plans
  // then take ~1 s per query instead of ~40 ms. Analyse now, as autovacuum would.
  if (engine === 'postgres') await s.ctx.store.query('ANALYZE', []);
  return { s, ds, other, settings: DEFAULT_SETTINGS };
}

export async function setSettings(l: Loaded, settings: OracleSettings): Promise<void> {
  await l.s.ctx.settings.update(l.s.workspaceId, settings);
  l.settings = settings;
}

/** Equal within 1e-9 relative (1e-12 absolute near zero); nulls must match exactly. */
export function close(actual: unknown, expected: unknown, what: string): void {
  if (expected === null || typeof expected !== 'number') {
    assert.deepEqual(actual, expected, what);
    return;
  }
  assert.equal(typeof actual, 'number', `${what}: expected ${expected}, got ${String(actual)}`);
  const a = actual as number;
  const tol = Math.max(1e-12, 1e-9 * Math.max(Math.abs(a), Math.abs(expected)));
  assert.ok(Math.abs(a - expected) <= tol, `${what}: expected ${expected}, got ${a}`);
}

const keyOf = (row: Record<string, unknown>, dims: string[]) => JSON.stringify(dims.map((d) => row[d]));

/** Same groups (in any order) with the same metric values, the same unpriced count and change_pct. */
export function assertMatches(
  reply: AnalyticsReply,
  want: OracleReply,
  q: AnalyticsQuery,
  unpriced = true,
): void {
  const dims = q.dimensions ?? [];
  const label = JSON.stringify(q);
  const got = new Map(reply.rows.map((r, i) => [keyOf(r, dims), i]));
  assert.equal(got.size, reply.rows.length, `${label}: duplicate groups`);
  const missing = want.rows.filter((r) => !got.has(keyOf(r, dims))).map((r) => keyOf(r, dims));
  const wantKeys = new Set(want.rows.map((r) => keyOf(r, dims)));
  const extra = reply.rows.filter((r) => !wantKeys.has(keyOf(r, dims))).map((r) => keyOf(r, dims));
  assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, `${label}: groups differ`);
  for (const [j, w] of want.rows.entries()) {
    const i = got.get(keyOf(w, dims))!;
    for (const m of q.metrics) close(reply.rows[i][m], w[m], `${label} ${keyOf(w, dims)} ${m}`);
    if (want.change_pct) {
      const change = reply.comparison?.change_pct[i];
      assert.ok(change, `${label}: no change_pct`);
      for (const m of q.metrics)
        close(change[m], want.change_pct[j][m], `${label} ${keyOf(w, dims)} change ${m}`);
    }
  }
  if (
    unpriced &&
    q.metrics.some((m) => m === 'cost' || m === 'cost_per_message' || m === 'unpriced_messages')
  ) {
    assert.equal(reply.meta.unpriced_messages, want.unpriced_messages, `${label}: unpriced_messages`);
  }
}

/** Runs `q` through AnalyticsService at the fixed NOW and checks it against the oracle. */
export async function check(l: Loaded, q: AnalyticsQuery): Promise<AnalyticsReply> {
  const reply = await l.s.ctx.analytics.query(l.s.workspaceId, q, NOW);
  assertMatches(reply, oracle(l.ds, q, NOW, l.settings), q);
  return reply;
}
