// Owns the delete confirmation of a rule: the rule, its channels and its state go; its history stays.
import type { AlertRule } from '@llm-analytics/core';
import { useQueryClient } from '@tanstack/react-query';
import { ConfirmDeleteDialog } from '../ui/ConfirmDeleteDialog';
import { alertsApi } from './alertsApi';

export function DeleteRuleDialog({ rule, onClose }: { rule: AlertRule; onClose(): void }) {
  const qc = useQueryClient();
  return (
    <ConfirmDeleteDialog
      title={`Delete “${rule.name}”?`}
      action="Delete rule"
      remove={() => alertsApi.remove(rule.id)}
      onDeleted={() => qc.invalidateQueries({ queryKey: ['alerts'] })}
      onClose={onClose}
    >
      <p>The rule and its channels are removed and nothing more is sent for it; its history stays.</p>
    </ConfirmDeleteDialog>
  );
}
