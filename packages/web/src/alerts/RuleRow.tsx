// Owns one rule of the list: name (suggested marked), condition, state and per-slice states, channels with
// their warnings, the enable toggle and the actions.
import type { AlertRule } from '@llm-analytics/core';
import { useEffect, useState } from 'react';
import { AlertStateBadge } from './AlertStateBadge';
import { conditionSummary } from './conditionSummary';

export function RuleRow({
  rule: r,
  canManage,
  toggling,
  onToggle,
  onEdit,
  onTest,
  onDelete,
}: {
  rule: AlertRule;
  canManage: boolean;
  toggling: boolean;
  onToggle(enabled: boolean): void;
  onEdit(): void;
  onTest(): void;
  onDelete(): void;
}) {
  // The switch shows where it was put while the change is saved (and the list re-read), then the stored state.
  const [wanted, setWanted] = useState<boolean | null>(null);
  useEffect(() => {
    if (!toggling) setWanted(null);
  }, [toggling]);
  const muted = r.muted_until && Date.parse(r.muted_until) > Date.now();
  return (
    <tr data-rule={r.name} data-id={r.id} data-state={r.state}>
      <td>
        <strong>{r.name}</strong>
        {r.suggested ? (
          <span className="badge" title="A suggested default, created with the workspace">
            suggested
          </span>
        ) : null}
        {r.description ? <div className="muted">{r.description}</div> : null}
      </td>
      <td>
        {conditionSummary(r.condition)}
        {muted ? (
          <div className="muted">Muted until {new Date(r.muted_until ?? '').toLocaleString()}</div>
        ) : null}
      </td>
      <td>
        <AlertStateBadge
          state={r.state}
          title={
            r.last_evaluated_at
              ? `evaluated ${new Date(r.last_evaluated_at).toLocaleString()}`
              : 'not evaluated yet'
          }
        />
        {r.slices.length > 1 || (r.slices[0] && r.slices[0].slice_key !== 'overall') ? (
          <div className="slice-states" data-testid="slice-states">
            {r.slices.map((s) => (
              <span key={s.slice_key} data-slice={s.slice_key}>
                {s.slice_key}{' '}
                <AlertStateBadge state={s.state} title={`since ${new Date(s.since).toLocaleString()}`} />
              </span>
            ))}
          </div>
        ) : null}
      </td>
      <td>
        {r.channels.length === 0 ? <span className="muted">none</span> : null}
        {r.channels.map((c) => (
          <div key={c.id}>
            {c.name} <span className="muted">({c.type})</span>
            {!c.enabled ? (
              <div className="channel-warning" role="alert">
                ⚠ Disabled after {c.consecutive_failures} failed deliveries
                {c.disabled_reason ? `: ${c.disabled_reason}` : ''}
              </div>
            ) : null}
          </div>
        ))}
      </td>
      <td>
        <label className="check">
          <input
            type="checkbox"
            checked={wanted ?? r.enabled}
            disabled={!canManage || toggling}
            onChange={(e) => {
              setWanted(e.target.checked);
              onToggle(e.target.checked);
            }}
          />
          <span className="visually-hidden">Enable {r.name}</span>
          {(wanted ?? r.enabled) ? 'on' : 'off'}
        </label>
      </td>
      <td>
        {canManage ? (
          <div className="row-actions">
            <button type="button" onClick={onEdit}>
              Edit
            </button>
            <button type="button" onClick={onTest} disabled={r.channels.length === 0}>
              Send test
            </button>
            <button type="button" onClick={onDelete}>
              Delete
            </button>
          </div>
        ) : null}
      </td>
    </tr>
  );
}
