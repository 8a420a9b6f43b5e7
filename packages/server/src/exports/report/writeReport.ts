// Owns writing a report file of either format (`report`: HTML, `pdf`) under a temporary name beside the target
// and renaming it when complete, like every other export file: a crash never leaves half a report downloadable.
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { partialPath } from '../writers/writeExport.ts';
import { renderReportHtml } from './renderReportHtml.ts';
import { renderReportPdf } from './renderReportPdf.ts';
import type { ReportData } from './reportData.ts';

export type ReportFormat = 'report' | 'pdf';

export const REPORT_FILE_TYPES: Record<ReportFormat, { extension: string; contentType: string }> = {
  report: { extension: 'html', contentType: 'text/html; charset=utf-8' },
  pdf: { extension: 'pdf', contentType: 'application/pdf' },
};

export async function writeReport(
  format: ReportFormat,
  data: ReportData,
  path: string,
): Promise<{ path: string; bytes: number; pages: number | null }> {
  if (format === 'pdf') {
    const { bytes, pages } = await renderReportPdf(data, path);
    return { path, bytes, pages };
  }
  const tmp = partialPath(path);
  try {
    await writeFile(tmp, renderReportHtml(data), 'utf8');
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return { path, bytes: (await stat(path)).size, pages: null };
}
