// Owns the header's small live / polling badge.
import { useLiveStatus } from './useLiveStatus';

const TEXT = { live: 'Live', polling: 'Polling', connecting: 'Connecting…' } as const;
const TITLE = {
  live: 'Updates arrive as data is committed',
  polling: 'The live stream is down: the dashboard re-reads every minute',
  connecting: 'Opening the live stream',
} as const;

export function LiveIndicator() {
  const status = useLiveStatus();
  return (
    <span
      className={`live-status live-${status}`}
      data-testid="live-status"
      data-status={status}
      title={TITLE[status]}
    >
      {TEXT[status]}
    </span>
  );
}
