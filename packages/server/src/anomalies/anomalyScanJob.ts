// Owns the `anomaly_scan` job kind (one workspace's scan, its progress and counts as the job's result) and the
// schedule that queues one for every workspace every ANOMALY_SCAN_MINUTES.
import type { ActivityService } from '../activity/ActivityService.ts';
import type { JobKind } from '../jobs/JobKind.ts';
import type { JobRunner, Schedule } from '../jobs/JobRunner.ts';
import { findActiveJob } from '../jobs/queries/findActiveJob.ts';
import type { WorkspaceService } from '../workspaces/WorkspaceService.ts';
import type { AnomalyService } from './AnomalyService.ts';

export const ANOMALY_SCAN = 'anomaly_scan';
/** The longest scan a job may ask for: the scan's queries hold a year of hourly buckets at most. */
const MAX_DAYS = 366;

/** `days` of whole buckets (default 90); `requested_by` (an actor) when someone asked for the run. */
export interface AnomalyScanPayload {
  days?: number;
  requested_by?: string;
}

/** A scan somebody asked for is logged (`anomalies.scan`, with its counts); the scheduled ones would drown the log. */
export function anomalyScanJob(anomalies: AnomalyService, activity: ActivityService): JobKind {
  return {
    kind: ANOMALY_SCAN,
    async run(ctx, job, report) {
      const days = job.payload.days === undefined ? undefined : Number(job.payload.days);
      if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= MAX_DAYS))
        throw new Error(`days must be a whole number from 1 to ${MAX_DAYS}, got ${String(job.payload.days)}`);
      const result = await anomalies.scan(job.workspace_id, { days, signal: ctx.signal, progress: report });
      const requestedBy = typeof job.payload.requested_by === 'string' ? job.payload.requested_by : null;
      if (requestedBy)
        await activity.record(job.workspace_id, requestedBy, 'anomalies.scan', null, { ...result });
      return { ...result };
    },
  };
}

/** Queues a scan for each workspace that has none queued or running; none when `everyMs` is 0. */
export function anomalyScanSchedule(
  runner: JobRunner,
  workspaces: WorkspaceService,
  everyMs: number,
): Schedule {
  return {
    name: ANOMALY_SCAN,
    // A disabled schedule still needs a period for the runner's timer; it does nothing when it fires.
    everyMs: everyMs || 3_600_000,
    async run() {
      if (everyMs === 0) return;
      for (const w of await workspaces.list()) await enqueueAnomalyScan(runner, w.id, {});
    },
  };
}

/** The workspace's queued or running scan, else a new one: scans never pile up. Returns its id. */
export async function enqueueAnomalyScan(
  runner: JobRunner,
  workspaceId: string,
  payload: AnomalyScanPayload,
): Promise<string> {
  const active = await findActiveJob(runner.store, workspaceId, ANOMALY_SCAN);
  return active?.id ?? runner.enqueue(workspaceId, ANOMALY_SCAN, { ...payload });
}
