// Owns GET /api/analytics/judgment-examples: per failure tag, a page of the evaluated messages carrying it
// (content, model, rating, evaluator, time), under the dashboard's date range and filter tree. Totals come from
// AnalyticsService (the same count the failure-tag breakdown shows); the example rows are a row listing over
// core's compileEvaluationRows (the compiler's window and filter compilation), paged by a small query here.
import {
  compileEvaluationRows,
  type DateRange,
  type Filter,
  FilterSchema,
  type JudgmentExamplesReply,
  RELATIVE_RANGES,
  type TagPage,
} from '@llm-analytics/core';
import { z } from 'zod';
import { scopeKey } from '../../store/FactScope.ts';
import type { Store } from '../../store/Store.ts';
import { type AnalyticsService, queryNow } from '../AnalyticsService.ts';
import { findMessageContents } from '../queries/findMessageContents.ts';
import { listExamplePage } from '../queries/listExamplePage.ts';

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

/** The filter tree the listing and its totals share: the request's filters, narrowed to the tag when given. */
function scopeFilter(params: JudgmentExamplesParams): Filter | undefined {
  const tag: Filter | undefined =
    params.failure_tag !== undefined ? ['eq', 'failure_tag', params.failure_tag] : undefined;
  if (!tag) return params.filters;
  return params.filters ? ['and', [params.filters, tag]] : tag;
}

/** Core's evaluation rows of the listing: the compiler's window and filters, on the store's fact scope. */
function evaluationRows(store: Store, workspaceId: string, params: JudgmentExamplesParams, now: Date) {
  const filters = scopeFilter(params);
  return compileEvaluationRows(
    { date_range: params.date_range, ...(filters ? { filters } : {}) },
    { workspaceId, workspaceKey: scopeKey(store.factScope(workspaceId)), dialect: store.dialect, now },
  );
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
  // Compiled first: a bad filter throws here, before any statement is in flight.
  const evaluations = evaluationRows(deps.store, workspaceId, params, now);
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
    listExamplePage(deps.store, evaluations, {
      ...(params.failure_tag !== undefined ? { tag: params.failure_tag } : {}),
      page: params.page,
      size: params.page_size,
    }),
  ]);
  const byId = await findMessageContents(
    deps.store,
    deps.store.dialect,
    deps.store.factScope(workspaceId),
    rows,
  );
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
