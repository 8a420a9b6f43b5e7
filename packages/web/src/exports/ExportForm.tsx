// Owns the export form's fields (format, contents, metrics, bucket, range, filters), each with the server's error
// for it.
import type { ExportFormat, Filter, Granularity } from '@llm-analytics/core';
import type { FormEvent } from 'react';
import { CheckboxGroup } from '../ui/CheckboxGroup';
import { Notice } from '../ui/Notice';
import { describeFilter } from './describeFilter';
import {
  FORMAT_LABELS,
  formatHolds,
  GRANULARITY_LABELS,
  METRIC_LABELS,
  METRICS_OF,
  type ModalType,
  TYPE_LABELS,
} from './exportChoices';
import type { ExportDraft } from './exportDraft';
import { FieldError } from './FieldError';
import type { PlacedErrors } from './fieldIssues';

/** The request fields the form shows, so a 400's issue for one of them is shown at it. */
export const FORM_FIELDS = [
  'format',
  'exportType',
  'includedMetrics',
  'granularity',
  'startDate',
  'endDate',
  'filters',
] as const;

const keys = <K extends string>(r: Record<K, string>) => Object.keys(r) as K[];

export function ExportForm(props: {
  draft: ExportDraft;
  /** The dashboard's filter tree: the draft applies it or not. */
  dashboardFilters: Filter | undefined;
  errors: PlacedErrors;
  busy: boolean;
  onChange(patch: Partial<ExportDraft>): void;
  onSubmit(): void;
}) {
  const { draft: d, errors, onChange } = props;
  const metrics = METRICS_OF[d.exportType];
  const err = (field: string) => errors.fields[field];
  const described = (field: string) => (err(field) ? `${field}-error` : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };
  return (
    <form className="export-form" onSubmit={submit} aria-label="Export settings" noValidate>
      {errors.general ? (
        <Notice kind="error" title={errors.quota ? 'Export quota reached' : 'Could not start the export'}>
          {errors.general}
        </Notice>
      ) : null}
      <div className="export-row">
        <label>
          Format
          <select
            name="format"
            value={d.format}
            aria-describedby={described('format')}
            onChange={(e) => onChange({ format: e.target.value as ExportFormat })}
          >
            {keys(FORMAT_LABELS).map((f) => (
              <option key={f} value={f} disabled={!formatHolds(f, d.exportType)}>
                {FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
          <FieldError id="format-error" message={err('format')} />
        </label>
        <label>
          Contents
          <select
            name="exportType"
            value={d.exportType}
            aria-describedby={described('exportType')}
            onChange={(e) => {
              const t = e.target.value as ModalType;
              onChange({ exportType: t, includedMetrics: [...METRICS_OF[t]] });
            }}
          >
            {keys(TYPE_LABELS).map((t) => (
              <option key={t} value={t} disabled={!formatHolds(d.format, t)}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
          <FieldError id="exportType-error" message={err('exportType')} />
        </label>
      </div>
      <div className="export-row">
        <label>
          From
          <input
            type="date"
            name="startDate"
            value={d.startDate}
            aria-describedby={described('startDate')}
            onChange={(e) => onChange({ startDate: e.target.value })}
          />
          <FieldError id="startDate-error" message={err('startDate')} />
        </label>
        <label>
          To (included)
          <input
            type="date"
            name="endDate"
            value={d.endDate}
            aria-describedby={described('endDate')}
            onChange={(e) => onChange({ endDate: e.target.value })}
          />
          <FieldError id="endDate-error" message={err('endDate')} />
        </label>
        {d.exportType === 'timeseries' ? (
          <label>
            Time bucket
            <select
              name="granularity"
              value={d.granularity}
              aria-describedby={described('granularity')}
              onChange={(e) => onChange({ granularity: e.target.value as Granularity })}
            >
              {keys(GRANULARITY_LABELS).map((g) => (
                <option key={g} value={g}>
                  {GRANULARITY_LABELS[g]}
                </option>
              ))}
            </select>
            <FieldError id="granularity-error" message={err('granularity')} />
          </label>
        ) : null}
      </div>
      {metrics.length > 0 ? (
        <div className="export-metrics">
          <CheckboxGroup
            legend="Metrics"
            name="includedMetrics"
            options={metrics.map((m) => ({
              value: m,
              label: METRIC_LABELS[m as keyof typeof METRIC_LABELS] ?? m,
            }))}
            selected={d.includedMetrics}
            onChange={(v) => onChange({ includedMetrics: metrics.filter((m) => v.includes(m)) })}
          />
          <FieldError id="includedMetrics-error" message={err('includedMetrics')} />
        </div>
      ) : (
        <p className="muted">Raw conversations, messages, evaluations and tool calls: one file per table.</p>
      )}
      <div className="export-filters" data-testid="export-filters">
        {props.dashboardFilters ? (
          <label className="check">
            <input
              type="checkbox"
              name="filters"
              checked={d.filters !== undefined}
              onChange={(e) => onChange({ filters: e.target.checked ? props.dashboardFilters : undefined })}
            />
            Only what the dashboard's filters keep: <code>{describeFilter(props.dashboardFilters)}</code>
          </label>
        ) : (
          <p className="muted">No filters: everything in the range.</p>
        )}
        <FieldError id="filters-error" message={err('filters')} />
      </div>
      <button type="submit" className="primary" disabled={props.busy}>
        {props.busy ? 'Starting…' : 'Export'}
      </button>
    </form>
  );
}
