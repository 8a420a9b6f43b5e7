// Owns the selected span's panel: identity and timing, status, what the GenAI mapping read (model, tokens,
// its conversation and message), input and output, attributes, resource attributes, events and links.
import type { ReactNode } from 'react';
import type { Span } from '../api/types';
import { Link } from '../router/Link';
import { formatDuration } from '../ui/formatDuration';
import { formatTime } from '../ui/formatTime';
import { AttributeTable } from './AttributeTable';
import { SpanEvents } from './SpanEvents';
import { spanIO } from './spanIO';
import { spanKindLabel, spanStatusLabel } from './spanLabels';

const conversationHref = (id: string, messageId?: string | null) =>
  `/conversations/${encodeURIComponent(id)}${messageId ? `#message-${encodeURIComponent(messageId)}` : ''}`;

export function SpanDetail({ span, onClose }: { span: Span; onClose: () => void }) {
  const { input, output } = spanIO(span.attributes);
  const error = span.status_code === 2;
  const facts: [string, ReactNode][] = [
    ['Span id', <code key="id">{span.span_id}</code>],
    ['Parent', span.parent_span_id ? <code key="p">{span.parent_span_id}</code> : 'none (root)'],
    ['Kind', spanKindLabel(span.kind)],
    ['Service', span.service_name ?? '—'],
    ['Scope', span.scope_name ?? '—'],
    [
      'Start',
      <span key="s" title={span.start_time}>
        {formatTime(span.start_time)}
      </span>,
    ],
    ['Duration', formatDuration(span.duration_ms)],
  ];
  if (span.span_type) facts.push(['Type', span.span_type]);
  if (span.model_id) facts.push(['Model', `${span.model_id}${span.provider ? ` (${span.provider})` : ''}`]);
  if (span.input_tokens !== null || span.output_tokens !== null) {
    facts.push(['Tokens in / out', `${span.input_tokens ?? '—'} / ${span.output_tokens ?? '—'}`]);
  }
  if (span.tool_name) facts.push(['Tool', span.tool_name]);
  return (
    <aside
      className="span-detail panel"
      aria-label="Span detail"
      data-testid="span-detail"
      data-span-id={span.span_id}
    >
      <header className="span-detail-head">
        <h2>{span.name}</h2>
        <button type="button" className="link" onClick={onClose}>
          Close
        </button>
      </header>
      <p className={`status status-${spanStatusLabel(span.status_code)}`}>
        {spanStatusLabel(span.status_code)}
        {span.status_message ? `: ${span.status_message}` : ''}
      </p>
      <dl className="facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {span.conversation_id ? (
        <p className="span-links">
          <Link href={conversationHref(span.conversation_id)}>Conversation {span.conversation_id}</Link>
          {span.message_id ? (
            <>
              {' · '}
              <Link href={conversationHref(span.conversation_id, span.message_id)}>
                its message {span.message_id}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      {error && !span.status_message ? (
        <p className="muted">The span reports an error without a message.</p>
      ) : null}
      {input ? (
        <section>
          <h3>
            Input <span className="muted">({input.key})</span>
          </h3>
          <pre className="io" data-testid="span-input">
            {input.text}
          </pre>
        </section>
      ) : null}
      {output ? (
        <section>
          <h3>
            Output <span className="muted">({output.key})</span>
          </h3>
          <pre className="io" data-testid="span-output">
            {output.text}
          </pre>
        </section>
      ) : null}
      <section>
        <h3>Attributes</h3>
        <AttributeTable label="Attributes" attrs={span.attributes} />
      </section>
      <section>
        <h3>Resource</h3>
        <AttributeTable label="Resource attributes" attrs={span.resource_attributes} />
      </section>
      <section>
        <h3>Events</h3>
        <SpanEvents span={span} />
      </section>
      {span.links.length ? (
        <section>
          <h3>Links</h3>
          <ul className="span-events">
            {span.links.map((l) => (
              <li key={`${String(l.trace_id)}:${String(l.span_id)}`}>
                <Link
                  href={`/traces/${encodeURIComponent(String(l.trace_id))}?span=${encodeURIComponent(String(l.span_id))}`}
                >
                  {String(l.trace_id)} / {String(l.span_id)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </aside>
  );
}
