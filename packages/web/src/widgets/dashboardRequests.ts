// Owns the requests one dashboard load sends for a header and filter state: the KPI row's query, then every
// section's widget queries, each batch coalesced as the page's batcher does. bench:query sends exactly these,
// and a browser test checks that a real load of the page sends exactly these.
import type { AnalyticsQuery } from '@llm-analytics/core';
import { coalesceQueries } from './coalesceQueries.ts';
import { KPI_ROW, kpiQuery } from './kpis.ts';
import { SECTIONS } from './sections.ts';
import type { WidgetQueryState } from './WidgetDef.ts';
import { widgetsOf } from './widgets.ts';

export interface DashboardRequest {
  /** The ids of the widgets (or `KPI_ROW`) the request serves. */
  widgets: string[];
  query: AnalyticsQuery;
}

function batch(issued: { id: string; query: AnalyticsQuery }[]): DashboardRequest[] {
  return coalesceQueries(issued.map((w) => w.query)).map((c) => ({
    widgets: c.members.map((i) => issued[i].id),
    query: c.query,
  }));
}

export function dashboardRequests(state: WidgetQueryState): DashboardRequest[] {
  // Two batches, as on a first load of the page: the KPI row renders with the page, the sections' grids once
  // their split-out code has arrived, all in the same tick and in page order. A remount issues both in one tick;
  // a unit test checks that this sends the same requests (no widget shares the KPI query's shape).
  const widgets = SECTIONS.flatMap((s) => widgetsOf(s.id)).flatMap((w) =>
    w.query ? [{ id: w.id, query: w.query(state) }] : [],
  );
  return [...batch([{ id: KPI_ROW, query: kpiQuery(state) }]), ...batch(widgets)];
}
