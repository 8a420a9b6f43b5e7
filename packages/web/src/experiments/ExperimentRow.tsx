// Owns one row of the experiments list: status, variants with their traffic, the primary metric's verdicts
// (from the experiment's results) and the row's actions.
import type { Experiment } from '../api/types';
import { Link } from '../router/Link';
import { experimentFormat } from './experimentFormat';
import { metricInfo } from './metricInfo';
import { StatusBadge } from './StatusBadge';
import { useExperimentResults } from './useExperimentResults';
import { VerdictBadge } from './VerdictBadge';

export function ExperimentRow({
  experiment: e,
  canManage,
  onEdit,
  onConclude,
  onDelete,
}: {
  experiment: Experiment;
  canManage: boolean;
  onEdit(): void;
  onConclude(): void;
  onDelete(): void;
}) {
  const results = useExperimentResults(e.id, null);
  const traffic = new Map(results.data?.variants.map((v) => [v.name, v.conversations]));
  const primary = results.data?.comparisons.filter((c) => c.metric === e.primary_metric) ?? [];
  return (
    <tr data-testid={`experiment-${e.id}`} data-name={e.name}>
      <th scope="row">
        <Link href={`/experiments/${encodeURIComponent(e.id)}`}>{e.name}</Link>
      </th>
      <td>
        <StatusBadge experiment={e} />
      </td>
      <td>
        <ul className="plain">
          {e.variants.map((v) => (
            <li key={v.name}>
              {v.name}
              {v.name === e.control ? <span className="muted"> (control)</span> : null}
              <span className="muted" data-testid="traffic">
                {' · '}
                {results.isPending
                  ? '…'
                  : traffic.has(v.name)
                    ? `${traffic.get(v.name)?.toLocaleString()} conversations`
                    : '—'}
              </span>
            </li>
          ))}
        </ul>
      </td>
      <td>
        <span className="muted">{metricInfo(e.primary_metric).label}</span>
        {results.isPending ? (
          <div className="muted">Computing…</div>
        ) : results.isError ? (
          <div role="alert">Results failed: {results.error.message}</div>
        ) : (
          <ul className="plain" data-testid="primary-verdicts">
            {primary.map((c) => (
              <li key={c.variant}>
                {c.variant}: <VerdictBadge verdict={c.verdict} />{' '}
                <span className="muted">{experimentFormat.difference(c.metric, c.difference)}</span>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="row-actions">
        {canManage ? (
          <>
            <button type="button" onClick={onEdit}>
              Edit
            </button>
            {e.status !== 'concluded' ? (
              <button type="button" onClick={onConclude}>
                Conclude
              </button>
            ) : null}
            <button type="button" onClick={onDelete}>
              Delete
            </button>
          </>
        ) : null}
      </td>
    </tr>
  );
}
