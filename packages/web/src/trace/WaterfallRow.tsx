// Owns one waterfall row: the span's name indented by depth (with its subtree toggle) and its bar on the
// trace's time axis. Memoised: selecting a span re-renders two rows, not two thousand.
import { memo } from 'react';
import { formatDuration } from '../ui/formatDuration';
import type { SpanRow } from './spanTree';

const INDENT_PX = 14;
const MAX_INDENT_DEPTH = 24;

export const WaterfallRow = memo(function WaterfallRow({
  row,
  totalMs,
  selected,
  collapsed,
  onSelect,
  onToggle,
}: {
  row: SpanRow;
  totalMs: number;
  selected: boolean;
  collapsed: boolean;
  onSelect: (spanId: string) => void;
  onToggle: (spanId: string) => void;
}) {
  const { span, depth } = row;
  const error = span.status_code === 2;
  const left = (row.offsetMs / totalMs) * 100;
  const width = Math.max((span.duration_ms / totalMs) * 100, 0.15);
  // A bar ending near the right edge gets its label on its left, where there is room.
  const late = left + width > 85;
  const classes = ['wf-row', error ? 'error' : '', span.span_type ?? '', selected ? 'selected' : ''];
  return (
    <li className={classes.filter(Boolean).join(' ')} data-span-id={span.span_id} data-depth={depth}>
      <div className="wf-name" style={{ paddingLeft: Math.min(depth, MAX_INDENT_DEPTH) * INDENT_PX }}>
        {row.childCount > 0 ? (
          <button
            type="button"
            className="wf-toggle"
            aria-expanded={!collapsed}
            aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${span.name}`}
            onClick={() => onToggle(span.span_id)}
          >
            {collapsed ? '▸' : '▾'}
          </button>
        ) : (
          <span className="wf-toggle" aria-hidden="true" />
        )}
        <button
          type="button"
          className="wf-select"
          aria-pressed={selected}
          onClick={() => onSelect(span.span_id)}
        >
          {span.span_type ? (
            <span className={`span-type span-type-${span.span_type}`}>{span.span_type}</span>
          ) : null}
          <span className="wf-label">{span.name}</span>
          <span className="visually-hidden">
            , level {depth + 1}, {formatDuration(span.duration_ms)}
            {error ? ', error' : ''}
          </span>
          {row.orphan ? (
            <span className="orphan-mark" title="its parent span has not arrived">
              orphan
            </span>
          ) : null}
          {collapsed ? <span className="muted"> +{row.childCount}</span> : null}
        </button>
      </div>
      <div className="wf-track" aria-hidden="true">
        <span className="wf-bar" style={{ left: `${left}%`, width: `${width}%` }} />
        <span
          className={late ? 'wf-duration before' : 'wf-duration'}
          style={late ? { right: `${100 - left}%` } : { left: `${left + width}%` }}
        >
          {formatDuration(span.duration_ms)}
        </span>
      </div>
    </li>
  );
});
