// Owns the Experiments page (/experiments): the list with status, traffic and primary verdicts, the suggestions
// from the data, and the create / edit / conclude / delete modals.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CreateExperimentRequest, Experiment, WorkspaceRef } from '../api/types';
import { Notice } from '../ui/Notice';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { ConcludeDialog } from './ConcludeDialog';
import { canManageExperiments } from './canManageExperiments';
import { DeleteDialog } from './DeleteDialog';
import { ExperimentForm } from './ExperimentForm';
import { ExperimentRow } from './ExperimentRow';
import { editPatch } from './editPatch';
import { experimentDraft } from './experimentDraft';
import { experimentsApi } from './experimentsApi';
import { SuggestedExperiments } from './SuggestedExperiments';

type Open =
  | { kind: 'create'; from?: CreateExperimentRequest }
  | { kind: 'edit' | 'conclude' | 'delete'; experiment: Experiment }
  | null;

export function ExperimentsPage({ workspace }: { workspace: WorkspaceRef }) {
  useDocumentTitle('Experiments');
  const canManage = canManageExperiments(workspace.role);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['experiments', 'list'],
    queryFn: ({ signal }) => experimentsApi.list(signal),
  });
  const create = useMutation({
    mutationFn: (body: CreateExperimentRequest) => experimentsApi.create(body),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['experiments'] });
      close();
    },
  });
  const edit = useMutation({
    mutationFn: (a: { id: string; body: Parameters<typeof experimentsApi.update>[1] }) =>
      experimentsApi.update(a.id, a.body),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['experiments'] });
      close();
    },
  });
  const experiments = list.data?.experiments ?? [];
  return (
    <main className="page" id="experiments">
      <section className="header-bar">
        <h1>Experiments</h1>
        <span className="spacer" />
        {canManage ? (
          <button type="button" className="primary" onClick={() => setOpen({ kind: 'create' })}>
            New experiment
          </button>
        ) : null}
      </section>
      <SuggestedExperiments canManage={canManage} onReview={(s) => setOpen({ kind: 'create', from: s })} />
      <section
        className="panel panel-body-pad"
        aria-labelledby="experiments-heading"
        data-state={
          list.isPending ? 'loading' : list.isError ? 'error' : experiments.length ? 'ready' : 'empty'
        }
      >
        <h2 id="experiments-heading">All experiments</h2>
        {list.isPending ? (
          <div className="skeleton table-skeleton" role="progressbar" aria-label="Loading experiments" />
        ) : list.isError ? (
          <Notice kind="error" title="Could not load experiments">
            {list.error.message}
          </Notice>
        ) : experiments.length === 0 ? (
          <Notice kind="empty" title="No experiments yet">
            Create one from the suggestions above, or with “New experiment”: name the variants by the{' '}
            <code>session_id</code>s your conversations carry.
          </Notice>
        ) : (
          <div className="table-wrap">
            <table className="experiments-table">
              <thead>
                <tr>
                  <th scope="col">Experiment</th>
                  <th scope="col">Status</th>
                  <th scope="col">Variants · traffic</th>
                  <th scope="col">Primary metric</th>
                  <th scope="col" aria-label="Actions" />
                </tr>
              </thead>
              <tbody>
                {experiments.map((e) => (
                  <ExperimentRow
                    key={e.id}
                    experiment={e}
                    canManage={canManage}
                    onEdit={() => setOpen({ kind: 'edit', experiment: e })}
                    onConclude={() => setOpen({ kind: 'conclude', experiment: e })}
                    onDelete={() => setOpen({ kind: 'delete', experiment: e })}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {open?.kind === 'create' ? (
        <ExperimentForm
          title="New experiment"
          submitLabel="Create experiment"
          initial={open.from ? experimentDraft.from(open.from) : experimentDraft.empty()}
          statuses={['draft', 'running']}
          onSave={(body, status) =>
            create.mutateAsync({ ...body, status: status === 'draft' ? 'draft' : 'running' })
          }
          onClose={close}
        />
      ) : null}
      {open?.kind === 'edit' ? (
        <ExperimentForm
          title={`Edit “${open.experiment.name}”`}
          submitLabel="Save changes"
          initial={experimentDraft.from(open.experiment)}
          statuses={['draft', 'running', 'stopped', 'concluded']}
          onSave={(body, status) =>
            edit.mutateAsync({ id: open.experiment.id, body: editPatch(open.experiment, body, status) })
          }
          onClose={close}
        />
      ) : null}
      {open?.kind === 'conclude' ? <ConcludeDialog experiment={open.experiment} onClose={close} /> : null}
      {open?.kind === 'delete' ? <DeleteDialog experiment={open.experiment} onClose={close} /> : null}
    </main>
  );
}
