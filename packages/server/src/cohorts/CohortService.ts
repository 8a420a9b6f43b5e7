// Owns a workspace's user cohorts: CRUD, the live preview, membership computed through AnalyticsQuery and
// materialised in one transaction, and the retention matrix.
import { randomUUID } from 'node:crypto';
import {
  ALL_USERS,
  type AnalyticsQuery,
  type Cohort,
  type CohortDefinition,
  type CohortPreview,
  type CohortRetention,
  type CreateCohortRequest,
  cohortConditionPlan,
  combineMembers,
  conditionMembers,
  parseQuery,
  type RetentionPeriod,
  TABLES,
  type UpdateCohortRequest,
  type UserRow,
} from '@llm-analytics/core';
import type { ActivityService } from '../activity/ActivityService.ts';
import { type AnalyticsService, queryNow } from '../analytics/AnalyticsService.ts';
import type { EventBus } from '../events/EventBus.ts';
import { ApiError } from '../http/ApiError.ts';
import type { Store, Tx } from '../store/Store.ts';
import { cohortRetention } from './cohortRetention.ts';
import { deleteCohort } from './queries/deleteCohort.ts';
import { findCohort } from './queries/findCohort.ts';
import { insertCohort } from './queries/insertCohort.ts';
import { listCohorts } from './queries/listCohorts.ts';
import { replaceCohortMembers } from './queries/replaceCohortMembers.ts';
import { updateCohort } from './queries/updateCohort.ts';
import { cohortDefinition, type StoredCohort, toCohort } from './StoredCohort.ts';

const notFound = () => new ApiError(404, 'cohort_not_found', 'no such cohort in this workspace');
/** Users-by-user replies may be long: the server's own reader lifts the request row limit. */
const MAX_ROWS = 1_000_000;

export interface CohortDeps {
  store: Store;
  analytics: AnalyticsService;
  activity: ActivityService;
  /** Told of each new membership as a `data` event on its table: open dashboards re-run what reads it. */
  events?: EventBus;
}

/**
 * Queues the membership computation of one cohort (the `cohort_membership` job), committing `alongside` in the
 * same transaction as the job; given by the wiring.
 */
export type EnqueueMembership = (
  workspaceId: string,
  cohortId: string,
  alongside?: (tx: Tx) => Promise<void>,
) => Promise<void>;

export class CohortService {
  // Until a runner is wired, the writes still happen (no job is queued).
  private enqueue: EnqueueMembership = async (_w, _c, alongside) => {
    if (alongside) await this.deps.store.transaction(alongside);
  };

  constructor(
    private readonly deps: CohortDeps,
    private readonly now: () => number = Date.now,
  ) {}

  /** The job runner's hook: create and a changed definition queue a computation through it. */
  onChange(enqueue: EnqueueMembership): void {
    this.enqueue = enqueue;
  }

  async list(workspaceId: string): Promise<Cohort[]> {
    return (await listCohorts(this.deps.store, workspaceId)).map(toCohort);
  }

  async get(workspaceId: string, id: string): Promise<Cohort> {
    const row = await findCohort(this.deps.store, workspaceId, id);
    if (!row) throw notFound();
    return toCohort(row);
  }

  async create(workspaceId: string, actor: string, body: CreateCohortRequest): Promise<Cohort> {
    checkDefinition(body.definition);
    const at = this.now();
    const row: StoredCohort = {
      workspace_id: workspaceId,
      id: randomUUID(),
      name: body.name,
      description: body.description ?? null,
      definition: JSON.stringify(body.definition),
      size: null,
      unmatched: null,
      status: 'pending',
      error: null,
      computed_ms: null,
      created_by: actor,
      created_ms: at,
      updated_ms: at,
    };
    // The cohort and the job computing it commit together: no cohort stays pending for want of its job.
    await this.enqueue(workspaceId, row.id, (tx) => insertCohort(tx, row));
    await this.deps.activity.record(workspaceId, actor, 'cohort.create', row.id, { name: row.name });
    return toCohort(row);
  }

  /** Fields sent replace the stored ones; a new definition sets the cohort pending and queues a computation. */
  async update(workspaceId: string, actor: string, id: string, patch: UpdateCohortRequest): Promise<Cohort> {
    if (patch.definition) checkDefinition(patch.definition);
    const next = await this.deps.store.transaction(async (tx) => {
      const row = await findCohort(tx, workspaceId, id);
      if (!row) throw notFound();
      const redefined =
        patch.definition !== undefined &&
        JSON.stringify(patch.definition) !== JSON.stringify(cohortDefinition(row));
      const updated: StoredCohort = {
        ...row,
        name: patch.name ?? row.name,
        description: patch.description === undefined ? row.description : patch.description,
        definition: patch.definition ? JSON.stringify(patch.definition) : row.definition,
        status: redefined ? 'pending' : row.status,
        updated_ms: this.now(),
      };
      await updateCohort(tx, updated);
      return { updated, redefined };
    });
    if (next.redefined) await this.enqueue(workspaceId, id);
    await this.deps.activity.record(workspaceId, actor, 'cohort.update', id, { name: next.updated.name });
    return toCohort(next.updated);
  }

