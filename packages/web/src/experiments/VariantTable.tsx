// Owns the per-variant table of the results: conversations, users and each chosen metric's value.
import type { ExperimentResults } from '../api/types';
import { experimentFormat } from './experimentFormat';
import { metricInfo } from './metricInfo';

export function VariantTable({ results }: { results: ExperimentResults }) {
  const e = results.experiment;
  const metrics = [e.primary_metric, ...e.secondary_metrics.filter((m) => m !== e.primary_metric)];
  return (
    <div className="table-wrap">
      <table data-testid="variant-table">
        <thead>
          <tr>
            <th scope="col">Variant</th>
            <th scope="col" className="num">
              Conversations
            </th>
            <th scope="col" className="num">
              Users
            </th>
            {metrics.map((m) => (
              <th key={m} scope="col" className="num">
                {metricInfo(m).label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {results.variants.map((v) => (
            <tr key={v.name} data-variant={v.name}>
              <th scope="row">
                {v.name}
                {v.name === e.control ? <span className="muted"> (control)</span> : null}
              </th>
              <td className="num" data-col="conversations">
                {v.conversations.toLocaleString()}
              </td>
              <td className="num" data-col="users">
                {v.users.toLocaleString()}
              </td>
              {metrics.map((m) => (
                <td key={m} className="num" data-col={m}>
                  {experimentFormat.value(m, v.metrics[m])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
