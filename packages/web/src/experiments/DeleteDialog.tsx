// Owns the delete confirmation: the experiment goes, the conversations it grouped stay in the data.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Experiment } from '../api/types';
import { Modal } from '../ui/Modal';
import { experimentsApi } from './experimentsApi';

export function DeleteDialog({
  experiment,
  onClose,
  onDeleted,
}: {
  experiment: Experiment;
  onClose(): void;
  onDeleted?(): void;
}) {
  const qc = useQueryClient();
  const del = useMutation({
    mutationFn: () => experimentsApi.remove(experiment.id),
    onSuccess: async () => {
      qc.removeQueries({ queryKey: ['experiments', experiment.id] });
      await qc.invalidateQueries({ queryKey: ['experiments'] });
      onClose();
      onDeleted?.();
    },
  });
  return (
    <Modal title={`Delete “${experiment.name}”?`} onClose={onClose}>
      <p>
        The experiment and its conclusion are removed. Its conversations stay in the data, and its sessions
        are offered again as a suggestion.
      </p>
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
          {del.isPending ? 'Deleting…' : 'Delete experiment'}
        </button>
      </footer>
    </Modal>
  );
}
