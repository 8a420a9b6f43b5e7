// Owns running background jobs: the registry of kinds, enqueueing, schedules, claiming the due jobs one at a
// time, heartbeats, and taking back jobs whose runner died.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { JobEvent } from '@llm-analytics/core';
import type { Store, Tx } from '../store/Store.ts';
import type { JobContext, JobKind, RunningJob } from './JobKind.ts';
import { claimNextJob } from './queries/claimNextJob.ts';
import { deleteFinishedJobs } from './queries/deleteFinishedJobs.ts';
import { finishJob, type JobEnd } from './queries/finishJob.ts';
import { hasAbandonedJob } from './queries/hasAbandonedJob.ts';
import { hasDueJob } from './queries/hasDueJob.ts';
import { heartbeatJob } from './queries/heartbeatJob.ts';
import { insertJob } from './queries/insertJob.ts';
import { recoverAbandonedJobs } from './queries/recoverAbandonedJobs.ts';
import { jobJson, type StoredJob } from './StoredJob.ts';

export interface JobRunnerOptions {
  /** How often an idle runner looks for due jobs (default 5 s); enqueueing wakes it at once. */
  pollMs?: number;
  /** How often a running job's heartbeat is written (default 15 s). */
  heartbeatMs?: number;
  /** A running job whose heartbeat is older is taken back (default 2 min). */
  staleMs?: number;
  /** Claims after which an abandoned job fails instead of queueing again (default 3). */
  maxAttempts?: number;
  /** Finished jobs are deleted this long after they ended (default 30 days), checked every hour. */
  historyMs?: number;
  /** This runner's name in `claimed_by` (default host, process id and a random suffix). */
  id?: string;
  now?: () => number;
  /** Told of each job's status changes and progress (live `job` events); progress at most every 500 ms a job. */
  onEvent?: (workspaceId: string, event: JobEvent) => void;
}

/** Work the runner starts at `start` and every `everyMs` after (typically: enqueue jobs). */
export interface Schedule {
  readonly name: string;
  readonly everyMs: number;
  run(): Promise<void>;
}

/** Where the runner reports what goes wrong around jobs (the store unreachable); pino's signature. */
export interface JobLog {
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}
const SILENT: JobLog = { warn() {}, info() {} };

class JobLost extends Error {}

export class JobRunner {
  readonly id: string;
  private readonly kinds = new Map<string, JobKind>();
  private readonly schedules: Schedule[] = [];
  private readonly opts: Required<Omit<JobRunnerOptions, 'id' | 'onEvent'>>;
  private readonly onEvent: NonNullable<JobRunnerOptions['onEvent']>;
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Timer callbacks under way, which stop awaits (they use the store, which closes after). */
  private readonly ticking = new Set<Promise<void>>();
  private started = false;
  private draining: Promise<void> | undefined;
  private again = false;
  private abort = new AbortController();
  private log: JobLog = SILENT;

  constructor(
    readonly store: Store,
    opts: JobRunnerOptions = {},
  ) {
    this.id = opts.id ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.onEvent = opts.onEvent ?? (() => {});
    this.opts = {
      pollMs: opts.pollMs ?? 5000,
      heartbeatMs: opts.heartbeatMs ?? 15_000,
      staleMs: opts.staleMs ?? 120_000,
      maxAttempts: opts.maxAttempts ?? 3,
      historyMs: opts.historyMs ?? 30 * 86_400_000,
      now: opts.now ?? Date.now,
    };
    // Hourly schedules would otherwise grow the table by a row per workspace every hour, for ever.
    this.schedule({
      name: 'job history',
      everyMs: 3_600_000,
      run: async () => {
        const before = this.opts.now() - this.opts.historyMs;
        await this.store.transaction((tx) => deleteFinishedJobs(tx, before));
      },
    });
  }

  register(kind: JobKind): this {
    if (this.kinds.has(kind.kind)) throw new Error(`job kind ${kind.kind} is registered twice`);
    this.kinds.set(kind.kind, kind);
    return this;
  }

  schedule(s: Schedule): this {
    this.schedules.push(s);
    return this;
  }

  /**
   * Queues a job (its id); a started runner looks for it at once. `alongside` writes, in the same
   * transaction, rows the job reads (an export's row), so a runner never claims a job whose rows are missing.
   */
  async enqueue(
    workspaceId: string,
    kind: string,
    payload: Record<string, unknown>,
    opts: { runAtMs?: number; id?: string; alongside?: (tx: Tx) => Promise<void> } = {},
  ): Promise<string> {
    if (!this.kinds.has(kind)) throw new Error(`no job kind ${kind}`);
    const id = opts.id ?? randomUUID();
    const now = this.opts.now();
    const row = { id, workspaceId, kind, payload: JSON.stringify(payload), createdMs: now };
    await this.store.transaction(async (tx) => {
      await opts.alongside?.(tx);
      await insertJob(tx, { ...row, runAtMs: opts.runAtMs ?? now });
    });
    this.tell(workspaceId, { id, kind, status: 'queued', progress: 0 });
    if (this.started) void this.drain();
    return id;
  }

