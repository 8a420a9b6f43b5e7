// Owns the judgment examples table: evaluated answers with content, rating and tags, per failure tag, paginated;
// each links to its conversation.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChartProps } from '../charts/ChartProps';
import { ChartSkeleton } from '../charts/ChartSkeleton';
import { useDashboard } from '../dashboard/DashboardContext';
import { Link } from '../router/Link';
import { Notice } from '../ui/Notice';
import { fetchTagPage, fetchTags } from './judgmentsApi';

const PAGE_SIZE = 10;

export function JudgmentsTable({ entry }: ChartProps) {
  const { refetchInterval, ctx } = useDashboard();
  const [picked, setPicked] = useState<string | null>(null);
  // A page belongs to the range and filters it was picked under: new ones start again at page 1.
  const scope = JSON.stringify([ctx.dateRange, ctx.filter]);
  const [paging, setPaging] = useState({ scope, page: 1 });
  const page = paging.scope === scope ? paging.page : 1;
  const setPage = (n: number) => setPaging({ scope, page: n });
  const tags = useQuery({
    queryKey: ['analytics', 'judgment-tags', ctx.dateRange, ctx.filter],
    queryFn: ({ signal }) => fetchTags(ctx, PAGE_SIZE, signal),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
  const tag = picked && tags.data?.some((t) => t.tag === picked) ? picked : (tags.data?.[0]?.tag ?? null);
  const res = useQuery({
    queryKey: ['analytics', 'judgment-examples', ctx.dateRange, ctx.filter, tag, page],
    queryFn: ({ signal }) => fetchTagPage(ctx, tag!, page, PAGE_SIZE, signal),
    // Page 1 of every tag came with the tag list: only later pages need a request of their own.
    enabled: tag !== null && page > 1,
    placeholderData: keepPreviousData,
    refetchInterval,
  });
  const data = page === 1 ? tags.data?.find((t) => t.tag === tag) : res.data;
  const error = tags.error ?? res.error;
  if (error && !data) {
    return (
      <div data-state="error">
        <Notice kind="error" title="Could not load judgment examples">
          {error.message}
        </Notice>
      </div>
    );
  }
  if (tags.data && tag === null) {
    return (
      <div data-state="empty">
        <Notice kind="empty" title="Nothing to show">
          {`No evaluation carries a failure tag in ${ctx.rangeLabel}${ctx.filtersActive ? ' matching the current filters' : ''}.`}
        </Notice>
      </div>
    );
  }
  if (!data || !tags.data) return <ChartSkeleton />;
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  const examples = data.examples;
  return (
    <div
      data-state={examples.length ? 'ready' : 'empty'}
      className={page > 1 && res.isPlaceholderData ? 'stale' : undefined}
    >
      <div className="toolbar">
        <label>
          Failure tag{' '}
          <select
            value={tag ?? ''}
            onChange={(e) => {
              setPicked(e.target.value);
              setPage(1);
            }}
          >
            {tags.data.map((t) => (
              <option key={t.tag} value={t.tag}>
                {t.tag} ({t.total})
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          Previous
        </button>
        <span aria-live="polite">
          Page {page} of {pages}
        </span>
        <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          Next
        </button>
      </div>
      {examples.length === 0 ? (
        <Notice kind="empty" title="Nothing to show">{`${entry.empty} on this page.`}</Notice>
      ) : (
        <div className="table-wrap">
          <table className="judgments">
            <thead>
              <tr>
                <th scope="col">Answer</th>
                <th scope="col">Model</th>
                <th scope="col" className="num">
                  Rating
                </th>
                <th scope="col">Result</th>
                <th scope="col">Tags</th>
                <th scope="col">Conversation</th>
              </tr>
            </thead>
            <tbody>
              {examples.map((ex) => (
                <tr key={ex.evaluation_id}>
                  <td className="content">{ex.content ?? '—'}</td>
                  <td>{ex.model_id ?? '—'}</td>
                  <td className="num">{ex.rating ?? '—'}</td>
                  <td>{ex.success === true ? 'success' : ex.success === false ? 'failure' : '—'}</td>
                  <td>{ex.failure_tags.join(', ')}</td>
                  <td>
                    <Link
                      href={`/conversations/${encodeURIComponent(ex.conversation_id)}#message-${encodeURIComponent(ex.message_id)}`}
                      data-testid="judgment-conversation"
                    >
                      Open
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
