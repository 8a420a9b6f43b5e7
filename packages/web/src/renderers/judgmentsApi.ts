// Owns reading /api/analytics/judgment-examples: the tag list (totals) and one tag's page of examples.
import { api } from '../api/api';
import type { JudgmentReply, TagPage } from '../api/types';
import type { QueryContext } from '../state/queryContext';

/** The dashboard's window and filter tree as the endpoint's query string: a preset or from/to, filters as JSON. */
function scopeParams(ctx: QueryContext): Record<string, string> {
  const range: Record<string, string> =
    typeof ctx.dateRange === 'string'
      ? { date_range: ctx.dateRange }
      : { from: ctx.dateRange.from, to: ctx.dateRange.to };
  return ctx.filter ? { ...range, filters: JSON.stringify(ctx.filter) } : range;
}

/** Every tag with its total and its first page of examples, in one request. */
export async function fetchTags(
  ctx: QueryContext,
  pageSize: number,
  signal: AbortSignal,
): Promise<TagPage[]> {
  const qs = new URLSearchParams({ page: '1', page_size: String(pageSize), ...scopeParams(ctx) });
  const r = await api<JudgmentReply>('GET', `/api/analytics/judgment-examples?${qs}`, undefined, signal);
  const tags = 'tags' in r.data ? r.data.tags : [r.data];
  return tags.filter((t) => t.total > 0).sort((a, b) => b.total - a.total);
}

export async function fetchTagPage(
  ctx: QueryContext,
  tag: string,
  page: number,
  pageSize: number,
  signal: AbortSignal,
): Promise<TagPage> {
  const qs = new URLSearchParams({
    failure_tag: tag,
    page: String(page),
    page_size: String(pageSize),
    ...scopeParams(ctx),
  });
  const r = await api<JudgmentReply>('GET', `/api/analytics/judgment-examples?${qs}`, undefined, signal);
  return 'tags' in r.data
    ? (r.data.tags[0] ?? { tag, total: 0, page, page_size: pageSize, examples: [] })
    : r.data;
}
