// Owns one collapsible dashboard section; its charts load lazily and only while it is open.

import { useDashboard } from '../dashboard/DashboardContext';
import { Collapsible } from '../ui/Collapsible';
import type { SectionDef } from '../widgets/sections';
import { LazySectionBody } from './LazySectionBody';

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
      <LazySectionBody sectionId={section.id} />
    </Collapsible>
  );
}
