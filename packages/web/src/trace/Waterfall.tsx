// Owns the trace's waterfall: the span tree as indented rows over one time axis, subtrees collapsible, a click
// selects a span. Plain DOM and CSS (no chart per span), so thousands of spans still render quickly.
import { useCallback, useMemo, useState } from 'react';
import { formatDuration } from '../ui/formatDuration';
import type { SpanTree } from './spanTree';
import { WaterfallRow } from './WaterfallRow';

const TICKS = [0, 0.25, 0.5, 0.75, 1];

export function Waterfall({
  tree,
  selected,
  onSelect,
}: {
  tree: SpanTree;
  selected: string | null;
  onSelect: (spanId: string) => void;
}) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback(
    (id: string) =>
      setCollapsed((c) => {
        const next = new Set(c);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const visible = useMemo(() => {
    if (collapsed.size === 0) return tree.rows;
    const out = [];
    let hideDeeperThan = Number.POSITIVE_INFINITY;
    for (const r of tree.rows) {
      if (r.depth > hideDeeperThan) continue;
      hideDeeperThan = collapsed.has(r.span.span_id) ? r.depth : Number.POSITIVE_INFINITY;
      out.push(r);
    }
    return out;
  }, [tree.rows, collapsed]);
  return (
    <div className="waterfall" data-testid="waterfall">
      <div className="wf-axis" aria-hidden="true">
        <span className="wf-name">Span</span>
        <span className="wf-track">
          {TICKS.map((t) => (
            <span key={t} className="wf-tick" style={{ left: `${t * 100}%` }}>
              {formatDuration(t * tree.totalMs)}
            </span>
          ))}
        </span>
      </div>
      <ul className="wf-rows" aria-label="Spans">
        {visible.map((r) => (
          <WaterfallRow
            key={r.span.span_id}
            row={r}
            totalMs={tree.totalMs}
            selected={r.span.span_id === selected}
            collapsed={collapsed.has(r.span.span_id)}
            onSelect={onSelect}
            onToggle={toggle}
          />
        ))}
      </ul>
    </div>
  );
}
