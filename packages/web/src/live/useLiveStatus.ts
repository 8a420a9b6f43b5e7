// Owns reading the live connection's state: `live` while the stream is open, `polling` while it is down.
import { useContext, useEffect, useState } from 'react';
import type { LiveStatus } from './LiveConnection';
import { LiveContext } from './LiveProvider';

export function useLiveStatus(): LiveStatus {
  const connection = useContext(LiveContext);
  const [status, setStatus] = useState<LiveStatus>(connection?.status ?? 'connecting');
  useEffect(() => {
    if (!connection) return;
    setStatus(connection.status);
    return connection.onStatus(setStatus);
  }, [connection]);
  return status;
}
