// Owns the notification timing of the rule form: cooldown, repeat while firing, mute until, enabled.
import { FieldError } from '../experiments/FieldError';
import type { DraftFieldsProps } from './DraftFieldsProps';

const FIELDS = [
  {
    field: 'cooldown_minutes',
    key: 'cooldownMinutes',
    label: 'Cooldown (minutes between notifications)',
    min: 0,
  },
  {
    field: 'repeat_minutes',
    key: 'repeatMinutes',
    label: 'Repeat while firing (minutes; blank: never)',
    min: 1,
  },
] as const;

export function TimingFields({ draft: d, set, errors, errorId }: DraftFieldsProps) {
  return (
    <>
      <div className="form-row">
        {FIELDS.map((f) => (
          <label key={f.field}>
            {f.label}
            <input
              type="number"
              min={f.min}
              className="short"
              value={d[f.key]}
              onChange={(e) => set({ [f.key]: e.target.value })}
              aria-invalid={errors[f.field] ? true : undefined}
              aria-describedby={errors[f.field] ? errorId(f.field) : undefined}
            />
          </label>
        ))}
        <label>
          Mute until
          <input
            type="datetime-local"
            value={d.mutedUntil}
            onChange={(e) => set({ mutedUntil: e.target.value })}
            aria-invalid={errors.muted_until ? true : undefined}
            aria-describedby={errors.muted_until ? errorId('muted_until') : undefined}
          />
        </label>
      </div>
      {FIELDS.map((f) => (
        <FieldError key={f.field} id={errorId(f.field)} messages={errors[f.field]} />
      ))}
      <FieldError id={errorId('muted_until')} messages={errors.muted_until} />
      <label className="check">
        <input type="checkbox" checked={d.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
        Enabled (evaluated every minute and notifies its channels)
      </label>
    </>
  );
}
