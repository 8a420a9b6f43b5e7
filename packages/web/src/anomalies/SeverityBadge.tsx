// Owns the severity badge of an anomaly (low · medium · high · critical).
import type { AnomalySeverity } from '@llm-analytics/core';

export function SeverityBadge({ severity }: { severity: AnomalySeverity }) {
  return (
    <span className={`severity severity-${severity}`} data-severity={severity}>
      {severity}
    </span>
  );
}
