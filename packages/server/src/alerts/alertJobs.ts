// Owns the alert job kinds — `alert_evaluation` (evaluate a workspace's rules, send what is due) and
// `alert_delivery` (retries) — and the schedules that queue them.
import type { JobKind } from '../jobs/JobKind.ts';
import type { JobRunner, Schedule } from '../jobs/JobRunner.ts';
import { findActiveJob } from '../jobs/queries/findActiveJob.ts';
import type { WorkspaceService } from '../workspaces/WorkspaceService.ts';
import type { AlertService } from './AlertService.ts';
import { workspacesWithDueDeliveries } from './queries/workspacesWithDueDeliveries.ts';
import { workspacesWithEnabledRules } from './queries/workspacesWithEnabledRules.ts';

export const ALERT_EVALUATION_JOB = 'alert_evaluation';
export const ALERT_DELIVERY_JOB = 'alert_delivery';
/** How often due retries are looked for: the shortest backoff is 30 s. */
export const ALERT_DELIVERY_POLL_MS = 10_000;

export function alertEvaluationJob(alerts: AlertService): JobKind {
  return {
    kind: ALERT_EVALUATION_JOB,
    run: async (_ctx, job) => ({ ...(await alerts.evaluate(job.workspace_id)) }),
  };
}

export function alertDeliveryJob(alerts: AlertService): JobKind {
  return {
    kind: ALERT_DELIVERY_JOB,
    run: async (_ctx, job) => ({ ...(await alerts.deliverDue(job.workspace_id)) }),
  };
}

/** Gives every workspace its suggested rules (once), then queues an evaluation for each with an enabled rule. */
export function alertEvaluationSchedule(
  runner: JobRunner,
  workspaces: WorkspaceService,
  alerts: AlertService,
  everyMs: number,
): Schedule {
  return {
    name: ALERT_EVALUATION_JOB,
    everyMs,
    async run() {
      for (const w of await workspaces.list()) await alerts.ensureDefaults(w.id);
      for (const ws of await workspacesWithEnabledRules(runner.store))
        await enqueueOnce(runner, ws, ALERT_EVALUATION_JOB);
    },
  };
}

/** Queues a delivery job for each workspace with a due retry. */
export function alertDeliverySchedule(
  runner: JobRunner,
  alerts: AlertService,
  everyMs = ALERT_DELIVERY_POLL_MS,
): Schedule {
  return {
    name: ALERT_DELIVERY_JOB,
    everyMs,
    async run() {
      for (const ws of await workspacesWithDueDeliveries(runner.store, alerts.now()))
        await enqueueOnce(runner, ws, ALERT_DELIVERY_JOB);
    },
  };
}

/** The workspace's queued or running job of the kind, else a new one: passes never pile up. */
async function enqueueOnce(runner: JobRunner, workspaceId: string, kind: string): Promise<string> {
  const active = await findActiveJob(runner.store, workspaceId, kind);
  return active?.id ?? runner.enqueue(workspaceId, kind, {});
}
