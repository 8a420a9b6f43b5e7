// Owns the history table of the Alerts page: each state change or test of a (rule, slice), newest first, with
// what was sent for it (deliveries, attempts, last error) or why nothing was.
import { type AlertRule, metricDisplay } from '@llm-analytics/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatValue } from '../ui/format';
import { Notice } from '../ui/Notice';
import { AlertStateBadge } from './AlertStateBadge';
import { alertsApi } from './alertsApi';
import { DeliveryList } from './DeliveryList';

export function AlertHistory({ rules }: { rules: AlertRule[] }) {
  const [ruleId, setRuleId] = useState<string | null>(null);
  const history = useQuery({
    queryKey: ['alerts', 'history', ruleId],
    queryFn: ({ signal }) => alertsApi.history(ruleId, signal),
  });
  const events = history.data?.events ?? [];
  const channelsOf = (id: string) => rules.find((r) => r.id === id)?.channels;
  // Values in the rule's metric unit while the rule exists; a deleted rule's as plain numbers.
  const show = (ruleId: string, v: number) => {
    const metric = rules.find((r) => r.id === ruleId)?.condition.metric;
    return metric ? formatValue(v, metricDisplay(metric).unit) : v.toLocaleString();
  };
  return (
    <section
      className="panel panel-body-pad"
      aria-labelledby="alert-history-heading"
      data-testid="alert-history"
      data-state={
        history.isPending ? 'loading' : history.isError ? 'error' : events.length ? 'ready' : 'empty'
      }
    >
      <div className="toolbar">
        <h2 id="alert-history-heading">History</h2>
        <span className="spacer" />
        <label className="inline-select">
          Rule{' '}
          <select value={ruleId ?? ''} onChange={(e) => setRuleId(e.target.value || null)}>
            <option value="">All rules</option>
            {rules.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {history.isPending ? (
        <div className="skeleton table-skeleton" role="progressbar" aria-label="Loading the history" />
      ) : history.isError ? (
        <Notice kind="error" title="Could not load the history">
          {history.error.message}
        </Notice>
      ) : events.length === 0 ? (
        <Notice kind="empty" title="Nothing has fired yet">
          State changes and test notifications appear here, with each delivery.
        </Notice>
      ) : (
        <div className="table-wrap">
          <table className="history-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Rule · slice</th>
                <th scope="col">Change</th>
                <th scope="col">Value</th>
                <th scope="col">Deliveries</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id} data-kind={e.kind} data-rule-id={e.rule_id}>
                  <td>
                    <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>
                  </td>
                  <td>
                    {e.rule_name} <span className="muted">· {e.slice_key}</span>
                  </td>
                  <td>
                    {e.kind === 'test' ? (
                      'test'
                    ) : (
                      <>
                        {e.from_state ? <AlertStateBadge state={e.from_state} /> : null} →{' '}
                        <AlertStateBadge state={e.to_state} />
                        {e.kind === 'repeat' ? ' (reminder)' : ''}
                      </>
                    )}
                  </td>
                  <td className="num">
                    {e.value === null ? '—' : show(e.rule_id, e.value)}
                    {e.threshold !== null ? (
                      <span className="muted"> / {show(e.rule_id, e.threshold)}</span>
                    ) : null}
                  </td>
                  <td>
                    {e.suppressed ? <span className="muted">not sent: {e.suppressed}</span> : null}
                    <DeliveryList deliveries={e.deliveries} channels={channelsOf(e.rule_id)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
