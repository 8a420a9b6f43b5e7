// Owns the delete confirmation: the experiment goes, the conversations it grouped stay in the data.
import { useQueryClient } from '@tanstack/react-query';
import type { Experiment } from '../api/types';
import { ConfirmDeleteDialog } from '../ui/ConfirmDeleteDialog';
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
  return (
    <ConfirmDeleteDialog
      title={`Delete “${experiment.name}”?`}
      action="Delete experiment"
      remove={() => experimentsApi.remove(experiment.id)}
      onDeleted={async () => {
        qc.removeQueries({ queryKey: ['experiments', experiment.id] });
        await qc.invalidateQueries({ queryKey: ['experiments'] });
        onDeleted?.();
      }}
      onClose={onClose}
    >
      <p>
        The experiment and its conclusion are removed. Its conversations stay in the data, and its sessions
        are offered again as a suggestion.
      </p>
    </ConfirmDeleteDialog>
  );
}
