// Owns GET /api/analytics/judgment-examples: per failure tag, a page of the evaluated messages carrying it
// (content, model, rating, evaluator, time), under the dashboard's date range and filter tree. Totals come from
// AnalyticsService (the same count the failure-tag breakdown shows); the example rows are a row listing over
// core's compileEvaluationRows (the compiler's window and filter compilation), paged by a small query here.
import {
  compileEvaluationRows,
  type DateRange,
  type Filter,
  FilterSchema,
  getDialect,
  type JudgmentExample,
  type JudgmentExamplesReply,
  RELATIVE_RANGES,
  type SqlValue,
  sqlTimestamp,
  type TagPage,
} from '@llm-analytics/core';
import { z } from 'zod';
import { factWorkspace } from '../../store/factWorkspace.ts';
import type { Store } from '../../store/Store.ts';
import { type AnalyticsService, queryNow } from '../AnalyticsService.ts';

export const MAX_PAGE_SIZE = 100;
/** A filter tree travels as JSON in the query string; this bounds its text (the schema bounds its shape). */
const MAX_FILTERS_CHARS = 20_000;

/** `filters`: the AnalyticsQuery filter tree as JSON. */
const filtersParam = z
  .string()
  .max(MAX_FILTERS_CHARS)
  .transform((text, ctx): Filter => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'filters must be a JSON filter tree' });
      return z.NEVER;
    }
    const r = FilterSchema.safeParse(json);
    if (r.success) return r.data;
    for (const i of r.error.issues) ctx.addIssue({ ...i, path: i.path });
    return z.NEVER;
  });

/**
 * The window is `date_range` (a preset, default 30d) or a custom `from` + `to` pair (ISO-8601 timestamps or
 * dates, AnalyticsQuery's `{from, to}`, validated by the compiler like every analytics query).
 */
export const JudgmentExamplesParams = z
  .object({
    failure_tag: z.string().min(1).max(200).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    page_size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
    date_range: z.enum(RELATIVE_RANGES).optional(),
    from: z.string().max(64).optional(),
    to: z.string().max(64).optional(),
    filters: filtersParam.optional(),
  })
  .transform(({ from, to, date_range, ...rest }, ctx) => {
    if (from === undefined && to === undefined)
      return { ...rest, date_range: (date_range ?? '30d') as DateRange };
    if (from === undefined || to === undefined || date_range !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [from === undefined ? 'from' : to === undefined ? 'to' : 'date_range'],
        message: 'give a custom range as both from and to, without date_range',
      });
      return z.NEVER;
    }
    return { ...rest, date_range: { from, to } as DateRange };
  });
export type JudgmentExamplesParams = z.output<typeof JudgmentExamplesParams>;

type ExampleRow = Omit<JudgmentExample, 'content' | 'conversation_id'> & { tag: string };

/** The filter tree the listing and its totals share: the request's filters, narrowed to the tag when given. */
function scopeFilter(params: JudgmentExamplesParams): Filter | undefined {
  const tag: Filter | undefined =
    params.failure_tag !== undefined ? ['eq', 'failure_tag', params.failure_tag] : undefined;
  if (!tag) return params.filters;
  return params.filters ? ['and', [params.filters, tag]] : tag;
}

function examplesSql(
  store: Store,
  workspaceId: string,
  params: JudgmentExamplesParams,
  now: Date,
): { sql: string; values: SqlValue[] } {
  const filters = scopeFilter(params);
  const rows = compileEvaluationRows(
    { date_range: params.date_range, ...(filters ? { filters } : {}) },
    { workspaceId, workspaceKey: store.workspaceKey?.(workspaceId), dialect: store.dialect, now },
  );
  const values: SqlValue[] = [...rows.params];
  const p = (v: SqlValue) => {
    values.push(v);
    return `$${values.length}`;
  };
  // The rows are evaluations whose message has arrived (an evaluation without one is not counted either).
  const tagWhere = params.failure_tag !== undefined ? `WHERE t.tag = ${p(params.failure_tag)}` : '';
  const offset = (params.page - 1) * params.page_size;
  // unnest in the select list of a derived table: same syntax on both engines, one row per (evaluation, tag).
  const sql = `SELECT x.tag, x.evaluation_id, x.message_id, x.model_id, x.rating, x.success, x.evaluator_id,
      x.failure_tags, x.created_at, x.evaluated_at
    FROM (
      SELECT t.*, row_number() OVER (PARTITION BY t.tag ORDER BY t.created_at DESC, t.evaluation_id) AS rn
      FROM (
        SELECT unnest(e.failure_tags) AS tag, e.evaluation_id, e.message_id, e.model_id, e.rating, e.success,
          e.evaluator_id, e.failure_tags, e.created_at, e.evaluated_at
        FROM (${rows.sql}) e
        WHERE e.failure_tags IS NOT NULL
      ) t ${tagWhere}
    ) x
    WHERE x.rn > ${p(offset)} AND x.rn <= ${p(offset + params.page_size)}
    ORDER BY x.tag, x.rn`;
  return { sql, values };
}

