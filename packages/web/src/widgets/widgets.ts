// Owns the widget registry: every dashboard widget as data (id, section, title, its AnalyticsQuery, renderer).
import { modelWidgets } from './defs/modelWidgets.ts';
import { operationsWidgets } from './defs/operationsWidgets.ts';
import { performanceCostWidgets } from './defs/performanceCostWidgets.ts';
import { qualityWidgets } from './defs/qualityWidgets.ts';
import type { SectionId, WidgetDef } from './WidgetDef.ts';

export const WIDGETS: WidgetDef[] = [
  ...modelWidgets,
  ...qualityWidgets,
  ...performanceCostWidgets,
  ...operationsWidgets,
];

/** A section's widgets in the order its grid shows (and mounts, hence sends the queries of) them. */
export const widgetsOf = (section: SectionId): WidgetDef[] => WIDGETS.filter((w) => w.section === section);
