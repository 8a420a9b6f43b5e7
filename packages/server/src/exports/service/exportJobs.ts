// Owns the export job kinds: `export` (writes a queued export's file) and `export_cleanup` (deletes expired
// files), and the schedule that queues a cleanup for every workspace.
import type { JobKind } from '../../jobs/JobKind.ts';
import type { JobRunner, Schedule } from '../../jobs/JobRunner.ts';
import { findActiveJob } from '../../jobs/queries/findActiveJob.ts';
import type { WorkspaceService } from '../../workspaces/WorkspaceService.ts';
import { EXPORT_JOB, type ExportService } from './ExportService.ts';
import { removeOrphanFolders } from './exportFiles.ts';

export const EXPORT_CLEANUP_JOB = 'export_cleanup';

export function exportJob(exports: ExportService): JobKind {
  return { kind: EXPORT_JOB, run: (ctx, job, report) => exports.runJob(job, report, ctx.signal) };
}

export function exportCleanupJob(exports: ExportService): JobKind {
  return { kind: EXPORT_CLEANUP_JOB, run: (_ctx, job) => exports.cleanup(job.workspace_id) };
}

/**
 * Queues a cleanup for each workspace that has none queued or running (at start, then every `everyMs`), and
 * deletes the folders of removed workspaces.
 */
export function exportCleanupSchedule(
  runner: JobRunner,
  workspaces: WorkspaceService,
  exportDir: string,
  everyMs = 15 * 60_000,
): Schedule {
  return {
    name: EXPORT_CLEANUP_JOB,
    everyMs,
    async run() {
      const all = await workspaces.list();
      for (const w of all) await enqueueExportCleanup(runner, w.id);
      await removeOrphanFolders(
        exportDir,
        all.map((w) => w.id),
        3_600_000,
        Date.now(),
      );
    },
  };
}

/** The workspace's pending cleanup job, else a new one. Returns its id. */
export async function enqueueExportCleanup(runner: JobRunner, workspaceId: string): Promise<string> {
  const active = await findActiveJob(runner.store, workspaceId, EXPORT_CLEANUP_JOB);
  return active?.id ?? runner.enqueue(workspaceId, EXPORT_CLEANUP_JOB, {});
}
