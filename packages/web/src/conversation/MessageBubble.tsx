// Owns one message of a conversation thread: a bubble by role; an assistant's carries its model, latency,
// tokens, cost, evaluations and a link to the trace it came from.
import type { ConversationMessage } from '../api/types';
import { Link } from '../router/Link';
import { formatValue } from '../ui/format';
import { formatDuration } from '../ui/formatDuration';
import { formatTime } from '../ui/formatTime';

const traceHref = (m: ConversationMessage) =>
  `/traces/${encodeURIComponent(m.trace_id ?? '')}${m.span_id ? `?span=${encodeURIComponent(m.span_id)}` : ''}`;

export function MessageBubble({
  message: m,
  highlighted,
}: {
  message: ConversationMessage;
  highlighted: boolean;
}) {
  const role = ['user', 'assistant', 'system', 'tool'].includes(m.role) ? m.role : 'other';
  const facts: string[] = [];
  if (m.model_id) facts.push(m.model_id);
  if (m.latency_ms !== null) facts.push(formatDuration(m.latency_ms));
  if (m.input_tokens !== null || m.output_tokens !== null) {
    facts.push(`${m.input_tokens ?? '—'} in / ${m.output_tokens ?? '—'} out tokens`);
  }
  if (m.cost_usd !== null) facts.push(formatValue(m.cost_usd, 'usd'));
  return (
    <li
      id={`message-${m.id}`}
      className={`bubble bubble-${role}${highlighted ? ' highlighted' : ''}${m.error_type ? ' error' : ''}`}
      data-message-id={m.id}
      data-role={m.role}
    >
      <div className="bubble-head">
        <strong>{m.role}</strong>
        <span className="muted" title={m.created_at}>
          {formatTime(m.created_at)}
        </span>
      </div>
      <div className="bubble-content">{m.content ?? <span className="muted">(no content)</span>}</div>
      {m.error_type ? <p className="bubble-error">Error: {m.error_type}</p> : null}
      {facts.length || m.evaluations.length || m.trace_id ? (
        <div className="bubble-meta">
          {facts.length ? <span data-testid="message-facts">{facts.join(' · ')}</span> : null}
          {m.evaluations.map((e) => (
            <span key={e.id} className="evaluation" data-testid="evaluation">
              {e.rating !== null ? `rated ${e.rating}` : 'evaluated'}
              {e.success === true ? ' · success' : e.success === false ? ' · failure' : ''}
              {e.failure_tags.length ? ` · ${e.failure_tags.join(', ')}` : ''}
              {e.evaluator_id ? <span className="muted"> by {e.evaluator_id}</span> : null}
            </span>
          ))}
          {m.trace_id ? (
            <Link href={traceHref(m)} className="trace-link">
              View trace
            </Link>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
