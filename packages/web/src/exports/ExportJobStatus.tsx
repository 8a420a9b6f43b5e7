// Owns the state of the export just started: progress while it runs, then its download or why it failed.
import type { ExportReply } from '@llm-analytics/core';
import { Notice } from '../ui/Notice';
import { DownloadButton } from './DownloadButton';
import { isActive, useExportJob } from './useExportJob';

export function ExportJobStatus({ reply }: { reply: ExportReply }) {
  const status0 = reply.status ?? 'done';
  const job = useExportJob(reply.exportId, isActive(status0));
  // The POST's reply until the first poll answers: a queued export shows as queued at once.
  const info = job.data ?? {
    ...reply,
    status: status0,
    progress: status0 === 'done' ? 1 : 0,
    rows: reply.rows ?? 0,
    error: null,
  };
  const pct = Math.round(info.progress * 100);
  return (
    <div className="export-job" data-testid="export-job" data-status={info.status}>
      {isActive(info.status) ? (
        <>
          <p>
            {info.status === 'queued' ? 'Queued' : `Writing ${info.fileName}`} — {pct}%
          </p>
          <progress max={1} value={info.progress} aria-label="Export progress" />
        </>
      ) : null}
      {info.status === 'done' ? (
        <p>
          Ready ({info.rows.toLocaleString('en-US')} rows):{' '}
          <DownloadButton downloadUrl={info.downloadUrl} fileName={info.fileName} fileSize={info.fileSize} />
        </p>
      ) : null}
      {info.status === 'failed' ? (
        <Notice kind="error" title="The export failed">
          {info.error ?? 'no reason given'}
        </Notice>
      ) : null}
      {info.status === 'expired' ? <p className="muted">This export has expired.</p> : null}
      {job.isError ? (
        <Notice kind="error" title="Could not follow the export">
          {job.error.message}
        </Notice>
      ) : null}
    </div>
  );
}
