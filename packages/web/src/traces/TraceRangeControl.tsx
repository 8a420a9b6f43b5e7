// Owns the trace list's time range: the dashboard's segmented presets, and from/to days for a custom range.
import { TRACE_RANGES, type TraceFilters, type TraceRange } from './traceFilters';

const LABEL: Record<TraceRange, string> = {
  '1h': '1h',
  '24h': '24h',
  '7d': '7d',
  '30d': '30d',
  all: 'All',
  custom: 'Custom',
};
const today = () => new Date().toISOString().slice(0, 10);

export function TraceRangeControl({
  filters,
  onChange,
}: {
  filters: TraceFilters;
  onChange: (patch: Partial<TraceFilters>) => void;
}) {
  const pick = (range: TraceRange) =>
    onChange(
      range === 'custom'
        ? { range, from: filters.from || today(), to: filters.to || today() }
        : { range, from: '', to: '' },
    );
  return (
    <>
      <fieldset className="segmented" aria-label="Time range">
        <legend className="visually-hidden">Time range</legend>
        {TRACE_RANGES.map((r) => (
          <button
            key={r}
            type="button"
            aria-pressed={filters.range === r}
            data-range={r}
            onClick={() => pick(r)}
          >
            {LABEL[r]}
          </button>
        ))}
      </fieldset>
      {filters.range === 'custom' ? (
        <span className="custom-range">
          <label>
            From
            <input
              type="date"
              value={filters.from}
              max={filters.to || undefined}
              onChange={(e) => e.target.value && onChange({ from: e.target.value })}
            />
          </label>
          <label>
            To
            <input
              type="date"
              value={filters.to}
              min={filters.from || undefined}
              onChange={(e) => e.target.value && onChange({ to: e.target.value })}
            />
          </label>
        </span>
      ) : null}
    </>
  );
}
