// Owns a workspace's experiments: create, read, edit, lifecycle (who moved it, when), delete, each change logged.
import { randomUUID } from 'node:crypto';
import {
  type CreateExperimentRequest,
  CreateExperimentRequestSchema,
  type Experiment,
  type ExperimentResults,
  type ExperimentStatus,
  type ExperimentSuggestion,
  type ResultMode,
  toIssues,
  type UpdateExperimentRequest,
} from '@llm-analytics/core';
import type { ActivityService } from '../activity/ActivityService.ts';
import { type AnalyticsService, queryNow } from '../analytics/AnalyticsService.ts';
import { ApiError } from '../http/ApiError.ts';
import type { Store } from '../store/Store.ts';
import { experimentProblems } from './experimentProblems.ts';
import { experimentResults } from './experimentResults.ts';
import { deleteExperiment } from './queries/deleteExperiment.ts';
import { findExperiment } from './queries/findExperiment.ts';
import { insertExperiment } from './queries/insertExperiment.ts';
import { listExperiments } from './queries/listExperiments.ts';
import { updateExperiment } from './queries/updateExperiment.ts';
import type { StoredExperiment } from './StoredExperiment.ts';
import { suggestExperiments } from './suggestExperiments.ts';
import { toExperiment } from './toExperiment.ts';

/** Where each status may go: a concluded experiment is final; a stopped one may run again. */
const NEXT: Record<ExperimentStatus, readonly ExperimentStatus[]> = {
  draft: ['running', 'concluded'],
  running: ['stopped', 'concluded'],
  stopped: ['running', 'concluded'],
  concluded: [],
};

const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);

const notFound = () => new ApiError(404, 'experiment_not_found', 'no such experiment in this workspace');

function invalid(issues: { path: string; message: string }[]): ApiError {
  return new ApiError(400, 'validation_failed', 'the experiment is invalid', issues);
}

/** The fields a create body and a stored row share, as the row's columns. */
function fieldColumns(e: CreateExperimentRequest) {
  return {
    name: e.name,
    hypothesis: e.hypothesis ?? null,
    unit: e.unit,
    variants: JSON.stringify(e.variants),
    control: e.control,
    primary_metric: e.primary_metric,
    secondary_metrics: JSON.stringify(e.secondary_metrics ?? []),
    min_effect: e.min_effect ?? null,
    planned_split: e.planned_split ? JSON.stringify(e.planned_split) : null,
    start_ms: ms(e.start),
    end_ms: ms(e.end),
  };
}

/** A stored experiment as a create body, so an edit is checked as the whole it makes. */
function asRequest(e: Experiment): CreateExperimentRequest {
  return {
    name: e.name,
    ...(e.hypothesis !== null ? { hypothesis: e.hypothesis } : {}),
    unit: e.unit,
    variants: e.variants,
    control: e.control,
    primary_metric: e.primary_metric,
    secondary_metrics: e.secondary_metrics,
    ...(e.min_effect !== null ? { min_effect: e.min_effect } : {}),
    ...(e.planned_split !== null ? { planned_split: e.planned_split } : {}),
    ...(e.start !== null ? { start: e.start } : {}),
    ...(e.end !== null ? { end: e.end } : {}),
  };
}

export class ExperimentService {
  constructor(
    private readonly store: Store,
    private readonly activity: ActivityService,
    private readonly analytics: AnalyticsService,
    private readonly now: () => number = Date.now,
  ) {}

  /** Newest first. */
  async list(workspaceId: string): Promise<Experiment[]> {
    return (await listExperiments(this.store, workspaceId)).map(toExperiment);
  }

  /** 404 when the experiment is not the workspace's (another workspace's id is not found either). */
  async get(workspaceId: string, id: string): Promise<Experiment> {
    const row = await findExperiment(this.store, workspaceId, id);
    if (!row) throw notFound();
    return toExperiment(row);
  }

