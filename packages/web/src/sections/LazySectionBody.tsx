// Owns the code-split entry of a section's chart grid (loaded on first open, or preloaded by the dashboard).

import { lazyComponent } from '../ui/lazyComponent';
import type { SectionId } from '../widgets/WidgetDef';

const SectionSkeleton = () => (
  <div className="chart-grid skeleton section-skeleton" role="progressbar" aria-label="Loading" />
);

export const LazySectionBody = lazyComponent<{ sectionId: SectionId }>(
  () => import('./SectionBody').then((m) => m.SectionBody),
  SectionSkeleton,
);
