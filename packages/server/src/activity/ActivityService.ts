// Owns the activity log of a workspace: sign-ins, key and member changes, settings changes, exports.
import { randomUUID } from 'node:crypto';
import type { ActivityEvent } from '@llm-analytics/core';
import type { Store } from '../store/Store.ts';
import { insertActivity } from './queries/insertActivity.ts';
import { listActivity } from './queries/listActivity.ts';

export const MAX_ACTIVITY_PAGE = 200;

export class ActivityService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Appends one event. `actor` is who did it (see actorOf), `action` a dotted verb such as `key.create`,
   * `target` what it was done to. Never put secrets in `details`: it is shown to every member.
   */
  async record(
    workspaceId: string,
    actor: string,
    action: string,
    target: string | null = null,
    details: Record<string, unknown> | null = null,
  ): Promise<void> {
    const row = {
      id: randomUUID(),
      workspaceId,
      atMs: this.now(),
      actor,
      action,
      target,
      details: details ? JSON.stringify(details) : null,
    };
    await this.store.transaction((tx) => insertActivity(tx, row));
  }

  /** Newest first; `before` (ISO time) pages back. */
  async list(workspaceId: string, opts: { limit?: number; before?: string } = {}): Promise<ActivityEvent[]> {
    const limit = Math.min(Math.max(opts.limit ?? 50, 1), MAX_ACTIVITY_PAGE);
    const before = opts.before ? Date.parse(opts.before) : Number.MAX_SAFE_INTEGER;
    const rows = await listActivity(this.store, workspaceId, before, limit);
    return rows.map((r) => ({
      id: r.id,
      at: new Date(Number(r.at_ms)).toISOString(),
      actor: r.actor,
      action: r.action,
      target: r.target,
      details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
    }));
  }
}
