// Owns editing one cohort condition: its kind and the fields of that kind (windows, thresholds, values).
import { useState } from 'react';
import type { CohortCondition, Filter } from '../api/types';
import { CONDITION_KINDS, type ConditionKind, newCondition } from './conditionDraft';

const RANGES = [
  { value: 'all', label: 'all time' },
  { value: '7d', label: 'last 7 days' },
  { value: '30d', label: 'last 30 days' },
  { value: '90d', label: 'last 90 days' },
];

function RangeSelect(props: {
  value: CohortCondition['date_range'];
  onChange(v: '7d' | '30d' | '90d' | 'all'): void;
}) {
  const v = typeof props.value === 'string' ? props.value : 'all';
  return (
    <label className="select-field">
      <span>Window</span>
      <select value={v} onChange={(e) => props.onChange(e.target.value as '7d' | '30d' | '90d' | 'all')}>
        {RANGES.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const optionalInt = (s: string) => (s.trim() === '' ? undefined : Math.max(0, Math.floor(Number(s))));

export function ConditionEditor(props: {
  index: number;
  condition: CohortCondition;
  onChange(c: CohortCondition): void;
  onRemove(): void;
}) {
  const c = props.condition;
  const [filterText, setFilterText] = useState(c.kind === 'filter' ? JSON.stringify(c.filter) : '');
  const set = (patch: Partial<CohortCondition>) => props.onChange({ ...c, ...patch } as CohortCondition);
  return (
    <fieldset className="cohort-condition" data-kind={c.kind}>
      <legend>Condition {props.index + 1}</legend>
      <div className="form-row">
        <label className="select-field">
          <span>Users who…</span>
          <select
            aria-label={`Condition ${props.index + 1} kind`}
            value={c.kind}
            onChange={(e) => props.onChange(newCondition(e.target.value as ConditionKind))}
          >
            {CONDITION_KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        {c.kind === 'activity' ? (
          <>
            <label className="select-field">
              <span>Of</span>
              <select
                value={c.metric}
                onChange={(e) => set({ metric: e.target.value as 'conversations' | 'messages' })}
              >
                <option value="conversations">conversations</option>
                <option value="messages">messages</option>
              </select>
            </label>
            <label className="select-field">
              <span>At least</span>
              <input
                type="number"
                min={0}
                aria-label="At least"
                value={c.min ?? ''}
                onChange={(e) => set({ min: optionalInt(e.target.value) })}
              />
            </label>
            <label className="select-field">
              <span>At most</span>
              <input
                type="number"
                min={0}
                aria-label="At most"
                value={c.max ?? ''}
                onChange={(e) => set({ max: optionalInt(e.target.value) })}
              />
            </label>
          </>
        ) : null}
        {c.kind === 'used' ? (
          <>
            <label className="select-field">
              <span>Dimension</span>
              <select
                value={c.dimension}
                onChange={(e) => {
                  const dimension = e.target.value as typeof c.dimension;
                  set({ dimension, values: dimension === 'widget' ? [true] : [] });
                }}
              >
                <option value="widget">widget</option>
                <option value="model">model</option>
                <option value="provider">provider</option>
                <option value="training_method">training method</option>
              </select>
            </label>
            {c.dimension === 'widget' ? null : (
              <label className="select-field">
                <span>Values (comma-separated)</span>
                <input
                  aria-label="Values"
                  value={c.values.join(', ')}
                  onChange={(e) =>
                    set({
                      values: e.target.value
                        .split(',')
                        .map((v) => v.trim())
                        .filter(Boolean),
                    })
                  }
                />
              </label>
            )}
          </>
        ) : null}
        {c.kind === 'rating' ? (
          <label className="select-field">
            <span>Rating at most</span>
            <select value={c.at_most} onChange={(e) => set({ at_most: Number(e.target.value) })}>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {c.kind === 'error' ? (
          <label className="select-field">
            <span>Error type (optional)</span>
            <input
              value={c.error_type ?? ''}
              onChange={(e) => set({ error_type: e.target.value.trim() || undefined })}
            />
          </label>
        ) : null}
        {c.kind === 'first_seen' || c.kind === 'activity' || c.kind === 'used' || c.kind === 'rating' ? (
          <RangeSelect value={c.date_range} onChange={(date_range) => set({ date_range })} />
        ) : null}
        <button type="button" className="link" onClick={props.onRemove}>
          Remove
        </button>
      </div>
      {c.kind === 'filter' ? (
        <label className="block">
          Filter tree (as in the analytics API)
          <textarea
            rows={2}
            value={filterText}
            onChange={(e) => {
              setFilterText(e.target.value);
              try {
                set({ filter: JSON.parse(e.target.value) as Filter });
              } catch {
                // Half-typed JSON: keep the last valid tree until the text parses.
              }
            }}
          />
        </label>
      ) : null}
    </fieldset>
  );
}
