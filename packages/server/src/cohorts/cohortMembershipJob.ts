// Owns the `cohort_membership` job kind (one cohort's membership, or every cohort of the workspace) and the
// schedule that refreshes every workspace's cohorts hourly, as new data changes who meets the conditions.
import { ApiError } from '../http/ApiError.ts';
import type { JobKind } from '../jobs/JobKind.ts';
import type { JobRunner, Schedule } from '../jobs/JobRunner.ts';
import { findActiveJob } from '../jobs/queries/findActiveJob.ts';
import type { WorkspaceService } from '../workspaces/WorkspaceService.ts';
import type { CohortService } from './CohortService.ts';

export const COHORT_MEMBERSHIP = 'cohort_membership';
export const COHORT_REFRESH_MS = 3_600_000;

/** `cohort_id`: that cohort only (queued on create and on a new definition); absent: all of the workspace. */
export function cohortMembershipJob(cohorts: CohortService): JobKind {
  return {
    kind: COHORT_MEMBERSHIP,
    // Queued hourly per workspace (and on each change): a week of history is plenty to see failures.
    historyMs: 7 * 86_400_000,
    async run(ctx, job, report) {
      const one = job.payload.cohort_id;
      const ids = typeof one === 'string' ? [one] : (await cohorts.list(job.workspace_id)).map((c) => c.id);
      const sizes: Record<string, number> = {};
      for (const [i, id] of ids.entries()) {
        ctx.signal.throwIfAborted();
        try {
          sizes[id] = (await cohorts.materialise(job.workspace_id, id, ctx.signal)).size;
        } catch (err) {
          // Deleted since it was queued: nothing to compute. Other failures are stored on the cohort.
          if (!(err instanceof ApiError && err.code === 'cohort_not_found') && typeof one === 'string')
            throw err;
        }
        await report((i + 1) / ids.length);
      }
      return { cohorts: ids.length, sizes };
    },
  };
}

export function cohortMembershipSchedule(runner: JobRunner, workspaces: WorkspaceService): Schedule {
  return {
    name: COHORT_MEMBERSHIP,
    everyMs: COHORT_REFRESH_MS,
    async run() {
      for (const w of await workspaces.list()) {
        const active = await findActiveJob(runner.store, w.id, COHORT_MEMBERSHIP);
        if (!active) await runner.enqueue(w.id, COHORT_MEMBERSHIP, {});
      }
    },
  };
}