  /**
   * Takes back abandoned jobs, runs the schedules once and then every `everyMs`, and polls for due jobs.
   * On DuckDB a job still `running` at start is abandoned whatever its heartbeat: one process holds the file.
   */
  async start(log: JobLog = SILENT): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.log = log;
    this.abort = new AbortController();
    await this.recover(this.store.dialect === 'duckdb' ? this.opts.now() + 1 : undefined);
    for (const s of this.schedules) {
      await this.runSchedule(s);
      this.every(s.everyMs, () => this.runSchedule(s));
    }
    this.every(this.opts.pollMs, async () => {
      await this.recover();
      await this.drain();
    });
    void this.drain();
  }

  /** Stops polling and schedules; a running job is asked to stop (and queued again), and awaited. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.abort.abort();
    await Promise.all([...this.ticking]);
    await this.draining;
  }

  /**
   * Claims and runs due jobs until none is left; concurrent calls share one pass. Tests call it on a runner
   * they did not start; a stopped one claims nothing.
   */
  drain(): Promise<void> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      do {
        this.again = false;
        while (await this.runNext()) {}
      } while (this.again && !this.abort.signal.aborted);
    })()
      .catch((e) => this.log.warn({ err: e }, 'jobs: looking for due jobs failed'))
      .finally(() => {
        this.draining = undefined;
      });
    return this.draining;
  }

  /** Claims one due job and runs it; false when none was due. */
  private async runNext(): Promise<boolean> {
    if (this.abort.signal.aborted) return false; // stopping: claim no more
    const now = this.opts.now();
    if (!(await hasDueJob(this.store, now))) return false;
    const job = await this.store.transaction((tx) => claimNextJob(tx, this.store.dialect, this.id, now));
    if (!job) return true; // another runner took it; look again
    await this.run(job);
    return true;
  }

  private async run(stored: StoredJob): Promise<void> {
    const kind = this.kinds.get(stored.kind);
    const beat = (progress: number | null) =>
      this.store.transaction((tx) => heartbeatJob(tx, stored.id, this.id, this.opts.now(), progress));
    const heartbeat = setInterval(() => void beat(null).catch(() => {}), this.opts.heartbeatMs);
    heartbeat.unref();
    const told = { id: stored.id, kind: stored.kind };
    this.tell(stored.workspace_id, { ...told, status: 'running', progress: Number(stored.progress) || 0 });
    let toldMs = 0;
    const ctx: JobContext = { store: this.store, now: this.opts.now, signal: this.abort.signal };
    let end: JobEnd;
    try {
      if (!kind) throw new Error(`no job kind ${stored.kind} is registered in this server`);
      const job: RunningJob = { ...stored, payload: jobJson(stored.payload) ?? {} };
      const result = await kind.run(ctx, job, async (fraction) => {
        const progress = Math.min(1, Math.max(0, fraction));
        if (!(await beat(progress))) throw new JobLost();
        if (this.opts.now() - toldMs >= 500) {
          toldMs = this.opts.now();
          this.tell(stored.workspace_id, { ...told, status: 'running', progress });
        }
      });
      end = { status: 'succeeded', result: JSON.stringify(result) };
    } catch (e) {
      if (e instanceof JobLost) {
        this.log.warn({ job: stored.id }, 'jobs: the job was taken over while it ran; its result is dropped');
        return;
      }
      end = this.abort.signal.aborted
        ? { status: 'queued' }
        : { status: 'failed', error: e instanceof Error ? e.message : String(e) };
    } finally {
      clearInterval(heartbeat);
    }
    try {
      await this.store.transaction((tx) => finishJob(tx, stored.id, this.id, this.opts.now(), end));
      const progress = end.status === 'succeeded' ? 1 : Number(stored.progress) || 0;
      this.tell(stored.workspace_id, { ...told, status: end.status, progress });
    } catch (e) {
      // Left running: its heartbeat goes stale and a runner takes it back.
      this.log.warn({ err: e, job: stored.id }, 'jobs: recording the end of a job failed');
    }
  }

  private tell(workspaceId: string, event: JobEvent): void {
    try {
      this.onEvent(workspaceId, event);
    } catch (e) {
      this.log.warn({ err: e }, 'jobs: a job event listener failed');
    }
  }

  /** Takes back running jobs whose heartbeat is older than `staleBeforeMs` (default: now − staleMs). */
  private async recover(staleBeforeMs = this.opts.now() - this.opts.staleMs): Promise<void> {
    try {
      if (!(await hasAbandonedJob(this.store, staleBeforeMs))) return;
      const n = await this.store.transaction((tx) =>
        recoverAbandonedJobs(tx, staleBeforeMs, this.opts.maxAttempts, this.opts.now()),
      );
      this.log.info(n, 'jobs: took back jobs whose runner stopped');
    } catch (e) {
      this.log.warn({ err: e }, 'jobs: taking back abandoned jobs failed');
    }
  }

  private async runSchedule(s: Schedule): Promise<void> {
    try {
      await s.run();
    } catch (e) {
      this.log.warn({ err: e, schedule: s.name }, 'jobs: a schedule failed');
    }
  }

  /** Runs `fn` every `ms` after the previous run ends, until stop. */
  private every(ms: number, fn: () => Promise<void>): void {
    const next = () => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        const tick = fn().finally(() => {
          this.ticking.delete(tick);
          if (this.started) next();
        });
        this.ticking.add(tick);
      }, ms);
      t.unref();
      this.timers.add(t);
    };
    next();
  }
}
