// Owns writing the file of one validated export request: the report (HTML/PDF) or the tables in a file format,
// under a temporary name renamed when complete (the writers' rule), reporting rows written.
import { COMPLETE_TABLES, type ExportRequest } from '@llm-analytics/core';
import type { SettingsService } from '../../settings/SettingsService.ts';
import type { ExportDeps } from '../ExportScope.ts';
import { exportScope, exportTables } from '../exportTables.ts';
import { reportData } from '../report/reportData.ts';
import { REPORT_FILE_TYPES, type ReportFormat, writeReport } from '../report/writeReport.ts';
import { type ExportProgress, exportFileType, type FileFormat, writeExport } from '../writers/writeExport.ts';

export interface ProduceDeps extends ExportDeps {
  settings: SettingsService;
}

const isReport = (f: ExportRequest['format']): f is ReportFormat => f === 'report' || f === 'pdf';

/** The file's extension and media type, known from the request alone (a complete export is a ZIP). */
export function requestFileType(r: ExportRequest): { extension: string; contentType: string } {
  if (isReport(r.format)) return REPORT_FILE_TYPES[r.format];
  const tables = r.exportType === 'complete' ? COMPLETE_TABLES.length : 1;
  return exportFileType(r.format as FileFormat, tables);
}

export async function produceExport(
  deps: ProduceDeps,
  workspace: { id: string; name?: string },
  r: ExportRequest,
  now: Date,
  path: string,
  onProgress: (p: ExportProgress) => void,
): Promise<{ bytes: number; rows: number }> {
  if (isReport(r.format)) {
    // A query export's report covers its query's range and filters.
    const scope =
      r.exportType === 'query' && r.query
        ? {
            workspaceId: workspace.id,
            dateRange: r.query.date_range,
            now,
            ...(r.query.filters ? { filters: r.query.filters } : {}),
          }
        : exportScope(workspace.id, r, now);
    onProgress({ rows: 0, total: 1 });
    const data = await reportData(deps, {
      ...scope,
      ...(workspace.name ? { workspaceName: workspace.name } : {}),
    });
    const out = await writeReport(r.format, data, path);
    onProgress({ rows: 1, total: 1 });
    // A report is a document, not rows: the export lists 0 rows for it.
    return { bytes: out.bytes, rows: 0 };
  }
  const tables = await exportTables(deps, workspace.id, r, now);
  const out = await writeExport({ format: r.format as FileFormat, tables, path, onProgress });
  return { bytes: out.bytes, rows: out.rows };
}
