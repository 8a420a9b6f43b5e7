// Owns the modal's editable draft: prefilled from the dashboard's range and filters, turned into a request.
import type { ExportFormat, ExportRequest, Filter, Granularity } from '@llm-analytics/core';
import { buildFilter } from '../state/buildFilter';
import type { DashboardState } from '../state/DashboardState';
import { METRICS_OF, type ModalType } from './exportChoices';

export interface ExportDraft {
  format: ExportFormat;
  exportType: ModalType;
  /** Date-only bounds (`YYYY-MM-DD`), the end day included. */
  startDate: string;
  endDate: string;
  includedMetrics: string[];
  /** Used by timeseries exports only. */
  granularity: Granularity;
  filters: Filter | undefined;
}

const RELATIVE_DAYS = { '7d': 7, '30d': 30, '90d': 90 } as const;
/** "All time" as a date range: earlier than any stored message. */
const ALL_TIME_START = '2000-01-01';
const day = (t: Date) => t.toISOString().slice(0, 10);

/** The dashboard's range as date bounds: a preset ends today, `all` starts before any data. */
export function draftRange(s: DashboardState, now = new Date()): { startDate: string; endDate: string } {
  if (s.range === 'custom') return { startDate: s.customFrom, endDate: s.customTo };
  const endDate = day(now);
  if (s.range === 'all') return { startDate: ALL_TIME_START, endDate };
  return { startDate: day(new Date(now.getTime() - RELATIVE_DAYS[s.range] * 86_400_000)), endDate };
}

export function initialDraft(s: DashboardState): ExportDraft {
  return {
    format: 'csv',
    exportType: 'overview',
    ...draftRange(s),
    includedMetrics: [...METRICS_OF.overview],
    granularity: 'auto',
    filters: buildFilter(s.filters),
  };
}

export function toRequest(d: ExportDraft): ExportRequest {
  const takesMetrics = METRICS_OF[d.exportType].length > 0;
  return {
    format: d.format,
    exportType: d.exportType,
    startDate: d.startDate,
    endDate: d.endDate,
    // An empty choice is sent as is, so the server's "at least one" lands at the metrics field.
    ...(takesMetrics ? { includedMetrics: d.includedMetrics } : {}),
    ...(d.exportType === 'timeseries' ? { granularity: d.granularity } : {}),
    ...(d.filters ? { filters: d.filters } : {}),
  };
}
