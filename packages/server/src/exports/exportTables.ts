// Owns turning a validated export request into the tables to write: one table for overview, timeseries,
// model_comparison and query (built from AnalyticsQuery replies), the four raw tables for complete.
import type { DateRange, ExportRequest, ExportTable, ExportValue } from '@llm-analytics/core';
import { completeTables } from './content/completeTables.ts';
import { modelComparisonTable } from './content/modelComparisonTable.ts';
import { overviewTable } from './content/overviewTable.ts';
import { queryTable } from './content/queryTable.ts';
import { timeseriesTable } from './content/timeseriesTable.ts';
import type { ExportDeps, ExportScope, TableSource } from './ExportScope.ts';

/** An in-memory table as a source of one chunk. */
export function tableSource(table: ExportTable): TableSource {
  return {
    name: table.name,
    columns: table.columns,
    total: table.rows.length,
    async *chunks(): AsyncIterable<ExportValue[][]> {
      if (table.rows.length) yield table.rows;
    },
  };
}

/** The request's scope (not for `query` exports, whose query carries its own range and filters). */
export function exportScope(workspaceId: string, r: ExportRequest, now: Date): ExportScope {
  const dateRange = { from: r.startDate, to: r.endDate } as DateRange;
  return {
    workspaceId,
    dateRange,
    now,
    ...(r.filters ? { filters: r.filters } : {}),
    ...(r.includedMetrics ? { includedMetrics: r.includedMetrics } : {}),
    ...(r.granularity ? { granularity: r.granularity } : {}),
  };
}

/**
 * The tables of a `csv`/`json`/`jsonl`/`parquet` export. Query errors (an unknown metric for a dimension, a
 * bad filter) surface as core's QueryError before anything is written.
 */
export async function exportTables(
  deps: ExportDeps,
  workspaceId: string,
  r: ExportRequest,
  now: Date,
): Promise<TableSource[]> {
  if (r.exportType === 'query') {
    if (!r.query) throw new Error('a query export needs its query (the request schema requires it)');
    return [tableSource((await queryTable(deps, workspaceId, r.query, now)).table)];
  }
  const scope = exportScope(workspaceId, r, now);
  switch (r.exportType) {
    case 'overview':
      return [tableSource((await overviewTable(deps, scope)).table)];
    case 'timeseries':
      return [tableSource((await timeseriesTable(deps, scope)).table)];
    case 'model_comparison':
      return [tableSource((await modelComparisonTable(deps, scope)).table)];
    case 'complete':
      return completeTables(deps, scope);
  }
}

/** A download's file name: what, which range, and the file type (`llm-analytics-overview-2025-06-01_2025-06-15.csv`). */
export function exportFileName(r: ExportRequest, extension: string): string {
  const day = (s: string | undefined) => (s ?? '').slice(0, 10).replace(/[^0-9-]/g, '');
  const range = r.exportType === 'query' ? '' : `-${day(r.startDate)}_${day(r.endDate)}`;
  return `llm-analytics-${r.exportType.replace('_', '-')}${range}.${extension}`;
}
