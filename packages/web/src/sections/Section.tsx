// Owns one collapsible dashboard section; its charts load lazily and only while it is open.
import { lazy, Suspense } from 'react';
import type { SectionDef } from '../charts/sections';
import { useDashboard } from '../dashboard/DashboardContext';
import { Collapsible } from '../ui/Collapsible';

const SectionBody = lazy(() => import('./SectionBody').then((m) => ({ default: m.SectionBody })));

export function Section({ section }: { section: SectionDef }) {
  const { state, toggleCollapsed } = useDashboard();
  const id = `section:${section.id}`;
  return (
    <Collapsible
      id={id}
      title={section.title}
      subtitle={section.description}
      collapsed={state.collapsed[id] === true}
      onToggle={() => toggleCollapsed(id)}
      testId={`section-${section.id}`}
    >
      <Suspense
        fallback={
          <div className="chart-grid skeleton section-skeleton" role="progressbar" aria-label="Loading" />
        }
      >
        <SectionBody sectionId={section.id} />
      </Suspense>
    </Collapsible>
  );
}
