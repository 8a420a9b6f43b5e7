// Owns the trace list's filter controls: range and status apply at once; the text fields on Enter or Apply.
import { type FormEvent, useState } from 'react';
import { useDimensionValues } from '../filters/useDimensionValues';
import { TraceRangeControl } from './TraceRangeControl';
import { activeTraceFilters, NO_TRACE_FILTERS, TRACE_STATUSES, type TraceFilters } from './traceFilters';

type TextField = 'model' | 'service' | 'conversation';

export function TraceFilterBar({
  filters,
  onChange,
}: {
  filters: TraceFilters;
  onChange: (patch: Partial<TraceFilters>) => void;
}) {
  // The text fields are drafts until applied: one request per search, not per keystroke. A new URL (back
  // button, a link) resets them to what it says.
  const applied = { model: filters.model, service: filters.service, conversation: filters.conversation };
  const [draft, setDraft] = useState({ key: JSON.stringify(applied), ...applied });
  const current =
    draft.key === JSON.stringify(applied) ? draft : { key: JSON.stringify(applied), ...applied };
  const models = useDimensionValues('model');
  const set = (field: TextField, value: string) => setDraft({ ...current, [field]: value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({
      model: current.model.trim(),
      service: current.service.trim(),
      conversation: current.conversation.trim(),
    });
  };
  const text = (field: TextField, label: string, list?: string) => (
    <label>
      {label}
      <input
        type="search"
        name={field}
        value={current[field]}
        list={list}
        onChange={(e) => set(field, e.target.value)}
      />
    </label>
  );
  return (
    <form className="trace-filters" aria-label="Trace filters" onSubmit={submit}>
      <TraceRangeControl filters={filters} onChange={onChange} />
      <label>
        Status
        <select
          name="status"
          value={filters.status}
          onChange={(e) => onChange({ status: e.target.value as TraceFilters['status'] })}
        >
          <option value="">any</option>
          {TRACE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      {text('model', 'Model', 'trace-models')}
      <datalist id="trace-models">
        {models.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
      {text('service', 'Service')}
      {text('conversation', 'Conversation id')}
      <button type="submit">Apply</button>
      {activeTraceFilters(filters) > 0 ? (
        <button type="button" className="link" onClick={() => onChange(NO_TRACE_FILTERS)}>
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
