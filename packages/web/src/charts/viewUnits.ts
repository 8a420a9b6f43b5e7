// Owns which units a chart's view shows, read off its view configuration (so "shows a cost" has one source).
import type { Unit, ViewConfig } from '../widgets/WidgetDef';

export function viewUnits(view: ViewConfig): Unit[] {
  switch (view.kind) {
    case 'table':
    case 'sessions':
      return view.columns.flatMap((c) => (c.unit ? [c.unit] : []));
    case 'bars':
      return view.secondary ? [view.unit, view.secondary.unit] : [view.unit];
    case 'timeseries':
    case 'pivot':
      return [view.unit];
    case 'training':
    case 'judgments':
    case 'benchmarks':
    case 'activity':
    case 'anomalies':
      return [];
  }
}

/** True when the view shows a cost: its replies' unpriced messages must then be visible beside it. */
export const showsCost = (view: ViewConfig): boolean => viewUnits(view).includes('usd');