/**
 * Message content and conversation of the page's rows, read by id after paging (content is the wide column).
 * The page's message times bound the scan, so the engine reads only the blocks that can hold those messages.
 */
async function contents(
  store: Store,
  workspaceId: string,
  page: { message_id: string; created_at: string }[],
) {
  const ids = [...new Set(page.map((r) => r.message_id))];
  if (ids.length === 0) return new Map<string, { content: string | null; conversation_id: string }>();
  const d = getDialect(store.dialect);
  const times = page.map((r) => Date.parse(r.created_at)).sort((a, b) => a - b);
  const [from, to] = [times[0], times[times.length - 1]].map((ms) => sqlTimestamp(new Date(ms)));
  const n = ids.length;
  const ws = factWorkspace(store, workspaceId);
  const rows = await store.query<{ id: string; content: string | null; conversation_id: string }>(
    `SELECT id, content, conversation_id FROM messages WHERE ${ws.column} = $1
       AND created_at >= ${d.timestamp(`$${n + 2}`)} AND created_at <= ${d.timestamp(`$${n + 3}`)}
       AND id IN (${ids.map((_, i) => `$${i + 2}`).join(', ')})`,
    [ws.value, ...ids, from, to],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Cached like analytics replies: a new commit to the workspace makes the listing unreachable at once. */
export function judgmentExamples(
  deps: { analytics: AnalyticsService; store: Store },
  workspaceId: string,
  params: JudgmentExamplesParams,
  now = queryNow(),
): Promise<JudgmentExamplesReply> {
  return deps.analytics.cached(workspaceId, ['judgment-examples', params, now.getTime()], () =>
    listExamples(deps, workspaceId, params, now),
  );
}

async function listExamples(
  deps: { analytics: AnalyticsService; store: Store },
  workspaceId: string,
  params: JudgmentExamplesParams,
  now: Date,
): Promise<JudgmentExamplesReply> {
  const filters = scopeFilter(params);
  const { sql, values } = examplesSql(deps.store, workspaceId, params, now);
  const [totals, rows] = await Promise.all([
    deps.analytics.query(
      workspaceId,
      {
        metrics: ['evaluations'],
        dimensions: ['failure_tag'],
        date_range: params.date_range,
        ...(filters ? { filters } : {}),
      },
      now,
    ),
    deps.store.query<ExampleRow & Record<string, unknown>>(sql, values),
  ]);
  const byId = await contents(deps.store, workspaceId, rows);
  const pages = new Map<string, TagPage>();
  const page = (tag: string, total: number): TagPage => ({
    tag,
    total,
    page: params.page,
    page_size: params.page_size,
    examples: [],
  });
  for (const t of totals.rows) {
    if (typeof t.failure_tag === 'string')
      pages.set(t.failure_tag, page(t.failure_tag, Number(t.evaluations)));
  }
  for (const r of rows) {
    const target = pages.get(r.tag) ?? page(r.tag, 0);
    pages.set(r.tag, target);
    const m = byId.get(r.message_id);
    const { tag: _tag, ...rest } = r;
    target.examples.push({
      ...rest,
      rating: r.rating === null ? null : Number(r.rating),
      failure_tags: r.failure_tags ?? [],
      content: m?.content ?? null,
      conversation_id: m?.conversation_id ?? '',
    });
  }
  if (params.failure_tag !== undefined) {
    return { success: true, data: pages.get(params.failure_tag) ?? page(params.failure_tag, 0) };
  }
  return { success: true, data: { tags: [...pages.values()] } };
}
