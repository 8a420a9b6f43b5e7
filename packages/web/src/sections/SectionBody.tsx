// Owns a section's chart grid: every widget declared in the section, each in its own card.
import { ChartCard } from '../charts/ChartCard';
import type { SectionId } from '../widgets/WidgetDef';
import { widgetsOf } from '../widgets/widgets';

export function SectionBody({ sectionId }: { sectionId: SectionId }) {
  return (
    <div className="chart-grid">
      {widgetsOf(sectionId).map((c) => (
        <ChartCard key={c.id} entry={c} />
      ))}
    </div>
  );
}
