// Owns downloading a finished export from the modal, showing why not when the server refuses (expired: 410).
import { useState } from 'react';
import { ApiError } from '../api/api';
import { downloadExport } from './exportsApi';
import { formatBytes } from './formatBytes';

export function DownloadButton(props: { downloadUrl: string; fileName: string; fileSize: number }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadExport(props.downloadUrl, props.fileName);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 410 ? 'This export has expired.' : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="download">
      <button type="button" className="link" disabled={busy} onClick={() => void download()}>
        Download {props.fileName}
      </button>{' '}
      <span className="muted">({formatBytes(props.fileSize)})</span>
      {error ? (
        <span className="field-error" role="alert">
          {' '}
          {error}
        </span>
      ) : null}
    </span>
  );
}
