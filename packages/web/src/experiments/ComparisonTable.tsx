// Owns the comparisons table: each variant × metric against the control with difference, interval, p, Holm p,
// verdict and the method that produced them.
import type { ExperimentComparison } from '../api/types';
import { experimentFormat } from './experimentFormat';
import { metricInfo } from './metricInfo';
import { VerdictBadge } from './VerdictBadge';

export function ComparisonTable({ comparisons }: { comparisons: ExperimentComparison[] }) {
  return (
    <div className="table-wrap">
      <table data-testid="comparison-table">
        <thead>
          <tr>
            <th scope="col">Variant</th>
            <th scope="col">Metric</th>
            <th scope="col" className="num">
              Control
            </th>
            <th scope="col" className="num">
              Variant
            </th>
            <th scope="col" className="num">
              Difference
            </th>
            <th scope="col" className="num">
              95% interval
            </th>
            <th scope="col" className="num">
              p
            </th>
            <th scope="col" className="num">
              Adjusted p (Holm)
            </th>
            <th scope="col">Verdict</th>
            <th scope="col">Method</th>
          </tr>
        </thead>
        <tbody>
          {comparisons.map((c) => (
            <tr key={`${c.variant}|${c.metric}`} data-variant={c.variant} data-metric={c.metric}>
              <th scope="row">{c.variant}</th>
              <td>{metricInfo(c.metric).label}</td>
              <td className="num">{experimentFormat.value(c.metric, c.control_value)}</td>
              <td className="num">{experimentFormat.value(c.metric, c.value)}</td>
              <td className="num" data-col="difference">
                {experimentFormat.difference(c.metric, c.difference)}
                <span className="muted"> ({experimentFormat.relative(c.relative_difference)})</span>
              </td>
              <td className="num" data-col="ci">
                {experimentFormat.interval(c.metric, c.ci)}
              </td>
              <td className="num">{experimentFormat.p(c.p_value)}</td>
              <td className="num">{experimentFormat.p(c.adjusted_p_value)}</td>
              <td>
                <VerdictBadge verdict={c.verdict} />
              </td>
              <td className="method">{c.method}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
