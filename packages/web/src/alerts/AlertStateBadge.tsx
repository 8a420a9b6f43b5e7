// Owns the state badge of a rule or of one of its slices (ok · pending · firing · resolved).
import type { AlertState } from '@llm-analytics/core';

export function AlertStateBadge({ state, title }: { state: AlertState; title?: string }) {
  return (
    <span className={`alert-state alert-state-${state}`} data-state-badge={state} title={title}>
      {state}
    </span>
  );
}
