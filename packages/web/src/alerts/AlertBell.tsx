// Owns the header's bell: the number of firing rules and a dropdown listing them, linking to /alerts; re-read on
// `alert` events. It stays off the registry (no metric labels): it is in the first bundle.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLiveEvent, useLiveStatus } from '../live';
import { Link } from '../router/Link';
import { useCoalesced } from '../ui/useCoalesced';
import { RULES_KEY, useAlertRules } from './useAlertRules';

/** While the live stream is down (or not up yet), the bell re-reads the rules this often. */
const POLL_MS = 60_000;

export function AlertBell() {
  const live = useLiveStatus() === 'live';
  const rules = useAlertRules(live ? false : POLL_MS);
  const qc = useQueryClient();
  const reread = useCoalesced(() => void qc.invalidateQueries({ queryKey: RULES_KEY }));
  useLiveEvent('alert', reread);
  useLiveEvent('reset', reread);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: Event) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', away);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  const firing = (rules.data?.rules ?? []).filter((r) => r.state === 'firing');
  return (
    <div className="bell" ref={ref} data-testid="alert-bell" data-firing={firing.length}>
      <button
        type="button"
        aria-expanded={open}
        aria-haspopup="true"
        aria-label={`Alerts: ${firing.length} firing`}
        onClick={() => setOpen((o) => !o)}
      >
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="currentColor">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
        </svg>
        {firing.length > 0 ? <span className="bell-count">{firing.length}</span> : null}
      </button>
      {open ? (
        <section className="bell-menu" aria-label="Firing alerts">
          {rules.isError ? (
            <p>Could not load the alerts: {rules.error.message}</p>
          ) : firing.length === 0 ? (
            <p className="muted">No rule is firing.</p>
          ) : (
            <ul>
              {firing.map((r) => (
                <li key={r.id} data-rule={r.name}>
                  <strong>{r.name}</strong>
                  <div className="muted">
                    {r.slices
                      .filter((s) => s.state === 'firing')
                      .map((s) => `${s.slice_key} since ${new Date(s.since).toLocaleString()}`)
                      .join(' · ')}
                  </div>
                </li>
              ))}
            </ul>
          )}
          <Link href="/alerts" onClick={() => setOpen(false)}>
            All alert rules
          </Link>
        </section>
      ) : null}
    </div>
  );
}