  async create(workspaceId: string, actor: string, body: CreateExperimentRequest): Promise<Experiment> {
    const issues = experimentProblems(body);
    if (issues.length > 0) throw invalid(issues);
    const at = this.now();
    const row: StoredExperiment = {
      workspace_id: workspaceId,
      id: randomUUID(),
      ...fieldColumns(body),
      status: body.status ?? 'draft',
      status_changed_by: actor,
      status_changed_ms: at,
      conclusion: null,
      created_by: actor,
      created_ms: at,
      updated_ms: at,
    };
    await this.store.transaction((tx) => insertExperiment(tx, row));
    await this.activity.record(workspaceId, actor, 'experiment.create', row.id, {
      name: row.name,
      status: row.status,
    });
    return toExperiment(row);
  }

  /**
   * Applies a validated patch: the merged experiment is checked as a whole (control among the variants, metrics,
   * filters), a status change must follow the lifecycle (409 otherwise) and records who made it and when.
   */
  async update(
    workspaceId: string,
    actor: string,
    id: string,
    patch: UpdateExperimentRequest,
  ): Promise<Experiment> {
    const { status, conclusion, ...fields } = patch;
    const result = await this.store.transaction(async (tx) => {
      const row = await findExperiment(tx, workspaceId, id);
      if (!row) throw notFound();
      const current = toExperiment(row);
      const merged = CreateExperimentRequestSchema.safeParse({ ...asRequest(current), ...fields });
      if (!merged.success) throw invalid(toIssues(merged.error));
      const issues = experimentProblems(merged.data);
      if (issues.length > 0) throw invalid(issues);
      const from = current.status;
      if (status !== undefined && status !== from && !NEXT[from].includes(status))
        throw new ApiError(
          409,
          'invalid_status_change',
          `a ${from} experiment cannot become ${status} (allowed: ${NEXT[from].join(', ') || 'none'})`,
        );
      const at = this.now();
      const moved = status !== undefined && status !== from;
      const next: StoredExperiment = {
        ...row,
        ...fieldColumns(merged.data),
        status: moved ? status : row.status,
        status_changed_by: moved ? actor : row.status_changed_by,
        status_changed_ms: moved ? at : Number(row.status_changed_ms),
        conclusion: conclusion !== undefined ? conclusion : row.conclusion,
        updated_ms: at,
      };
      await updateExperiment(tx, next);
      return { next, from, moved };
    });
    const changed = Object.keys(patch).filter((k) => k !== 'status');
    if (result.moved)
      await this.activity.record(workspaceId, actor, 'experiment.status', id, {
        name: result.next.name,
        from: result.from,
        to: result.next.status,
      });
    if (changed.length > 0)
      await this.activity.record(workspaceId, actor, 'experiment.update', id, {
        name: result.next.name,
        fields: changed,
      });
    return toExperiment(result.next);
  }

  /**
   * Sequential (always-valid) while the experiment can still change, fixed-horizon once concluded. `fresh`
   * computes every query anew instead of reading the reply cache.
   */
  async results(
    workspaceId: string,
    id: string,
    mode?: ResultMode,
    opts: { fresh?: boolean } = {},
  ): Promise<ExperimentResults> {
    const e = await this.get(workspaceId, id);
    const chosen = mode ?? (e.status === 'concluded' ? 'fixed' : 'sequential');
    return experimentResults(this.analytics, e, chosen, queryNow(), opts.fresh ?? false);
  }

  /** Drafts from the data: experiment names whose sessions no experiment of the workspace covers. */
  async suggestions(workspaceId: string): Promise<ExperimentSuggestion[]> {
    return suggestExperiments(this.analytics, workspaceId, await this.list(workspaceId));
  }

  async remove(workspaceId: string, actor: string, id: string): Promise<void> {
    const row = await findExperiment(this.store, workspaceId, id);
    if (!row) throw notFound();
    const gone = await this.store.transaction((tx) => deleteExperiment(tx, workspaceId, id));
    if (!gone) throw notFound();
    await this.activity.record(workspaceId, actor, 'experiment.delete', id, { name: row.name });
  }
}
