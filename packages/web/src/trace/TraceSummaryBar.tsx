// Owns the trace page's heading: the root span's name and the trace's sums (duration, spans, tokens, cost).
import type { TraceSummary } from '../api/types';
import { Link } from '../router/Link';
import { formatValue } from '../ui/format';
import { formatDuration } from '../ui/formatDuration';
import { formatTime } from '../ui/formatTime';

export function TraceSummaryBar({ summary }: { summary: TraceSummary }) {
  const facts: [string, string][] = [
    ['Started', formatTime(summary.start_time)],
    ['Duration', formatDuration(summary.duration_ms)],
    ['Spans', String(summary.span_count)],
    ['Errors', String(summary.error_count)],
    [
      'Tokens in / out',
      `${formatValue(summary.input_tokens, 'tokens')} / ${formatValue(summary.output_tokens, 'tokens')}`,
    ],
    ['Cost', formatValue(summary.cost_usd, 'usd')],
  ];
  if (summary.service_name) facts.unshift(['Service', summary.service_name]);
  if (summary.models.length) facts.push(['Models', summary.models.join(', ')]);
  return (
    <section className="trace-summary" aria-label="Trace summary">
      <p className="breadcrumb">
        <Link href="/traces">Traces</Link> / <code>{summary.trace_id}</code>
      </p>
      <h1>
        {summary.name ?? <span className="muted">(root span not arrived)</span>}{' '}
        <span className={`status status-${summary.status}`}>{summary.status}</span>
      </h1>
      <dl className="facts facts-inline">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
        {summary.conversation_id ? (
          <div>
            <dt>Conversation</dt>
            <dd>
              <Link href={`/conversations/${encodeURIComponent(summary.conversation_id)}`}>
                {summary.conversation_id}
              </Link>
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
