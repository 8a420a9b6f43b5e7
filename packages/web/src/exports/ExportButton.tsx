// Owns the header's Export button (shown only to roles with the `export` permission) and its dialog.
import { useState } from 'react';
import { useDashboard } from '../dashboard/DashboardContext';
import { ExportModal } from './ExportModal';
import { canExport } from './exportAccess';

export function ExportButton() {
  const { role } = useDashboard();
  const [open, setOpen] = useState(false);
  if (!canExport(role)) return null;
  return (
    <>
      <button type="button" className="primary" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Export
      </button>
      {open ? <ExportModal onClose={() => setOpen(false)} /> : null}
    </>
  );
}
