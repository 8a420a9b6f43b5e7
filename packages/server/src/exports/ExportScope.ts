// Owns what every export content builder is given: the workspace, the window, the filter tree, the metrics.
import type { DateRange, ExportColumn, ExportValue, Filter, Granularity } from '@llm-analytics/core';
import type { AnalyticsService } from '../analytics/AnalyticsService.ts';
import type { Store } from '../store/Store.ts';
import type { CopyFormat } from './writers/copySelect.ts';

export interface ExportDeps {
  analytics: AnalyticsService;
  store: Store;
}

export interface ExportScope {
  workspaceId: string;
  /** The request's `{from: startDate, to: endDate}` (a date-only `to` includes that day). */
  dateRange: DateRange;
  filters?: Filter;
  /** Metrics to export; each builder has its default set. */
  includedMetrics?: string[];
  granularity?: Granularity;
  /** "Now" for every query of the export, so its parts agree on relative ranges. */
  now: Date;
}

/**
 * A table an export writer consumes chunk by chunk: in-memory tables are one chunk, raw tables a page per
 * chunk. `total` is the row count when known beforehand (progress); `chunks` may be iterated once.
 */
export interface TableSource {
  name: string;
  columns: ExportColumn[];
  total: number;
  chunks(): AsyncIterable<ExportValue[][]>;
  /**
   * Where the store can write the rows itself (DuckDB's COPY): writes the whole table as `format` to `path`, the
   * same rows and cells the chunks would give, and resolves with the rows written. Writers prefer it.
   */
  copyTo?(path: string, format: CopyFormat): Promise<number>;
}
