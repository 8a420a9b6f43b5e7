// Owns trace retention: the job kind that deletes a workspace's spans older than TRACE_RETENTION_DAYS, in
// batches, and the schedule that queues it for every workspace.
import type { ActivityService } from '../activity/ActivityService.ts';
import type { WorkspaceService } from '../workspaces/WorkspaceService.ts';
import type { JobKind } from './JobKind.ts';
import type { JobRunner, Schedule } from './JobRunner.ts';
import { countSpansBefore } from './queries/countSpansBefore.ts';
import { deleteSpansThrough } from './queries/deleteSpansThrough.ts';
import { findActiveJob } from './queries/findActiveJob.ts';
import { findSpanBatchEnd } from './queries/findSpanBatchEnd.ts';

export const RETENTION = 'retention';
const DAY_MS = 86_400_000;
/** Spans per delete: each batch is one transaction, which on DuckDB holds ingest commits while it runs. */
export const RETENTION_BATCH = 5000;

/** `retention_days` 0 keeps every span; `requested_by` (an actor) when someone asked for the run. */
export interface RetentionPayload {
  retention_days: number;
  requested_by?: string;
}

/**
 * The DuckDB writer's id filters (StoredIds) keep the deleted spans' ids: they only ever say "may be stored",
 * so a deleted span sent again costs one needless delete and is stored anew.
 */
export function retentionJob(activity: ActivityService, batch = RETENTION_BATCH): JobKind {
  return {
    kind: RETENTION,
    async run(ctx, job, report) {
      const days = Number(job.payload.retention_days);
      if (!Number.isInteger(days) || days < 0) throw new Error(`retention_days must be ≥ 0, got ${days}`);
      const requestedBy = typeof job.payload.requested_by === 'string' ? job.payload.requested_by : null;
      const cutoffMs = ctx.now() - days * DAY_MS;
      const result = { retention_days: days, cutoff: null as string | null, removed: 0 };
      if (days > 0) {
        result.cutoff = new Date(cutoffMs).toISOString();
        const ws = job.workspace_id;
        const total = await countSpansBefore(ctx.store, ws, cutoffMs);
        // Nothing old (most hourly runs): no transaction on the writer at all.
        for (let more = total > 0; more; ) {
          if (ctx.signal.aborted) throw new Error('the runner stopped');
          // Spans sharing the batch end's start time go in the same batch, which can make it a little larger.
          const through = await findSpanBatchEnd(ctx.store, ws, cutoffMs, batch);
          const n = await ctx.store.transaction((tx) => deleteSpansThrough(tx, ws, cutoffMs, through));
          result.removed += n;
          // Spans written meanwhile can make the total grow: the fraction stays below 1 until the end.
          await report(Math.min(result.removed / total, 0.99));
          more = through !== null;
        }
      }
      // Hourly runs that removed nothing would drown the log; a requested run is always recorded.
      if (result.removed > 0 || requestedBy) {
        await activity.record(job.workspace_id, requestedBy ?? 'system', 'traces.retention', null, result);
      }
      return result;
    },
  };
}

/** Queues a retention job for each workspace that has none queued or running; none when days is 0. */
export function retentionSchedule(
  runner: JobRunner,
  workspaces: WorkspaceService,
  days: number,
  everyMs = 3_600_000,
): Schedule {
  return {
    name: RETENTION,
    everyMs,
    async run() {
      if (days === 0) return;
      for (const w of await workspaces.list()) await enqueueRetention(runner, w.id, { retention_days: days });
    },
  };
}

/** The workspace's queued or running retention job, else a new one: runs never pile up. Returns its id. */
export async function enqueueRetention(
  runner: JobRunner,
  workspaceId: string,
  payload: RetentionPayload,
): Promise<string> {
  const active = await findActiveJob(runner.store, workspaceId, RETENTION);
  return active?.id ?? runner.enqueue(workspaceId, RETENTION, { ...payload });
}
