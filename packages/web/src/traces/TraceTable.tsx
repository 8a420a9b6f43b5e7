// Owns the trace list's table: one row per trace, its root span's name linking to the trace page.
import type { TraceSummary } from '../api/types';
import { Link } from '../router/Link';
import { formatValue } from '../ui/format';
import { formatDuration } from '../ui/formatDuration';
import { formatTime } from '../ui/formatTime';

export function TraceTable({ traces }: { traces: TraceSummary[] }) {
  return (
    <div className="table-wrap">
      <table className="trace-table">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Root span</th>
            <th scope="col">Service</th>
            <th scope="col">Models</th>
            <th scope="col" className="num">
              Duration
            </th>
            <th scope="col" className="num">
              Spans
            </th>
            <th scope="col" className="num">
              Tokens in / out
            </th>
            <th scope="col" className="num">
              Cost
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {traces.map((t) => (
            <tr
              key={t.trace_id}
              data-trace-id={t.trace_id}
              className={t.status === 'error' ? 'error' : undefined}
            >
              <td title={t.start_time}>{formatTime(t.start_time)}</td>
              <td>
                <Link href={`/traces/${encodeURIComponent(t.trace_id)}`} className="trace-link">
                  {t.name ?? <span className="muted">(root span not arrived)</span>}
                </Link>
              </td>
              <td>{t.service_name ?? '—'}</td>
              <td>{t.models.length ? t.models.join(', ') : '—'}</td>
              <td className="num">{formatDuration(t.duration_ms)}</td>
              <td className="num">{t.span_count}</td>
              <td className="num">
                {formatValue(t.input_tokens, 'tokens')} / {formatValue(t.output_tokens, 'tokens')}
              </td>
              <td
                className="num"
                title={t.cost_usd === null ? 'a model of this trace has no price' : undefined}
              >
                {formatValue(t.cost_usd, 'usd')}
              </td>
              <td>
                <span className={`status status-${t.status}`}>
                  {t.status}
                  {t.error_count > 0 ? ` (${t.error_count})` : ''}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
