// Owns the sequential / fixed switch of the results, with what each mode promises.
import type { ResultMode } from '../api/types';

export function ModeSwitch({ mode, onChange }: { mode: ResultMode; onChange(m: ResultMode): void }) {
  return (
    <fieldset className="mode-switch">
      <legend>Intervals</legend>
      <label className="check">
        <input
          type="radio"
          name="mode"
          checked={mode === 'sequential'}
          onChange={() => onChange('sequential')}
        />
        Sequential (always valid)
      </label>
      <label className="check">
        <input type="radio" name="mode" checked={mode === 'fixed'} onChange={() => onChange('fixed')} />
        Fixed horizon
      </label>
      <p className="muted" data-testid="mode-explanation">
        {mode === 'sequential'
          ? 'Sequential intervals stay valid however often you look, so checking the dashboard every day cannot fool you; the price is wider intervals. The default while an experiment runs.'
          : 'Fixed-horizon intervals are narrower but valid only if you look once, at the planned end. Peeking at them daily and stopping at the first win inflates false positives. The default once concluded.'}
      </p>
    </fieldset>
  );
}
