// Owns subscribing a component to one type of live event.
import type { AlertStateEvent, AnomalyEvent, DataEvent, JobEvent, LiveEventType } from '@llm-analytics/core';
import { useContext, useEffect, useRef } from 'react';
import { LiveContext } from './LiveProvider';

export interface LiveEventData {
  data: DataEvent;
  anomaly: AnomalyEvent;
  alert: AlertStateEvent;
  job: JobEvent;
  reset: { reason: string };
}

/** Calls `handler` with each event of `type` (the latest handler: no need to memoise it). */
export function useLiveEvent<T extends LiveEventType>(
  type: T,
  handler: (data: LiveEventData[T]) => void,
): void {
  const connection = useContext(LiveContext);
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!connection) return;
    return connection.onEvent((e) => {
      if (e.type === type) latest.current(e.data as LiveEventData[T]);
    });
  }, [connection, type]);
}
