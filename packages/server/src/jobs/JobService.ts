// Owns reading a workspace's jobs for the API, as the wire shapes (core wire/jobs.ts).
import type { JobInfo, JobListQuery } from '@llm-analytics/core';
import type { Store } from '../store/Store.ts';
import { findJob } from './queries/findJob.ts';
import { listJobs } from './queries/listJobs.ts';
import { jobJson, type StoredJob } from './StoredJob.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export function toJobInfo(j: StoredJob): JobInfo {
  return {
    id: j.id,
    workspace_id: j.workspace_id,
    kind: j.kind,
    status: j.status,
    progress: Number(j.progress),
    payload: jobJson(j.payload) ?? {},
    result: jobJson(j.result),
    error: j.error,
    attempts: Number(j.attempts),
    created_at: iso(j.created_ms)!,
    run_at: iso(j.run_at_ms)!,
    started_at: iso(j.started_ms),
    finished_at: iso(j.finished_ms),
    heartbeat_at: iso(j.heartbeat_ms),
    claimed_by: j.claimed_by,
  };
}

export class JobService {
  constructor(private readonly store: Store) {}

  /** Newest first. */
  async list(workspaceId: string, query: JobListQuery): Promise<JobInfo[]> {
    return (await listJobs(this.store, workspaceId, query)).map(toJobInfo);
  }

  async get(workspaceId: string, id: string): Promise<JobInfo | null> {
    const j = await findJob(this.store, workspaceId, id);
    return j ? toJobInfo(j) : null;
  }
}
