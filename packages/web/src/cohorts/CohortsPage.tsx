// Owns the Cohorts page (/cohorts): the list with size, last computation and trend, the create / edit / delete
// modals, the cohorts' metrics side by side and the retention matrix.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Cohort, CreateCohortRequest, WorkspaceRef } from '../api/types';
import { canManageExperiments } from '../experiments/canManageExperiments';
import { formatTime } from '../ui/formatTime';
import { Notice } from '../ui/Notice';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { CohortForm } from './CohortForm';
import { CohortMetrics } from './CohortMetrics';
import { cohortsApi } from './cohortsApi';
import { DeleteCohortDialog } from './DeleteCohortDialog';
import { RetentionMatrix } from './RetentionMatrix';
import { Sparkline } from './Sparkline';
import { useCohortTrends } from './useCohortTrends';

type Open = { kind: 'create' } | { kind: 'edit' | 'delete'; cohort: Cohort } | null;
const busy = (c: Cohort) => c.status === 'pending' || c.status === 'computing';

export function CohortsPage({ workspace }: { workspace: WorkspaceRef }) {
  useDocumentTitle('Cohorts');
  // Cohorts are changed by whoever may change experiments (`manage_experiments`: every role but viewer).
  const canManage = canManageExperiments(workspace.role);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['cohorts', 'list'],
    queryFn: ({ signal }) => cohortsApi.list(signal),
    // While a membership is being computed, look again every second until it is ready.
    refetchInterval: (q) => (q.state.data?.cohorts.some(busy) ? 1000 : false),
  });
  const cohorts = list.data?.cohorts ?? [];
  const computed = cohorts.map((c) => `${c.id}:${c.computed_at}`).join(',');
  useEffect(() => {
    // New memberships: the per-cohort numbers read them.
    if (computed) void qc.invalidateQueries({ queryKey: ['analytics', 'cohorts'] });
  }, [computed, qc]);
  const trends = useCohortTrends();
  const saved = async () => {
    await qc.invalidateQueries({ queryKey: ['cohorts'] });
    close();
  };
  const create = useMutation({
    mutationFn: (b: CreateCohortRequest) => cohortsApi.create(b),
    onSuccess: saved,
  });
  const edit = useMutation({
    // An emptied description is cleared, not kept.
    mutationFn: (a: { id: string; body: CreateCohortRequest }) =>
      cohortsApi.update(a.id, { ...a.body, description: a.body.description ?? null }),
    onSuccess: saved,
  });
  return (
    <main className="page" id="cohorts">
      <section className="header-bar">
        <h1>Cohorts</h1>
        <span className="spacer" />
        {canManage ? (
          <button type="button" className="primary" onClick={() => setOpen({ kind: 'create' })}>
            New cohort
          </button>
        ) : null}
      </section>
      <section
        className="panel panel-body-pad"
        aria-labelledby="cohorts-heading"
        data-state={list.isPending ? 'loading' : list.isError ? 'error' : cohorts.length ? 'ready' : 'empty'}
      >
        <h2 id="cohorts-heading">All cohorts</h2>
        {list.isPending ? (
          <div className="skeleton table-skeleton" role="progressbar" aria-label="Loading cohorts" />
        ) : list.isError ? (
          <Notice kind="error" title="Could not load cohorts">
            {list.error.message}
          </Notice>
        ) : cohorts.length === 0 ? (
          <Notice kind="empty" title="No cohorts yet">
            Create one with “New cohort”: heavy users, widget users, new users this month, users who rated an
            answer 1 or 2 — or upload a list of user ids.
          </Notice>
        ) : (
          <div className="table-wrap">
            <table className="cohorts-table">
              <thead>
                <tr>
                  <th scope="col">Cohort</th>
                  <th scope="col">Users</th>
                  <th scope="col">Last computed</th>
                  <th scope="col">Weekly active (90 days)</th>
                  <th scope="col" aria-label="Actions" />
                </tr>
              </thead>
              <tbody>
                {cohorts.map((c) => (
                  <tr key={c.id} data-cohort={c.name} data-status={c.status}>
                    <th scope="row">
                      {c.name}
                      {c.description ? <div className="muted">{c.description}</div> : null}
                    </th>
                    <td>
                      {c.size === null ? '—' : c.size.toLocaleString('en-US')}
                      {c.unmatched ? <div className="muted">{c.unmatched} ids not in the data</div> : null}
                    </td>
                    <td>
                      {busy(c)
                        ? 'computing…'
                        : c.status === 'failed'
                          ? `failed: ${c.error ?? ''}`
                          : c.computed_at
                            ? formatTime(c.computed_at)
                            : '—'}
                    </td>
                    <td>
                      <Sparkline values={trends.get(c.id) ?? []} label={`${c.name} weekly active users`} />
                    </td>
                    <td className="actions">
                      {canManage ? (
                        <>
                          <button
                            type="button"
                            className="link"
                            onClick={() => setOpen({ kind: 'edit', cohort: c })}
                          >
                            Edit
                          </button>
                          <button
                            type="button"
                            className="link"
                            onClick={() => setOpen({ kind: 'delete', cohort: c })}
                          >
                            Delete
                          </button>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {cohorts.length ? <CohortMetrics cohorts={cohorts} /> : null}
      {cohorts.length ? <RetentionMatrix cohorts={cohorts} /> : null}
      {open?.kind === 'create' ? (
        <CohortForm
          title="New cohort"
          submitLabel="Create cohort"
          onSave={(b) => create.mutateAsync(b)}
          onClose={close}
        />
      ) : null}
      {open?.kind === 'edit' ? (
        <CohortForm
          title={`Edit “${open.cohort.name}”`}
          submitLabel="Save changes"
          cohort={open.cohort}
          onSave={(body) => edit.mutateAsync({ id: open.cohort.id, body })}
          onClose={close}
        />
      ) : null}
      {open?.kind === 'delete' ? <DeleteCohortDialog cohort={open.cohort} onClose={close} /> : null}
    </main>
  );
}
