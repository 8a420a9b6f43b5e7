// Owns one anomaly of the feed: severity, metric and slice, when, the band chart, triage buttons, and the click
// that shows its slice and period on the dashboard.
import { type AnomalyRecord, type AnomalyStatus, metricDisplay } from '@llm-analytics/core';
import { formatValue } from '../ui/format';
import { AnomalyBandChart } from './AnomalyBandChart';
import { SeverityBadge } from './SeverityBadge';

const sliceLabel = (a: AnomalyRecord) =>
  a.slice.dimension === 'overall' ? 'all traffic' : `${a.slice.dimension} ${a.slice.value}`;

const when = (a: AnomalyRecord) => {
  const opts: Intl.DateTimeFormatOptions =
    a.granularity === 'hour' ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' };
  const fmt = new Intl.DateTimeFormat(undefined, opts);
  const last = a.granularity === 'hour' ? Date.parse(a.end) - 3_600_000 : Date.parse(a.end) - 86_400_000;
  return a.buckets > 1
    ? `${fmt.format(Date.parse(a.start))} – ${fmt.format(last)}`
    : fmt.format(Date.parse(a.start));
};

export function AnomalyItem({
  anomaly: a,
  canTriage,
  busy,
  onFocus,
  onTriage,
}: {
  anomaly: AnomalyRecord;
  canTriage: boolean;
  busy: boolean;
  onFocus(): void;
  onTriage(status: AnomalyStatus): void;
}) {
  const { label, unit } = metricDisplay(a.metric);
  const f = (v: number) => formatValue(v, unit);
  return (
    <li className="anomaly" data-id={a.id} data-status={a.status} data-metric={a.metric}>
      <div className="anomaly-head">
        <SeverityBadge severity={a.severity} />
        <button
          type="button"
          className="link anomaly-focus"
          onClick={onFocus}
          title="Show this slice and period on the dashboard"
        >
          {label} {a.direction === 'drop' ? 'dropped' : 'spiked'} · {sliceLabel(a)}
        </button>
        {a.status === 'acknowledged' ? (
          <span className="badge" title={a.acknowledged_by ? `by ${a.acknowledged_by}` : undefined}>
            acknowledged
          </span>
        ) : null}
        <span className="spacer" />
        <time className="muted" dateTime={a.start}>
          {when(a)}
        </time>
      </div>
      <p className="anomaly-facts muted">
        Peak {f(a.peak.value)}, expected {f(a.expected.value)} ({f(a.expected.low)} – {f(a.expected.high)})
        {a.sample !== null ? ` · n = ${a.sample.toLocaleString()}` : ''} ·{' '}
        {a.granularity === 'hour' ? 'hourly' : 'daily'}
      </p>
      {a.points.length > 0 ? <AnomalyBandChart metric={a.metric} points={a.points} end={a.end} /> : null}
      {canTriage ? (
        <div className="row-actions">
          {a.status === 'open' ? (
            <button type="button" disabled={busy} onClick={() => onTriage('acknowledged')}>
              Acknowledge
            </button>
          ) : null}
          {a.status !== 'resolved' ? (
            <button type="button" disabled={busy} onClick={() => onTriage('resolved')}>
              Resolve
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => onTriage('open')}>
              Reopen
            </button>
          )}
        </div>
      ) : null}
    </li>
  );
}
