// Owns the delete confirmation of a rule: the rule, its channels and its state go; its history stays.
import type { AlertRule } from '@llm-analytics/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Modal } from '../ui/Modal';
import { alertsApi } from './alertsApi';

export function DeleteRuleDialog({ rule, onClose }: { rule: AlertRule; onClose(): void }) {
  const qc = useQueryClient();
  const del = useMutation({
    mutationFn: () => alertsApi.remove(rule.id),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['alerts'] });
      onClose();
    },
  });
  return (
    <Modal title={`Delete “${rule.name}”?`} onClose={onClose}>
      <p>The rule and its channels are removed and nothing more is sent for it; its history stays.</p>
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
          {del.isPending ? 'Deleting…' : 'Delete rule'}
        </button>
      </footer>
    </Modal>
  );
}
