// Owns choosing a variant's sessions from the data: every `session_id` the workspace has (with a search), the
// ones another variant already holds marked, and ids kept even when they are not in the data (yet).
import { useId, useState } from 'react';
import { useDimensionValues } from '../filters/useDimensionValues';

export function SessionPicker({
  variant,
  selected,
  elsewhere,
  onChange,
  describedBy,
}: {
  variant: string;
  selected: string[];
  /** Session id → the other variant that holds it. */
  elsewhere: Map<string, string>;
  onChange(next: string[]): void;
  describedBy?: string;
}) {
  const inData = useDimensionValues('session');
  const [search, setSearch] = useState('');
  const searchId = useId();
  const all = [...new Set([...selected, ...inData])];
  const shown = all.filter((s) => s.toLowerCase().includes(search.trim().toLowerCase()));
  const toggle = (s: string, on: boolean) =>
    onChange(on ? [...selected, s] : selected.filter((x) => x !== s));
  return (
    <fieldset className="session-picker" aria-describedby={describedBy}>
      <legend>Sessions of {variant || 'this variant'}</legend>
      {all.length > 8 ? (
        <>
          <label htmlFor={searchId} className="visually-hidden">
            Search sessions of {variant}
          </label>
          <input
            id={searchId}
            type="search"
            placeholder="Search sessions"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </>
      ) : null}
      <div className="session-list">
        {all.length === 0 ? <span className="muted">No session ids in the data yet</span> : null}
        {shown.map((s) => (
          <label key={s} className="check">
            <input
              type="checkbox"
              checked={selected.includes(s)}
              onChange={(e) => toggle(s, e.target.checked)}
            />
            {s}
            {elsewhere.has(s) ? <span className="muted"> (in {elsewhere.get(s)})</span> : null}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
