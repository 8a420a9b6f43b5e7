// Owns the background jobs shapes: one job, the list and its filters, and the reply of starting one.
import { z } from 'zod';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export const JobStatusSchema = z.enum(JOB_STATUSES);

export const JobSchema = z.strictObject({
  id: z.string(),
  workspace_id: z.string(),
  /** The registered kind that runs it, e.g. `retention`. */
  kind: z.string(),
  status: JobStatusSchema,
  /** 0..1 */
  progress: z.number().min(0).max(1),
  payload: z.record(z.string(), z.unknown()),
  /** What a succeeded job reports, e.g. retention's `{ removed, cutoff, retention_days }`. */
  result: z.record(z.string(), z.unknown()).nullable(),
  /** Why a failed job failed. */
  error: z.string().nullable(),
  attempts: z.number().int(),
  /** ISO times. `run_at`: not started before it. */
  created_at: z.string(),
  run_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  heartbeat_at: z.string().nullable(),
  /** The runner process that claimed it last. */
  claimed_by: z.string().nullable(),
});

export const MAX_JOB_PAGE = 200;

export const JobListQuerySchema = z.strictObject({
  kind: z.string().min(1).max(100).optional(),
  status: JobStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_JOB_PAGE).default(50),
});

export const JobListSchema = z.strictObject({ jobs: z.array(JobSchema) });

export type JobStatus = z.output<typeof JobStatusSchema>;
export type JobInfo = z.output<typeof JobSchema>;
export type JobListQuery = z.output<typeof JobListQuerySchema>;
export type JobList = z.output<typeof JobListSchema>;
