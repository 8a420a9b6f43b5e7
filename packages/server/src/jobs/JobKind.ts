// Owns what a kind of background job is: its name and the function that runs one job of it.
import type { Store } from '../store/Store.ts';
import type { StoredJob } from './StoredJob.ts';

/** What a running job is given besides itself. */
export interface JobContext {
  store: Store;
  now(): number;
  /** Aborted when the runner stops: a long job checks it between steps and throws, and is queued again. */
  signal: AbortSignal;
}

/** Records progress (0..1) and the heartbeat; throws when the job is no longer this runner's. */
export type ReportProgress = (fraction: number) => Promise<void>;

/** The job as a kind sees it: its row, with the payload parsed. */
export type RunningJob = Omit<StoredJob, 'payload'> & { payload: Record<string, unknown> };

export interface JobKind {
  readonly kind: string;
  /**
   * How long finished jobs of this kind are kept (default: the runner's `historyMs`): kinds queued every minute
   * keep a day, or the table grows by tens of thousands of rows per workspace a month.
   */
  readonly historyMs?: number;
  /**
   * Runs one job; what it returns is stored as the job's result. A throw fails the job with the error's
   * message. Writes go through `ctx.store.transaction`, in steps short enough not to hold ingest up.
   */
  run(ctx: JobContext, job: RunningJob, report: ReportProgress): Promise<Record<string, unknown>>;
}
