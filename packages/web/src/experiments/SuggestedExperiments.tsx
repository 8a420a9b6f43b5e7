// Owns the "Suggested from your data" list: sessions no experiment holds yet, grouped as the data names them,
// each created with one click (or opened in the form to review first).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateExperimentRequest } from '../api/types';
import { Notice } from '../ui/Notice';
import { experimentsApi } from './experimentsApi';
import { metricInfo } from './metricInfo';

export function SuggestedExperiments({
  canManage,
  onReview,
}: {
  canManage: boolean;
  onReview(s: CreateExperimentRequest): void;
}) {
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['experiments', 'suggestions'],
    queryFn: ({ signal }) => experimentsApi.suggestions(signal),
  });
  const create = useMutation({
    mutationFn: (s: CreateExperimentRequest) => experimentsApi.create(s),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['experiments'] }),
  });
  if (list.isPending) return <div className="skeleton" role="progressbar" aria-label="Loading suggestions" />;
  if (list.isError) {
    return (
      <Notice kind="error" title="Could not load suggestions">
        {list.error.message}
      </Notice>
    );
  }
  const suggestions = list.data.suggestions;
  if (suggestions.length === 0) return null;
  return (
    <section className="panel panel-body-pad" aria-labelledby="suggested-heading" data-testid="suggestions">
      <h2 id="suggested-heading">Suggested from your data</h2>
      <p className="muted">
        These sessions carry an experiment name in the data but belong to no experiment here yet. “Create”
        saves one as a draft as shown; “Review…” opens it in the form first.
      </p>
      {create.error ? (
        <Notice kind="error" title="Could not create the experiment">
          {create.error.message}
        </Notice>
      ) : null}
      <ul className="suggestions">
        {suggestions.map(({ draft: s, session_ids, conversations }) => (
          <li key={s.name} data-name={s.name}>
            <strong>{s.name}</strong>{' '}
            <span className="muted">
              {session_ids
                .map((id, i) => `${id} (${conversations[i].toLocaleString()} conversations)`)
                .join(' vs ')}{' '}
              · judged on {metricInfo(s.primary_metric).label}
            </span>
            {canManage ? (
              <span className="suggestion-actions">
                <button
                  type="button"
                  className="primary"
                  disabled={create.isPending}
                  onClick={() => create.mutate(s)}
                  aria-label={`Create ${s.name}`}
                >
                  Create
                </button>
                <button type="button" onClick={() => onReview(s)} aria-label={`Review ${s.name}`}>
                  Review…
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
