// Owns one KPI card: value, and its period-over-period change as ↑ ↓ → coloured by whether it is good news.
import { UnpricedNote } from '../settings/UnpricedNote';
import { formatValue } from '../ui/format';
import type { KpiDef } from '../widgets/WidgetDef';

const FLAT = 0.5;

export function KpiCard(props: {
  def: KpiDef;
  value: number | null;
  loading: boolean;
  change: number | null | undefined;
  stale: boolean;
  /** Messages the value leaves unpriced (cost KPIs); 0 shows no marker. */
  unpriced: number;
}) {
  const { def, value, change } = props;
  let arrow = '→';
  let tone = 'neutral';
  if (typeof change === 'number' && Math.abs(change) >= FLAT) {
    arrow = change > 0 ? '↑' : '↓';
    if (def.better !== 'none') tone = change > 0 === (def.better === 'up') ? 'good' : 'bad';
  }
  return (
    <div
      className={`kpi${props.stale ? ' stale' : ''}`}
      data-testid={`kpi-${def.metric}`}
      data-value={value ?? ''}
    >
      <div className="kpi-label">{def.label}</div>
      {props.loading ? (
        <div className="skeleton kpi-skeleton" role="progressbar" aria-label="Loading" />
      ) : (
        <div className="kpi-value">{formatValue(value, def.unit)}</div>
      )}
      {change === undefined || props.loading ? null : (
        <div className={`kpi-change ${tone}`} title="Change against the previous period of the same length">
          <span aria-hidden="true">{arrow}</span>{' '}
          {change === null ? 'no prior data' : `${Math.abs(change).toFixed(1)}% vs previous`}
          <span className="visually-hidden">
            {change === null ? '' : change > 0 ? ' increase' : change < 0 ? ' decrease' : ' unchanged'}
          </span>
        </div>
      )}
      {props.loading ? null : <UnpricedNote count={props.unpriced} />}
    </div>
  );
}
