// Owns the dashboard header: time range (presets and custom), comparison, auto-refresh, last update, reset,
// export.
import { ExportButton } from '../exports/ExportButton';
import { LiveIndicator } from '../live';
import type { RangePreset } from '../state/DashboardState';
import { useDashboard } from './DashboardContext';
import { LastUpdated } from './LastUpdated';

const PRESETS: RangePreset[] = ['7d', '30d', '90d', 'all'];
const INTERVALS = [15, 30, 60, 300];

export function HeaderBar() {
  const { state, update, reset } = useDashboard();
  return (
    <section className="header-bar" aria-label="Dashboard controls">
      <h1>Analytics</h1>
      <fieldset className="segmented" aria-label="Time range">
        <legend className="visually-hidden">Time range</legend>
        {[...PRESETS, 'custom' as const].map((r) => (
          <button
            key={r}
            type="button"
            aria-pressed={state.range === r}
            data-range={r}
            onClick={() => update({ range: r })}
          >
            {r === 'all' ? 'All' : r === 'custom' ? 'Custom' : r}
          </button>
        ))}
      </fieldset>
      {state.range === 'custom' ? (
        <span className="custom-range">
          <label>
            From
            <input
              type="date"
              value={state.customFrom}
              max={state.customTo}
              onChange={(e) => e.target.value && update({ customFrom: e.target.value })}
            />
          </label>
          <label>
            To
            <input
              type="date"
              value={state.customTo}
              min={state.customFrom}
              onChange={(e) => e.target.value && update({ customTo: e.target.value })}
            />
          </label>
        </span>
      ) : null}
      <label className="toggle">
        <input
          type="checkbox"
          checked={state.compare}
          disabled={state.range === 'all'}
          onChange={(e) => update({ compare: e.target.checked })}
        />
        Compare to previous period
      </label>
      <label className="toggle">
        <input
          type="checkbox"
          checked={state.autoRefresh}
          onChange={(e) => update({ autoRefresh: e.target.checked })}
        />
        Auto-refresh
      </label>
      <label className="inline-select">
        <span className="visually-hidden">Refresh interval</span>
        <select
          value={state.refreshSeconds}
          disabled={!state.autoRefresh}
          onChange={(e) => update({ refreshSeconds: Number(e.target.value) })}
        >
          {INTERVALS.map((s) => (
            <option key={s} value={s}>
              every {s < 60 ? `${s}s` : `${s / 60} min`}
            </option>
          ))}
        </select>
      </label>
      <LastUpdated />
      <LiveIndicator />
      <button type="button" className="link" onClick={reset}>
        Reset to defaults
      </button>
      <ExportButton />
    </section>
  );
}
