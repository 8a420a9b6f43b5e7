// Owns a section's chart grid: every registry entry of the section, each in its own card.
import { ChartCard } from '../charts/ChartCard';
import type { SectionId } from '../charts/ChartEntry';
import { CHARTS } from '../charts/registry';

export function SectionBody({ sectionId }: { sectionId: SectionId }) {
  return (
    <div className="chart-grid">
      {CHARTS.filter((c) => c.section === sectionId).map((c) => (
        <ChartCard key={c.id} entry={c} />
      ))}
    </div>
  );
}
