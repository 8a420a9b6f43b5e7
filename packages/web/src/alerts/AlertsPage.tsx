// Owns the Alerts page (/alerts): the rules with their state, create / edit / test / delete, the secrets of new
// webhook channels (shown once) and the history of notifications.
import type { AlertRule, CreateAlertRuleRequest, WorkspaceRef } from '@llm-analytics/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLiveEvent } from '../live';
import { Notice } from '../ui/Notice';
import { useCoalesced } from '../ui/useCoalesced';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { AlertHistory } from './AlertHistory';
import { alertsApi, type RuleWritten } from './alertsApi';
import { canManageAlerts } from './canManageAlerts';
import { DeleteRuleDialog } from './DeleteRuleDialog';
import { RuleForm } from './RuleForm';
import { RuleRow } from './RuleRow';
import { SecretDialog, type ShownSecret } from './SecretDialog';
import { TestDialog } from './TestDialog';
import { RULES_KEY, useAlertRules } from './useAlertRules';

type Open =
  | { kind: 'create' }
  | { kind: 'edit' | 'test' | 'delete'; rule: AlertRule }
  | { kind: 'secrets'; secrets: ShownSecret[] }
  | null;

const secretsOf = (w: RuleWritten): ShownSecret[] =>
  w.secrets.map((s) => ({
    channel: w.rule.channels.find((c) => c.id === s.channel_id)?.name ?? s.channel_id,
    secret: s.secret,
  }));

export function AlertsPage({ workspace }: { workspace: WorkspaceRef }) {
  useDocumentTitle('Alerts');
  const canManage = canManageAlerts(workspace.role);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const qc = useQueryClient();
  const list = useAlertRules();
  // A state change re-reads the rules and the history (the bell re-reads the rules as well: one request).
  useLiveEvent(
    'alert',
    useCoalesced(() => void qc.invalidateQueries({ queryKey: ['alerts'] })),
  );
  const written = async (w: RuleWritten) => {
    await qc.invalidateQueries({ queryKey: ['alerts'] });
    const secrets = secretsOf(w);
    setOpen(secrets.length > 0 ? { kind: 'secrets', secrets } : null);
  };
  const save = useMutation({
    mutationFn: (a: { id: string | null; body: CreateAlertRuleRequest }) =>
      a.id ? alertsApi.update(a.id, a.body) : alertsApi.create(a.body),
    onSuccess: written,
  });
  const toggle = useMutation({
    mutationFn: (a: { id: string; enabled: boolean }) => alertsApi.update(a.id, { enabled: a.enabled }),
    onSettled: () => qc.invalidateQueries({ queryKey: RULES_KEY }),
  });
  const rules = list.data?.rules ?? [];
  return (
    <main className="page" id="alerts">
      <section className="header-bar">
        <h1>Alerts</h1>
        <span className="spacer" />
        {canManage ? (
          <button type="button" className="primary" onClick={() => setOpen({ kind: 'create' })}>
            New rule
          </button>
        ) : null}
      </section>
      <section
        className="panel panel-body-pad"
        aria-labelledby="rules-heading"
        data-testid="alert-rules"
        data-state={list.isPending ? 'loading' : list.isError ? 'error' : rules.length ? 'ready' : 'empty'}
      >
        <h2 id="rules-heading">Rules</h2>
        {toggle.error ? (
          <Notice kind="error" title="Not changed">
            {toggle.error.message}
          </Notice>
        ) : null}
        {list.isPending ? (
          <div className="skeleton table-skeleton" role="progressbar" aria-label="Loading the rules" />
        ) : list.isError ? (
          <Notice kind="error" title="Could not load the rules">
            {list.error.message}
          </Notice>
        ) : rules.length === 0 ? (
          <Notice kind="empty" title="No alert rules yet">
            Create one with “New rule”: a metric against a threshold, or any anomaly the scan finds.
          </Notice>
        ) : (
          <div className="table-wrap">
            <table className="rules-table">
              <thead>
                <tr>
                  <th scope="col">Rule</th>
                  <th scope="col">Condition</th>
                  <th scope="col">State</th>
                  <th scope="col">Channels</th>
                  <th scope="col">Enabled</th>
                  <th scope="col" aria-label="Actions" />
                </tr>
              </thead>
              <tbody>
                {rules.map((r) => (
                  <RuleRow
                    key={r.id}
                    rule={r}
                    canManage={canManage}
                    toggling={toggle.isPending && toggle.variables?.id === r.id}
                    onToggle={(enabled) => toggle.mutate({ id: r.id, enabled })}
                    onEdit={() => setOpen({ kind: 'edit', rule: r })}
                    onTest={() => setOpen({ kind: 'test', rule: r })}
                    onDelete={() => setOpen({ kind: 'delete', rule: r })}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <AlertHistory rules={rules} />
      {open?.kind === 'create' || open?.kind === 'edit' ? (
        <RuleForm
          title={open.kind === 'edit' ? `Edit “${open.rule.name}”` : 'New alert rule'}
          submitLabel={open.kind === 'edit' ? 'Save changes' : 'Create rule'}
          rule={open.kind === 'edit' ? open.rule : null}
          onSave={(body) => save.mutateAsync({ id: open.kind === 'edit' ? open.rule.id : null, body })}
          onClose={close}
        />
      ) : null}
      {open?.kind === 'test' ? <TestDialog rule={open.rule} onClose={close} /> : null}
      {open?.kind === 'delete' ? <DeleteRuleDialog rule={open.rule} onClose={close} /> : null}
      {open?.kind === 'secrets' ? <SecretDialog secrets={open.secrets} onClose={close} /> : null}
    </main>
  );
}
