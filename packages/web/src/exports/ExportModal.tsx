// Owns the export dialog: the form prefilled from the dashboard, the export it started, and past exports.
import type { ExportReply } from '@llm-analytics/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useDashboard } from '../dashboard/DashboardContext';
import { buildFilter } from '../state/buildFilter';
import { ExportForm, FORM_FIELDS } from './ExportForm';
import { ExportHistory } from './ExportHistory';
import { ExportJobStatus } from './ExportJobStatus';
import { type ExportDraft, initialDraft, toRequest } from './exportDraft';
import { startExport } from './exportsApi';
import { NO_ERRORS, placeErrors } from './fieldIssues';
import { EXPORTS_KEY } from './useExportHistory';

export function ExportModal({ onClose }: { onClose(): void }) {
  const { state } = useDashboard();
  const dialog = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState<ExportDraft>(() => initialDraft(state));
  const [started, setStarted] = useState<ExportReply | null>(null);
  const client = useQueryClient();
  const start = useMutation({
    mutationFn: () => startExport(toRequest(draft)),
    onSuccess: (reply) => {
      setStarted(reply);
      void client.invalidateQueries({ queryKey: EXPORTS_KEY });
    },
  });
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const errors = start.isError ? placeErrors(start.error, FORM_FIELDS) : NO_ERRORS;
  return (
    <dialog ref={dialog} className="export-modal" aria-labelledby="export-title" onClose={onClose}>
      <header className="export-head">
        <h2 id="export-title">Export data</h2>
        <button type="button" className="link" onClick={() => dialog.current?.close()} aria-label="Close">
          ✕
        </button>
      </header>
      <ExportForm
        draft={draft}
        dashboardFilters={buildFilter(state.filters)}
        errors={errors}
        busy={start.isPending}
        onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
        onSubmit={() => start.mutate()}
      />
      {started ? <ExportJobStatus key={started.exportId} reply={started} /> : null}
      <ExportHistory />
    </dialog>
  );
}
