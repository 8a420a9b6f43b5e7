// Owns the forest plot: each comparison's difference from the control with its 95% interval, one panel per
// metric (each on its own axis and unit), the zero line marking "no difference", the good side labelled.
import type { ExperimentComparison } from '../api/types';
import { experimentFormat } from './experimentFormat';
import { metricInfo } from './metricInfo';

const W = 460;
const LABEL = 130;
const ROW = 28;
const PAD = 16;

function niceBounds(values: number[]): [number, number] {
  let lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  const span = hi - lo;
  return [lo - span * 0.08, hi + span * 0.08];
}

function MetricForest({ metric, rows }: { metric: string; rows: ExperimentComparison[] }) {
  const info = metricInfo(metric);
  const ends = rows.flatMap((c) => (c.ci ? [c.ci[0], c.ci[1]] : c.difference !== null ? [c.difference] : []));
  const [lo, hi] = niceBounds(ends);
  const x = (v: number) => LABEL + ((v - lo) / (hi - lo)) * (W - LABEL - PAD);
  const h = rows.length * ROW + 24;
  return (
    <figure className="forest" data-metric={metric}>
      <figcaption>
        {info.label}{' '}
        <span className="muted">
          (difference from control, 95% interval; {info.better === 'higher' ? 'right' : 'left'} is better)
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${h}`} width="100%" role="img" aria-label={`Forest plot of ${info.label}`}>
        <line x1={x(0)} x2={x(0)} y1={4} y2={h - 18} className="forest-zero" />
        {rows.map((c, i) => {
          const y = i * ROW + 16;
          return (
            <g key={c.variant} className={`forest-row verdict-${c.verdict}`}>
              <text x={LABEL - 8} y={y + 4} textAnchor="end" className="forest-label">
                {c.variant}
              </text>
              {c.ci ? <line x1={x(c.ci[0])} x2={x(c.ci[1])} y1={y} y2={y} className="forest-ci" /> : null}
              {c.difference !== null ? (
                <circle cx={x(c.difference)} cy={y} r={5} className="forest-dot" />
              ) : null}
              <title>
                {`${c.variant}: ${experimentFormat.difference(metric, c.difference)} (${experimentFormat.interval(metric, c.ci)})`}
              </title>
            </g>
          );
        })}
        {x(0) - LABEL > 60 ? (
          <text x={LABEL} y={h - 6} className="forest-axis">
            {experimentFormat.difference(metric, lo)}
          </text>
        ) : null}
        <text x={x(0)} y={h - 6} textAnchor="middle" className="forest-axis">
          0
        </text>
        {W - PAD - x(0) > 60 ? (
          <text x={W - PAD} y={h - 6} textAnchor="end" className="forest-axis">
            {experimentFormat.difference(metric, hi)}
          </text>
        ) : null}
      </svg>
    </figure>
  );
}

export function ForestPlot({ comparisons }: { comparisons: ExperimentComparison[] }) {
  const metrics = [...new Set(comparisons.map((c) => c.metric))];
  return (
    <div className="forest-plots" data-testid="forest-plot">
      {metrics.map((m) => (
        <MetricForest key={m} metric={m} rows={comparisons.filter((c) => c.metric === m)} />
      ))}
    </div>
  );
}
