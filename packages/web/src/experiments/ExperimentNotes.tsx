// Owns the plain-language notes under the results: a broken traffic split (SRM) and the sample still needed.
import type { ExperimentResults } from '../api/types';
import { Notice } from '../ui/Notice';
import { experimentFormat } from './experimentFormat';
import { metricInfo } from './metricInfo';

function splitText(r: ExperimentResults): string {
  const total = r.variants.reduce((n, v) => n + v.conversations, 0);
  const planned = r.experiment.planned_split;
  const plannedTotal = planned ? planned.reduce((a, b) => a + b, 0) : 0;
  return r.variants
    .map((v, i) => {
      const got = total > 0 ? `${((v.conversations / total) * 100).toFixed(1)}%` : '—';
      const want =
        planned && plannedTotal > 0
          ? `${((planned[i] / plannedTotal) * 100).toFixed(0)}%`
          : `${(100 / r.variants.length).toFixed(0)}%`;
      return `${v.name} got ${got} (planned ${want})`;
    })
    .join(', ');
}

export function ExperimentNotes({ results: r }: { results: ExperimentResults }) {
  const unit = r.experiment.unit === 'user' ? 'users' : 'conversations';
  const needed = r.power.needed_per_variant;
  const smallest = Math.min(...r.variants.map((v) => (unit === 'users' ? v.users : v.conversations)));
  const more = needed !== null && Number.isFinite(smallest) ? Math.max(0, needed - smallest) : null;
  const metric = metricInfo(r.power.metric).label;
  const minEffect = r.experiment.min_effect;
  return (
    <div className="experiment-notes" data-testid="experiment-notes">
      {r.srm.mismatch ? (
        <Notice kind="error" title="Traffic split looks broken">
          {splitText(r)}: a split this far from the plan happens by chance with{' '}
          {experimentFormat.pClause(r.srm.p_value)}. Check how conversations are assigned before trusting any
          verdict.
        </Notice>
      ) : (
        <p data-testid="srm-note">
          Traffic split matches the plan ({splitText(r)}
          {r.srm.p_value !== null ? `; sample-ratio check ${experimentFormat.pClause(r.srm.p_value)}` : ''}).
        </p>
      )}
      <p data-testid="power-note">
        {minEffect === null
          ? `Set a minimum effect worth detecting (Edit) to see how many ${unit} per variant a test of ${metric} needs.`
          : needed === null
            ? `Not enough data yet to size the test on ${metric}.`
            : more === 0
              ? `Enough ${unit} to detect a change of ${experimentFormat.difference(r.power.metric, minEffect).replace(/^\+/, '')} in ${metric} with 80% power (${needed.toLocaleString()} per variant needed).`
              : `About ${more?.toLocaleString()} more ${unit} per variant needed to detect a change of ${experimentFormat.difference(r.power.metric, minEffect).replace(/^\+/, '')} in ${metric} with 80% power (${needed.toLocaleString()} per variant)${r.power.eta ? `, around ${new Date(r.power.eta).toLocaleDateString(undefined, { dateStyle: 'medium' })} at current traffic` : ''}.`}
      </p>
    </div>
  );
}
