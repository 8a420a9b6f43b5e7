// Owns the delete confirmation of a cohort: the cohort and its membership go, its users stay in the data.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Cohort } from '../api/types';
import { Modal } from '../ui/Modal';
import { cohortsApi } from './cohortsApi';

export function DeleteCohortDialog({ cohort, onClose }: { cohort: Cohort; onClose(): void }) {
  const qc = useQueryClient();
  const del = useMutation({
    mutationFn: () => cohortsApi.remove(cohort.id),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['cohorts'] });
      await qc.invalidateQueries({ queryKey: ['analytics'] });
      onClose();
    },
  });
  return (
    <Modal title={`Delete “${cohort.name}”?`} onClose={onClose}>
      <p>The cohort and its membership are removed; its users and their conversations stay in the data.</p>
      {del.error ? (
        <div className="notice notice-error" role="alert">
          <strong>Not deleted: {del.error.message}</strong>
        </div>
      ) : null}
      <footer className="modal-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary danger"
          disabled={del.isPending}
          onClick={() => del.mutate()}
        >
          {del.isPending ? 'Deleting…' : 'Delete cohort'}
        </button>
      </footer>
    </Modal>
  );
}
