// Owns editing the price book and SLA threshold as a form, with per-part reset buttons.
import { type FormEvent, useState } from 'react';
import type { Price, Settings } from '../api/types';
import { Notice } from '../ui/Notice';
import { PriceInputs } from './PriceInputs';
import { PriceOverrides } from './PriceOverrides';

const DEFAULT_SLA = 2000;

export function SettingsForm(props: {
  initial: Settings;
  saving: boolean;
  error: string | null;
  saved: boolean;
  onSave(s: Settings): void;
}) {
  const [sla, setSla] = useState(props.initial.sla_threshold_ms);
  const [def, setDef] = useState<Price | null>(props.initial.price_book.default ?? null);
  const [providers, setProviders] = useState(props.initial.price_book.providers ?? {});
  const [models, setModels] = useState(props.initial.price_book.models ?? {});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSave({ sla_threshold_ms: sla, price_book: { default: def, providers, models } });
  };
  return (
    <form className="settings" onSubmit={submit} aria-label="Workspace settings">
      <fieldset>
        <legend>SLA</legend>
        <label>
          Latency threshold (ms)
          <input
            type="number"
            name="sla_threshold_ms"
            min={1}
            step={1}
            required
            value={sla}
            onChange={(e) => setSla(Number(e.target.value))}
          />
        </label>
        <button type="button" className="link" onClick={() => setSla(DEFAULT_SLA)}>
          Reset to {DEFAULT_SLA} ms
        </button>
      </fieldset>
      <fieldset>
        <legend>Default price (USD per 1K tokens)</legend>
        <p className="muted">Used for messages no model, provider or catalog price covers.</p>
        {def ? (
          <>
            <PriceInputs name="default" price={def} onChange={setDef} />
            <button type="button" className="link" onClick={() => setDef(null)}>
              Remove default price
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setDef({ input_per_1k: 0, output_per_1k: 0 })}>
            Set a default price
          </button>
        )}
      </fieldset>
      <PriceOverrides
        legend="Provider overrides"
        keyLabel="Provider"
        prices={providers}
        onChange={setProviders}
      />
      <PriceOverrides legend="Model overrides" keyLabel="Model id" prices={models} onChange={setModels} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={props.saving}>
          {props.saving ? 'Saving…' : 'Save settings'}
        </button>
        <button
          type="button"
          className="link"
          onClick={() => {
            setDef(null);
            setProviders({});
            setModels({});
          }}
        >
          Reset all prices
        </button>
        {props.saved && !props.saving ? <span role="status">Saved.</span> : null}
      </div>
      {props.error ? (
        <Notice kind="error" title="Saving failed">
          {props.error}
        </Notice>
      ) : null}
    </form>
  );
}
