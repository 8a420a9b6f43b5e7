// Owns the collapsible panel: a real button with aria-expanded, content unmounted while collapsed.
import type { ReactNode } from 'react';

export function Collapsible(props: {
  id: string;
  title: string;
  subtitle?: string;
  badge?: string;
  collapsed: boolean;
  onToggle(): void;
  testId?: string;
  /** Element id of the panel, for links to it (`#anchor`). */
  anchor?: string;
  children: ReactNode;
}) {
  const bodyId = `${props.id.replace(/\W/g, '-')}-body`;
  return (
    <section className="panel" id={props.anchor} data-testid={props.testId} data-collapsed={props.collapsed}>
      <h2 className="panel-heading">
        <button
          type="button"
          aria-expanded={!props.collapsed}
          aria-controls={bodyId}
          onClick={props.onToggle}
        >
          <span className="chevron" aria-hidden="true">
            {props.collapsed ? '▸' : '▾'}
          </span>
          {props.title}
          {props.badge ? <span className="badge">{props.badge}</span> : null}
        </button>
        {props.subtitle ? <span className="panel-subtitle">{props.subtitle}</span> : null}
      </h2>
      {props.collapsed ? null : (
        <div id={bodyId} className="panel-body">
          {props.children}
        </div>
      )}
    </section>
  );
}
