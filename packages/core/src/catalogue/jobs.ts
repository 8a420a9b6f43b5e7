// Owns the `jobs` table: background work (trace retention, later exports and scans), one row per run.
import type { TableDef } from './TableDef.ts';

// Global (a reference table on Citus): runners claim the next due job of any workspace with one row lock, which
// a table sharded by workspace could not give. Every kind so far acts on one workspace, so workspace_id is set
// on every row (workspace removal deletes its jobs); times are epoch milliseconds in BIGINT, as sessions' are,
// so the claim's `run_at_ms <= now` compares the same on both engines, with no time-zone conversion.
export const jobs = {
  name: 'jobs',
  distribution: 'reference',
  key: { columns: ['id'], index: 'jobs_pk', unique: true },
  indexes: {
    jobs_due: { columns: ['status', 'run_at_ms'] },
    jobs_workspace: { columns: ['workspace_id', 'created_ms'] },
  },
  columns: {
    id: { type: 'text' },
    workspace_id: { type: 'text' },
    /** The registered kind that runs it, e.g. `retention`. */
    kind: { type: 'text' },
    /** queued | running | succeeded | failed | cancelled */
    status: { type: 'text' },
    /** 0..1, reported by the running job. */
    progress: { type: 'double' },
    payload: { type: 'json' },
    result: { type: 'json', nullable: true },
    error: { type: 'text', nullable: true },
    /** Claims so far: a job abandoned by a dead runner is queued again until it reaches the limit. */
    attempts: { type: 'integer' },
    created_ms: { type: 'bigint' },
    /** Not claimed before this time. */
    run_at_ms: { type: 'bigint' },
    started_ms: { type: 'bigint', nullable: true },
    finished_ms: { type: 'bigint', nullable: true },
    /** Refreshed by the runner while the job runs; a stale one means its runner died. */
    heartbeat_ms: { type: 'bigint', nullable: true },
    /** The runner (host, process, random suffix) that claimed it last. */
    claimed_by: { type: 'text', nullable: true },
  },
} as const satisfies TableDef;
