// Owns the delete confirmation of a cohort: the cohort and its membership go, its users stay in the data.
import { useQueryClient } from '@tanstack/react-query';
import type { Cohort } from '../api/types';
import { ConfirmDeleteDialog } from '../ui/ConfirmDeleteDialog';
import { cohortsApi } from './cohortsApi';

export function DeleteCohortDialog({ cohort, onClose }: { cohort: Cohort; onClose(): void }) {
  const qc = useQueryClient();
  return (
    <ConfirmDeleteDialog
      title={`Delete “${cohort.name}”?`}
      action="Delete cohort"
      remove={() => cohortsApi.remove(cohort.id)}
      onDeleted={async () => {
        await qc.invalidateQueries({ queryKey: ['cohorts'] });
        await qc.invalidateQueries({ queryKey: ['analytics'] });
      }}
      onClose={onClose}
    >
      <p>The cohort and its membership are removed; its users and their conversations stay in the data.</p>
    </ConfirmDeleteDialog>
  );
}
