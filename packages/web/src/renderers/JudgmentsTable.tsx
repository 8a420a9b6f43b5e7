// Owns the judgment examples table: evaluated answers with content, rating and tags, paginated, by tag.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/api';
import type { JudgmentPage } from '../api/types';
import type { ChartProps } from '../charts/ChartEntry';
import { ChartSkeleton } from '../charts/ChartSkeleton';
import { useDashboard } from '../dashboard/DashboardContext';
import { Notice } from '../ui/Notice';

const PAGE_SIZE = 10;

export function JudgmentsTable({ entry }: ChartProps) {
  const { refetchInterval, ctx } = useDashboard();
  const [tag, setTag] = useState('');
  const [page, setPage] = useState(1);
  const params = new URLSearchParams({ page: String(page), page_size: String(PAGE_SIZE) });
  if (tag) params.set('failure_tag', tag);
  const res = useQuery({
    queryKey: ['analytics', 'judgment-examples', tag, page],
    queryFn: ({ signal }) =>
      api<JudgmentPage>('GET', `/api/analytics/judgment-examples?${params}`, undefined, signal),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
  if (res.isError && !res.data) {
    return (
      <div data-state="error">
        <Notice kind="error" title="Could not load judgment examples">
          {res.error.message}
        </Notice>
      </div>
    );
  }
  if (!res.data) return <ChartSkeleton />;
  const examples = res.data.examples ?? [];
  const total = res.data.total;
  const pages = total === undefined ? null : Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <div data-state={examples.length ? 'ready' : 'empty'}>
      <div className="toolbar">
        <label>
          Failure tag{' '}
          <input
            value={tag}
            placeholder="any"
            onChange={(e) => {
              setTag(e.target.value.trim());
              setPage(1);
            }}
          />
        </label>
        <span className="spacer" />
        <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          Previous
        </button>
        <span aria-live="polite">
          Page {page}
          {pages ? ` of ${pages}` : ''}
        </span>
        <button
          type="button"
          disabled={pages ? page >= pages : examples.length < PAGE_SIZE}
          onClick={() => setPage(page + 1)}
        >
          Next
        </button>
      </div>
      {examples.length === 0 ? (
        <Notice kind="empty" title="Nothing to show">
          {`${entry.empty}${tag ? ` tagged "${tag}"` : ''} (${ctx.rangeLabel} does not apply to this list).`}
        </Notice>
      ) : (
        <div className="table-wrap">
          <table className="judgments">
            <thead>
              <tr>
                <th scope="col">Answer</th>
                <th scope="col" className="num">
                  Rating
                </th>
                <th scope="col">Result</th>
                <th scope="col">Tags</th>
              </tr>
            </thead>
            <tbody>
              {examples.map((ex, i) => (
                <tr key={String(ex.message_id ?? ex.id ?? i)}>
                  <td className="content">{ex.content ?? '—'}</td>
                  <td className="num">{ex.rating ?? '—'}</td>
                  <td>{ex.success === true ? 'success' : ex.success === false ? 'failure' : '—'}</td>
                  <td>{(ex.failure_tags ?? []).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
