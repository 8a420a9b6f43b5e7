// Owns the row shape of the jobs table as queries read it, and the column list they select.
import type { JobStatus } from '@llm-analytics/core';

export interface StoredJob {
  id: string;
  workspace_id: string;
  kind: string;
  status: JobStatus;
  progress: number;
  /** JSON: text on DuckDB, parsed on PostgreSQL (jobJson reads both). */
  payload: unknown;
  result: unknown;
  error: string | null;
  attempts: number;
  created_ms: number;
  run_at_ms: number;
  started_ms: number | null;
  finished_ms: number | null;
  heartbeat_ms: number | null;
  claimed_by: string | null;
}

export const JOB_COLUMNS =
  'id, workspace_id, kind, status, progress, payload, result, error, attempts, created_ms, run_at_ms, ' +
  'started_ms, finished_ms, heartbeat_ms, claimed_by';

/** A JSON column's value as an object, whichever engine read it. */
export function jobJson(v: unknown): Record<string, unknown> | null {
  if (v === null || v === undefined) return null;
  return (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;
}
