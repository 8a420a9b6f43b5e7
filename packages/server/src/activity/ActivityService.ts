// Owns the activity log of a workspace: sign-ins, key and member changes, settings changes, exports.
import { randomUUID } from 'node:crypto';
import type { ActivityEvent } from '@llm-analytics/core';
import type { Store } from '../store/Store.ts';

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
    await this.store.query(
      `INSERT INTO activity (id, workspace_id, at_ms, actor, action, target, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        randomUUID(),
        workspaceId,
        this.now(),
        actor,
        action,
        target,
        details ? JSON.stringify(details) : null,
      ],
    );
  }

  /** Newest first; `before` (ISO time) pages back. */
  async list(workspaceId: string, opts: { limit?: number; before?: string } = {}): Promise<ActivityEvent[]> {
    const limit = Math.min(Math.max(opts.limit ?? 50, 1), MAX_ACTIVITY_PAGE);
    const before = opts.before ? Date.parse(opts.before) : Number.MAX_SAFE_INTEGER;
    const rows = await this.store.query<{
      id: string;
      at_ms: number;
      actor: string;
      action: string;
      target: string | null;
      details: string | null;
    }>(
      `SELECT id, at_ms, actor, action, target, details FROM activity
       WHERE workspace_id = $1 AND at_ms < $2 ORDER BY at_ms DESC, id DESC LIMIT ${limit}`,
      [workspaceId, before],
    );
    return rows.map((r) => ({
      id: r.id,
      at: new Date(Number(r.at_ms)).toISOString(),
      actor: r.actor,
      action: r.action,
      target: r.target,
      details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
    }));
  }

  async removeWorkspace(workspaceId: string): Promise<void> {
    await this.store.query('DELETE FROM activity WHERE workspace_id = $1', [workspaceId]);
  }
}
