// Owns the lifecycle badge of an experiment, with who moved it there and when in its tooltip.
import type { Experiment } from '../api/types';

export function StatusBadge({ experiment: e }: { experiment: Experiment }) {
  const when = new Date(e.status_changed_at).toLocaleString();
  return (
    <span
      className={`exp-status exp-status-${e.status}`}
      data-status={e.status}
      title={`${e.status} since ${when}${e.status_changed_by ? ` (by ${e.status_changed_by})` : ''}`}
    >
      {e.status}
    </span>
  );
}
