// Owns the create / edit modal of an experiment: every field of the wire shape, saved in one request, with the
// server's validation problems shown at the field they belong to.
import { useId, useRef, useState } from 'react';
import { ApiError } from '../api/api';
import type { ExperimentStatus } from '../api/types';
import { Modal } from '../ui/Modal';
import { useFocusRefusal } from '../ui/useFocusRefusal';
import {
  type ExperimentDraft,
  experimentDraft,
  type RequestBody,
  type VariantDraft,
} from './experimentDraft';
import { EXPERIMENT_METRICS } from './experimentMetrics';
import { FieldError } from './FieldError';
import { type FieldErrors, formErrors } from './formErrors';
import { metricInfo } from './metricInfo';
import { VariantEditor } from './VariantEditor';

const STATUS_LABELS: Record<ExperimentStatus, string> = {
  draft: 'Draft',
  running: 'Running',
  stopped: 'Stopped',
  concluded: 'Concluded',
};

export function ExperimentForm({
  title,
  submitLabel,
  initial,
  statuses,
  onSave,
  onClose,
}: {
  title: string;
  submitLabel: string;
  initial: ExperimentDraft;
  statuses: ExperimentStatus[];
  onSave(body: RequestBody, status: ExperimentStatus): Promise<unknown>;
  onClose(): void;
}) {
  const [d, setD] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const refused = useFocusRefusal(formRef);
  const set = (patch: Partial<ExperimentDraft>) => setD((x) => ({ ...x, ...patch }));
  const setVariant = (i: number, patch: Partial<VariantDraft>) =>
    setD((x) => {
      const variants = x.variants.map((v, k) => (k === i ? { ...v, ...patch } : v));
      // Renaming the control keeps it the control.
      const control = patch.name !== undefined && x.variants[i].name === x.control ? patch.name : x.control;
      return { ...x, variants, control };
    });
  const submit = async () => {
    const r = experimentDraft.toRequest(d);
    if ('problems' in r) {
      setErrors(formErrors([], r.problems));
      setBanner('Fix the marked fields.');
      refused();
      return;
    }
    setSaving(true);
    try {
      await onSave(r.body, d.status);
    } catch (e) {
      const issues = e instanceof ApiError ? e.issues : [];
      setErrors(formErrors(issues));
      setBanner((e as Error).message);
      refused();
    } finally {
      setSaving(false);
    }
  };
  const err = (f: string) => errors[f];
  const described = (f: string) => (errors[f] ? `${id}-${f}` : undefined);
  const unit = metricInfo(d.primaryMetric);
  const general = errors[''];
  return (
    <Modal title={title} onClose={onClose} wide>
      <form
        ref={formRef}
        className="experiment-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {banner ? (
          <div className="notice notice-error" role="alert">
            <strong>Not saved: {banner}</strong>
            {general ? <div className="notice-body">{general.join('; ')}</div> : null}
          </div>
        ) : null}
        <label className="block">
          Name
          <input
            value={d.name}
            onChange={(e) => set({ name: e.target.value })}
            aria-invalid={err('name') ? true : undefined}
            aria-describedby={described('name')}
          />
        </label>
        <FieldError id={`${id}-name`} messages={err('name')} />
        <label className="block">
          Hypothesis
          <textarea
            rows={2}
            value={d.hypothesis}
            placeholder="DPO answers resolve more conversations than SFT"
            onChange={(e) => set({ hypothesis: e.target.value })}
          />
        </label>
        <FieldError id={`${id}-hypothesis`} messages={err('hypothesis')} />
        <div className="form-row">
          <label className="select-field">
            <span id={`${id}-status-l`}>Status</span>
            <select
              aria-labelledby={`${id}-status-l`}
              value={d.status}
              onChange={(e) => set({ status: e.target.value as ExperimentStatus })}
            >
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="select-field">
            <span id={`${id}-unit-l`}>Unit of analysis</span>
            <select
              aria-labelledby={`${id}-unit-l`}
              value={d.unit}
              onChange={(e) => set({ unit: e.target.value as ExperimentDraft['unit'] })}
            >
              <option value="conversation">Conversation</option>
              <option value="user">User</option>
            </select>
          </label>
        </div>
        <FieldError id={`${id}-status`} messages={err('status') ?? err('unit')} />
        <h3>Variants</h3>
        <FieldError
          id={`${id}-variants`}
          messages={[...(err('variants') ?? []), ...(err('control') ?? [])]}
        />
        {d.variants.map((v, i) => (
          <VariantEditor
            key={v.key}
            index={i}
            variant={v}
            isControl={v.name === d.control}
            elsewhere={
              new Map(
                d.variants.flatMap((o, k) => (k === i ? [] : o.sessionIds.map((s) => [s, o.name] as const))),
              )
            }
            errors={errors}
            canRemove={d.variants.length > 2}
            onChange={(patch) => setVariant(i, patch)}
            onMakeControl={() => set({ control: v.name })}
            onRemove={() => set({ variants: d.variants.filter((_, k) => k !== i) })}
          />
        ))}
        <FieldError id={`${id}-planned_split`} messages={err('planned_split')} />
        <button
          type="button"
          onClick={() =>
            set({ variants: [...d.variants, experimentDraft.newVariant(d.variants.length + 1)] })
          }
        >
          Add variant
        </button>
        <h3>Metrics</h3>
        <div className="form-row">
          <label className="select-field">
            <span id={`${id}-pm-l`}>Primary metric</span>
            <select
              aria-labelledby={`${id}-pm-l`}
              value={d.primaryMetric}
              onChange={(e) => set({ primaryMetric: e.target.value })}
              aria-describedby={described('primary_metric')}
            >
              {[
                ...EXPERIMENT_METRICS,
                ...(EXPERIMENT_METRICS.some((m) => m.id === d.primaryMetric) ? [] : [unit]),
              ].map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Minimum effect worth detecting ({unit.scale === 'rate' ? 'points' : unit.unit})
            <input
              type="number"
              step="any"
              min="0"
              className="short"
              value={d.minEffect}
              onChange={(e) => set({ minEffect: e.target.value })}
              aria-invalid={err('min_effect') ? true : undefined}
              aria-describedby={described('min_effect')}
            />
          </label>
        </div>
        <FieldError id={`${id}-primary_metric`} messages={err('primary_metric')} />
        <FieldError id={`${id}-min_effect`} messages={err('min_effect')} />
        <fieldset className="metric-checks">
          <legend>Secondary metrics</legend>
          {EXPERIMENT_METRICS.filter((m) => m.id !== d.primaryMetric).map((m) => (
            <label key={m.id} className="check">
              <input
                type="checkbox"
                checked={d.secondaryMetrics.includes(m.id)}
                onChange={(e) =>
                  set({
                    secondaryMetrics: e.target.checked
                      ? [...d.secondaryMetrics, m.id]
                      : d.secondaryMetrics.filter((x) => x !== m.id),
                  })
                }
              />
              {m.label}
            </label>
          ))}
        </fieldset>
        <FieldError id={`${id}-secondary_metrics`} messages={err('secondary_metrics')} />
        <div className="form-row">
          <label>
            Start
            <input
              type="datetime-local"
              value={d.start}
              onChange={(e) => set({ start: e.target.value })}
              aria-describedby={described('start')}
            />
          </label>
          <label>
            End
            <input
              type="datetime-local"
              value={d.end}
              onChange={(e) => set({ end: e.target.value })}
              aria-describedby={described('end')}
            />
          </label>
        </div>
        <FieldError id={`${id}-start`} messages={err('start')} />
        <FieldError id={`${id}-end`} messages={err('end')} />
        <footer className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : submitLabel}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
