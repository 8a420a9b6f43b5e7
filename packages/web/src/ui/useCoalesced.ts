// Owns coalescing a burst of calls into one: a scan or an evaluation publishes one live event per anomaly or
// slice, and each would otherwise restart the same re-read.
import { useEffect, useRef } from 'react';

/** A function that runs `fn` once, `ms` after the first of a burst of calls (the latest `fn`). */
export function useCoalesced(fn: () => void, ms = 200): () => void {
  const latest = useRef(fn);
  latest.current = fn;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const call = useRef(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, ms);
  });
  return call.current;
}
