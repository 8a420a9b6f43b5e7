// Owns the state of the export just started: progress while it runs, then its download or why it failed.
import { Notice } from '../ui/Notice';
import { DownloadButton } from './DownloadButton';
import { useExportJob } from './useExportJob';

export function ExportJobStatus({ id }: { id: string }) {
  const job = useExportJob(id);
  const info = job.data;
  if (job.isError && !info)
    return (
      <Notice kind="error" title="Could not follow the export">
        {job.error.message}
      </Notice>
    );
  if (!info) return <p className="muted">Starting the export…</p>;
  const pct = Math.round(info.progress * 100);
  return (
    <div className="export-job" data-testid="export-job" data-status={info.status}>
      {info.status === 'queued' || info.status === 'running' ? (
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
    </div>
  );
}
