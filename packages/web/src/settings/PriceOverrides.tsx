// Owns a list of per-provider or per-model price overrides: edit, remove, add.
import { useState } from 'react';
import type { Price } from '../api/types';
import { PriceInputs } from './PriceInputs';

export function PriceOverrides(props: {
  legend: string;
  keyLabel: string;
  prices: Record<string, Price>;
  onChange(next: Record<string, Price>): void;
}) {
  const [newKey, setNewKey] = useState('');
  const set = (k: string, p: Price) => props.onChange({ ...props.prices, [k]: p });
  const remove = (k: string) => {
    const { [k]: _, ...rest } = props.prices;
    props.onChange(rest);
  };
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {Object.entries(props.prices).map(([k, p]) => (
        <div key={k} className="override-row">
          <code>{k}</code>
          <PriceInputs name={k} price={p} onChange={(np) => set(k, np)} />
          <button type="button" className="link" onClick={() => remove(k)} aria-label={`Remove ${k}`}>
            Remove
          </button>
        </div>
      ))}
      <div className="override-row">
        <label>
          {props.keyLabel}
          <input value={newKey} onChange={(e) => setNewKey(e.target.value)} />
        </label>
        <button
          type="button"
          disabled={!newKey.trim() || newKey.trim() in props.prices}
          onClick={() => {
            set(newKey.trim(), { input_per_1k: 0, output_per_1k: 0 });
            setNewKey('');
          }}
        >
          Add
        </button>
      </div>
    </fieldset>
  );
}
