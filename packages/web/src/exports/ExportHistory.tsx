// Owns the list of the workspace's past exports: what, status, rows, size, who, when, until when, download.
import { formatTime } from '../ui/formatTime';
import { Notice } from '../ui/Notice';
import { DownloadButton } from './DownloadButton';
import { FORMAT_LABELS } from './exportChoices';
import { formatBytes } from './formatBytes';
import { useExportHistory } from './useExportHistory';

export function ExportHistory() {
  const history = useExportHistory();
  if (history.isError && !history.data)
    return (
      <Notice kind="error" title="Could not load past exports">
        {history.error.message}
      </Notice>
    );
  if (!history.data) return <p className="muted">Loading past exports…</p>;
  const { exports, usedBytes, quotaBytes } = history.data;
  return (
    <section className="export-history" aria-label="Past exports">
      <h3>Past exports</h3>
      <p className="muted">
        {formatBytes(usedBytes)} stored{quotaBytes === null ? '' : ` of ${formatBytes(quotaBytes)} allowed`}.
      </p>
      {exports.length === 0 ? (
        <Notice kind="empty" title="No exports yet" />
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th>Export</th>
                <th>Status</th>
                <th>Rows</th>
                <th>Size</th>
                <th>Requested by</th>
                <th>Created</th>
                <th>Expires</th>
              </tr>
            </thead>
            <tbody>
              {exports.map((e) => {
                // The cleanup job deletes files a little after expiry; until then the row is expired already.
                const status =
                  e.status === 'done' && Date.parse(e.expiresAt) <= Date.now() ? 'expired' : e.status;
                return (
                  <tr key={e.id} data-export-id={e.id} data-status={status}>
                    <td>
                      {status === 'done' ? (
                        <DownloadButton
                          downloadUrl={e.downloadUrl}
                          fileName={e.fileName}
                          fileSize={e.fileSize}
                        />
                      ) : (
                        e.fileName
                      )}
                      <div className="muted">
                        {e.exportType} · {FORMAT_LABELS[e.format]}
                      </div>
                    </td>
                    <td title={e.error ?? undefined}>
                      {status === 'queued' || status === 'running'
                        ? `${status} ${Math.round(e.progress * 100)}%`
                        : status}
                    </td>
                    <td className="num">{status === 'done' ? e.rows.toLocaleString('en-US') : '—'}</td>
                    <td className="num">{status === 'done' ? formatBytes(e.fileSize) : '—'}</td>
                    <td>{e.requestedBy}</td>
                    <td>{formatTime(e.createdAt)}</td>
                    <td>
                      {status === 'expired' ? `expired ${formatTime(e.expiresAt)}` : formatTime(e.expiresAt)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
