// Owns the condition part of the rule form: threshold (metric, filters, slice, comparator, threshold, window)
// or anomaly (metric or any, sensitivity, slice), and how long it must hold.
import type { AlertComparator, AnomalySensitivity } from '@llm-analytics/core';
import { FieldError } from '../experiments/FieldError';
import { useDimensionValues } from '../filters/useDimensionValues';
import { ANOMALY_METRICS, THRESHOLD_METRICS } from './alertMetrics';
import { COMPARATOR_SIGNS } from './conditionSummary';
import type { DraftFieldsProps } from './DraftFieldsProps';
import type { SliceDimension } from './ruleDraft';

function SliceValue({
  dimension,
  value,
  onChange,
}: {
  dimension: 'model' | 'provider';
  value: string;
  onChange(v: string): void;
}) {
  const values = useDimensionValues(dimension);
  return (
    <label>
      {dimension === 'model' ? 'Model' : 'Provider'}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Each {dimension} separately</option>
        {[...new Set([...values, ...(value ? [value] : [])])].map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ConditionFields({ draft: d, set, errors, errorId }: DraftFieldsProps) {
  const invalid = (f: string) => (errors[f] ? true : undefined);
  const describe = (f: string) => (errors[f] ? errorId(f) : undefined);
  const metrics = d.type === 'threshold' ? THRESHOLD_METRICS : ANOMALY_METRICS;
  const unit = THRESHOLD_METRICS.find((m) => m.metric === d.metric)?.unit;
  return (
    <>
      <fieldset className="segmented" aria-label="Condition type">
        {(['threshold', 'anomaly'] as const).map((t) => (
          <button
            key={t}
            type="button"
            aria-pressed={d.type === t}
            onClick={() =>
              set({
                type: t,
                // "Any watched metric" exists only for anomaly rules; a threshold needs one.
                metric: t === 'threshold' && !d.metric ? 'error_rate' : d.metric,
              })
            }
          >
            {t === 'threshold' ? 'Threshold' : 'Anomaly'}
          </button>
        ))}
      </fieldset>
      <div className="form-row">
        <label>
          Metric
          <select
            value={d.metric}
            onChange={(e) => set({ metric: e.target.value })}
            aria-invalid={invalid('condition.metric')}
            aria-describedby={describe('condition.metric')}
          >
            {d.type === 'anomaly' ? <option value="">Any watched metric</option> : null}
            {metrics.map((m) => (
              <option key={m.metric} value={m.metric} title={m.description}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Slice
          <select
            value={d.sliceDimension}
            onChange={(e) => set({ sliceDimension: e.target.value as SliceDimension, sliceValue: '' })}
          >
            <option value="overall">All traffic</option>
            <option value="model">By model</option>
            <option value="provider">By provider</option>
          </select>
        </label>
        {d.sliceDimension !== 'overall' ? (
          <SliceValue
            dimension={d.sliceDimension}
            value={d.sliceValue}
            onChange={(v) => set({ sliceValue: v })}
          />
        ) : null}
      </div>
      <FieldError id={errorId('condition.metric')} messages={errors['condition.metric']} />
      <FieldError id={errorId('condition.slice')} messages={errors['condition.slice']} />
      {d.type === 'threshold' ? (
        <>
          <div className="form-row">
            <label>
              Comparator
              <select
                value={d.comparator}
                onChange={(e) => set({ comparator: e.target.value as AlertComparator })}
              >
                {Object.entries(COMPARATOR_SIGNS).map(([c, sign]) => (
                  <option key={c} value={c}>
                    {sign}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Threshold{unit === 'percent' ? ' (%)' : unit === 'ms' ? ' (ms)' : unit === 'usd' ? ' ($)' : ''}
              <input
                type="number"
                step="any"
                className="short"
                value={d.threshold}
                onChange={(e) => set({ threshold: e.target.value })}
                aria-invalid={invalid('condition.threshold')}
                aria-describedby={describe('condition.threshold')}
              />
            </label>
            <label>
              Window (minutes)
              <input
                type="number"
                min="1"
                className="short"
                value={d.windowMinutes}
                onChange={(e) => set({ windowMinutes: e.target.value })}
                aria-invalid={invalid('condition.window_minutes')}
                aria-describedby={describe('condition.window_minutes')}
              />
            </label>
          </div>
          <FieldError id={errorId('condition.threshold')} messages={errors['condition.threshold']} />
          <FieldError
            id={errorId('condition.window_minutes')}
            messages={errors['condition.window_minutes']}
          />
          <label className="block">
            Filters (an AnalyticsQuery filter tree as JSON, optional)
            <textarea
              rows={2}
              value={d.filter}
              placeholder='["eq", "widget", true]'
              onChange={(e) => set({ filter: e.target.value })}
              aria-invalid={invalid('condition.filters')}
              aria-describedby={describe('condition.filters')}
            />
          </label>
          <FieldError id={errorId('condition.filters')} messages={errors['condition.filters']} />
        </>
      ) : (
        <label>
          Sensitivity
          <select
            value={d.sensitivity}
            onChange={(e) => set({ sensitivity: e.target.value as AnomalySensitivity })}
          >
            <option value="low">Low (only the clearest)</option>
            <option value="medium">Medium</option>
            <option value="high">High (more, smaller anomalies)</option>
          </select>
        </label>
      )}
      <label>
        For (minutes the condition must hold before firing)
        <input
          type="number"
          min="0"
          className="short"
          value={d.forMinutes}
          onChange={(e) => set({ forMinutes: e.target.value })}
          aria-invalid={invalid('condition.for_minutes')}
          aria-describedby={describe('condition.for_minutes')}
        />
      </label>
      <FieldError id={errorId('condition.for_minutes')} messages={errors['condition.for_minutes']} />
    </>
  );
}