  async remove(workspaceId: string, actor: string, id: string): Promise<void> {
    const row = await findCohort(this.deps.store, workspaceId, id);
    if (!row) throw notFound();
    const gone = await this.deps.store.transaction((tx) => deleteCohort(tx, workspaceId, id));
    if (!gone) throw notFound();
    this.deps.analytics.noteCommit(workspaceId);
    await this.deps.activity.record(workspaceId, actor, 'cohort.delete', id, { name: row.name });
  }

  /** The live count of a definition being edited: computed as materialisation would, nothing stored. */
  async preview(workspaceId: string, definition: CohortDefinition): Promise<CohortPreview> {
    checkDefinition(definition);
    const m = await this.members(workspaceId, definition);
    return { users: m.users.length, unmatched: m.unmatched };
  }

  /**
   * The users a definition holds now. Each condition is a users-by-user AnalyticsQuery (see
   * cohortConditionPlan); a static list keeps the ids seen in the data and counts the others as unmatched.
   */
  async members(
    workspaceId: string,
    definition: CohortDefinition,
    signal?: AbortSignal,
  ): Promise<{ users: string[]; unmatched: number | null }> {
    const at = queryNow();
    const run = async (q: AnalyticsQuery): Promise<UserRow[]> => {
      signal?.throwIfAborted();
      const reply = await this.deps.analytics.query(workspaceId, q, at, { maxRows: MAX_ROWS, shared: true });
      if (reply.meta.truncated)
        throw new ApiError(422, 'cohort_too_large', `a cohort condition matches more than ${MAX_ROWS} users`);
      return reply.rows as UserRow[];
    };
    const userIds = (rows: UserRow[]) => rows.flatMap((r) => (typeof r.user === 'string' ? [r.user] : []));
    if (definition.type === 'static') {
      const known = new Set(userIds(await run(ALL_USERS)));
      const wanted = [...new Set(definition.user_ids)];
      const users = wanted.filter((u) => known.has(u));
      return { users: users.sort(), unmatched: wanted.length - users.length };
    }
    const plans = definition.conditions.map((c) => cohortConditionPlan(c, at));
    const candidates = plans.some((p) => p.zeroQualifies) ? userIds(await run(ALL_USERS)) : [];
    const sets: Set<string>[] = [];
    for (const plan of plans) {
      const included = await run(plan.include);
      const excluded = plan.exclude ? await run(plan.exclude) : [];
      sets.push(conditionMembers(plan, included, excluded, candidates));
    }
    return { users: [...combineMembers(sets, definition.match)].sort(), unmatched: null };
  }

  /**
   * Recomputes one cohort's membership and writes it whole, with its size, in one transaction; cached query
   * replies of the workspace are dropped, so cohort-filtered widgets see the new members. A failure is stored
   * on the cohort (status `failed`) and rethrown for the job.
   */
  async materialise(
    workspaceId: string,
    id: string,
    signal?: AbortSignal,
  ): Promise<{ size: number; unmatched: number | null }> {
    const row = await findCohort(this.deps.store, workspaceId, id);
    if (!row) throw notFound();
    if (row.status !== 'computing')
      await this.deps.store.transaction((tx) => updateCohort(tx, { ...row, status: 'computing' }));
    try {
      const m = await this.members(workspaceId, cohortDefinition(row), signal);
      await this.deps.store.transaction(async (tx) => {
        // Deleted meanwhile: its members must not come back. Redefined meanwhile: these members are the old
        // definition's, and the job the change queued computes the new one.
        const current = await findCohort(tx, workspaceId, id);
        if (!current || JSON.stringify(cohortDefinition(current)) !== JSON.stringify(cohortDefinition(row)))
          return;
        await replaceCohortMembers(tx, this.deps.store.dialect, workspaceId, id, m.users);
        await updateCohort(tx, {
          ...current,
          size: m.users.length,
          unmatched: m.unmatched,
          status: 'ready',
          error: null,
          computed_ms: this.now(),
        });
      });
      this.deps.analytics.noteCommit(workspaceId);
      this.deps.events?.publish(workspaceId, {
        type: 'data',
        data: {
          tables: [TABLES.analytics_cohort_members.name],
          rows: m.users.length,
          at: new Date(this.now()).toISOString(),
        },
      });
      return { size: m.users.length, unmatched: m.unmatched };
    } catch (err) {
      if (signal?.aborted) throw err;
      const message = err instanceof Error ? err.message : String(err);
      await this.deps.store.transaction(async (tx) => {
        const current = await findCohort(tx, workspaceId, id);
        if (current) await updateCohort(tx, { ...current, status: 'failed', error: message });
      });
      throw err;
    }
  }

  /** The retention matrix of a cohort of the workspace (404 for another's). */
  async retention(
    workspaceId: string,
    id: string,
    period: RetentionPeriod,
    periods: number,
  ): Promise<CohortRetention> {
    await this.get(workspaceId, id);
    return cohortRetention(this.deps.analytics, workspaceId, id, period, periods);
  }
}

/** A dynamic definition's conditions must be valid queries (a filter naming an unknown dimension is a 400). */
function checkDefinition(definition: CohortDefinition): void {
  if (definition.type !== 'dynamic') return;
  for (const c of definition.conditions) {
    const plan = cohortConditionPlan(c, new Date());
    parseQuery(plan.include, { maxRows: MAX_ROWS });
    if (plan.exclude) parseQuery(plan.exclude, { maxRows: MAX_ROWS });
  }
}
