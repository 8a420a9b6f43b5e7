// Owns a span's events: name, time from the span's start, attributes.
import type { Span } from '../api/types';
import { formatDuration } from '../ui/formatDuration';
import { AttributeTable } from './AttributeTable';

export function SpanEvents({ span }: { span: Span }) {
  if (span.events.length === 0) return <p className="muted">No events.</p>;
  const start = Date.parse(span.start_time);
  return (
    <ol className="span-events">
      {span.events.map((e, i) => {
        const time = typeof e.time_ms === 'number' ? e.time_ms : null;
        const attrs =
          e.attributes && typeof e.attributes === 'object' ? (e.attributes as Record<string, unknown>) : {};
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: events have no id and never reorder
          <li key={i}>
            <strong>{String(e.name ?? '(unnamed)')}</strong>
            {time !== null ? <span className="muted"> at +{formatDuration(time - start)}</span> : null}
            <AttributeTable label="Event attributes" attrs={attrs} />
          </li>
        );
      })}
    </ol>
  );
}
