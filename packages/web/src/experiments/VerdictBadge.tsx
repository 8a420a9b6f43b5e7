// Owns the verdict badge of a comparison: better / worse / no detectable difference / not enough data.
import type { ExperimentComparison } from '../api/types';

const LABELS: Record<ExperimentComparison['verdict'], string> = {
  better: 'Better',
  worse: 'Worse',
  no_difference: 'No detectable difference',
  insufficient_data: 'Not enough data',
};

export function VerdictBadge({ verdict }: { verdict: ExperimentComparison['verdict'] }) {
  return (
    <span className={`verdict verdict-${verdict}`} data-verdict={verdict}>
      {LABELS[verdict]}
    </span>
  );
}
