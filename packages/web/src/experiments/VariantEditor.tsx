// Owns editing one variant in the experiment form: its name, whether it is the control, its sessions or
// filter, and its planned share, each with the problems found at that field.
import { useId } from 'react';
import type { VariantDraft } from './experimentDraft';
import { FieldError } from './FieldError';
import type { FieldErrors } from './formErrors';
import { SessionPicker } from './SessionPicker';

export function VariantEditor({
  index,
  variant,
  isControl,
  elsewhere,
  errors,
  canRemove,
  onChange,
  onMakeControl,
  onRemove,
}: {
  index: number;
  variant: VariantDraft;
  isControl: boolean;
  elsewhere: Map<string, string>;
  errors: FieldErrors;
  canRemove: boolean;
  onChange(patch: Partial<VariantDraft>): void;
  onMakeControl(): void;
  onRemove(): void;
}) {
  const id = useId();
  const at = (f: string) => `variants[${index}]${f}`;
  const nameErr = errors[at('.name')];
  const selectErr = [...(errors[at('')] ?? []), ...(errors[at('.session_ids')] ?? [])];
  const filterErr = errors[at('.filter')];
  return (
    <div className="variant-editor" data-testid={`variant-${index}`}>
      <div className="variant-head">
        <label>
          Variant name
          <input
            value={variant.name}
            onChange={(e) => onChange({ name: e.target.value })}
            aria-invalid={nameErr ? true : undefined}
            aria-describedby={nameErr ? `${id}-name` : undefined}
          />
        </label>
        <label className="check">
          <input type="radio" name="control" checked={isControl} onChange={onMakeControl} />
          Control
        </label>
        <label>
          Planned share (%)
          <input
            type="number"
            min="0"
            step="any"
            className="short"
            value={variant.split}
            onChange={(e) => onChange({ split: e.target.value })}
          />
        </label>
        <span className="spacer" />
        {canRemove ? (
          <button type="button" className="link" onClick={onRemove}>
            Remove variant
          </button>
        ) : null}
      </div>
      <FieldError id={`${id}-name`} messages={nameErr} />
      <SessionPicker
        variant={variant.name}
        selected={variant.sessionIds}
        elsewhere={elsewhere}
        onChange={(sessionIds) => onChange({ sessionIds })}
        describedBy={selectErr.length ? `${id}-sel` : undefined}
      />
      <FieldError id={`${id}-sel`} messages={selectErr.length ? selectErr : undefined} />
      <details open={variant.filter !== '' || undefined}>
        <summary>Or select by a filter</summary>
        <label className="block">
          Filter tree (JSON, as in an analytics query's <code>filters</code>)
          <textarea
            rows={3}
            value={variant.filter}
            placeholder={'["eq", "model", "gpt-4o"]'}
            onChange={(e) => onChange({ filter: e.target.value })}
            aria-invalid={filterErr ? true : undefined}
            aria-describedby={filterErr ? `${id}-filter` : undefined}
          />
        </label>
        <FieldError id={`${id}-filter`} messages={filterErr} />
      </details>
    </div>
  );
}
