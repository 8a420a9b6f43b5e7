// Owns an experiment's results view (/experiments/:id): variants, comparisons, forest plot, time series, the
// SRM and power notes, the sequential / fixed switch, and the edit / conclude / delete actions.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/api';
import type { ResultMode, WorkspaceRef } from '../api/types';
import { Link } from '../router/Link';
import { locationStore } from '../router/locationStore';
import { Notice } from '../ui/Notice';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { ComparisonTable } from './ComparisonTable';
import { ConcludeDialog } from './ConcludeDialog';
import { canManageExperiments } from './canManageExperiments';
import { DeleteDialog } from './DeleteDialog';
import { ExperimentFacts } from './ExperimentFacts';
import { ExperimentForm } from './ExperimentForm';
import { ExperimentNotes } from './ExperimentNotes';
import { editPatch } from './editPatch';
import { experimentDraft } from './experimentDraft';
import { experimentsApi } from './experimentsApi';
import { ForestPlot } from './ForestPlot';
import { ModeSwitch } from './ModeSwitch';
import { StatusBadge } from './StatusBadge';
import { useExperimentResults } from './useExperimentResults';
import { VariantTable } from './VariantTable';
import { VariantTimeSeries } from './VariantTimeSeries';

export function ExperimentPage({ id, workspace }: { id: string; workspace: WorkspaceRef }) {
  const [mode, setMode] = useState<ResultMode | null>(null);
  const [open, setOpen] = useState<'edit' | 'conclude' | 'delete' | null>(null);
  const results = useExperimentResults(id, mode);
  const qc = useQueryClient();
  const edit = useMutation({
    mutationFn: (body: Parameters<typeof experimentsApi.update>[1]) => experimentsApi.update(id, body),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['experiments'] });
      setOpen(null);
    },
  });
  const r = results.data;
  useDocumentTitle(r ? r.experiment.name : 'Experiment');
  const canManage = canManageExperiments(workspace.role);
  if (results.isPending) {
    return <main className="page" role="progressbar" aria-label="Loading the experiment" />;
  }
  if (results.isError) {
    const missing = results.error instanceof ApiError && results.error.status === 404;
    return (
      <main className="page" data-state={missing ? 'not-found' : 'error'}>
        <Notice
          kind={missing ? 'empty' : 'error'}
          title={missing ? 'No such experiment' : 'Could not load results'}
        >
          {missing ? 'It may have been deleted. ' : `${results.error.message} `}
          <Link href="/experiments">All experiments</Link>
        </Notice>
      </main>
    );
  }
  const e = r!.experiment;
  return (
    <main className="page" id="experiment" data-state="ready">
      <section className="header-bar">
        <div>
          <Link href="/experiments" className="muted">
            ← Experiments
          </Link>
          <h1>{e.name}</h1>
        </div>
        <StatusBadge experiment={e} />
        <span className="spacer" />
        {canManage ? (
          <span className="row-actions">
            <button type="button" onClick={() => setOpen('edit')}>
              Edit
            </button>
            {e.status !== 'concluded' ? (
              <button type="button" onClick={() => setOpen('conclude')}>
                Conclude
              </button>
            ) : null}
            <button type="button" onClick={() => setOpen('delete')}>
              Delete
            </button>
          </span>
        ) : null}
      </section>
      <ExperimentFacts experiment={e} />
      {e.hypothesis ? <p className="hypothesis">Hypothesis: {e.hypothesis}</p> : null}
      {e.conclusion ? (
        <p className="conclusion" data-testid="conclusion">
          Conclusion: {e.conclusion}
        </p>
      ) : null}
      <section
        className={`panel panel-body-pad${results.isPlaceholderData ? ' stale' : ''}`}
        aria-labelledby="results-heading"
        aria-busy={results.isFetching}
      >
        <div className="results-head">
          <h2 id="results-heading">Results</h2>
          <ModeSwitch mode={mode ?? r!.mode} onChange={setMode} />
        </div>
        <ExperimentNotes results={r!} />
        <VariantTable results={r!} />
        <h3>Against the control ({e.control})</h3>
        {r!.comparisons.length === 0 ? (
          <Notice kind="empty" title="No comparisons yet" />
        ) : (
          <>
            <ComparisonTable comparisons={r!.comparisons} />
            <ForestPlot comparisons={r!.comparisons} />
          </>
        )}
      </section>
      <VariantTimeSeries experiment={e} />
      {open === 'edit' ? (
        <ExperimentForm
          title={`Edit “${e.name}”`}
          submitLabel="Save changes"
          initial={experimentDraft.from(e)}
          statuses={['draft', 'running', 'stopped', 'concluded']}
          onSave={(body, status) => edit.mutateAsync(editPatch(e, body, status))}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open === 'conclude' ? <ConcludeDialog experiment={e} onClose={() => setOpen(null)} /> : null}
      {open === 'delete' ? (
        <DeleteDialog
          experiment={e}
          onClose={() => setOpen(null)}
          onDeleted={() => locationStore.navigate('/experiments')}
        />
      ) : null}
    </main>
  );
}
