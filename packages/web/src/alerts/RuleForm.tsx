// Owns the create / edit modal of an alert rule: name, condition, live preview, timing and channels, saved in
// one request, with the server's validation problems shown at the field they belong to.
import type { AlertRule, CreateAlertRuleRequest } from '@llm-analytics/core';
import { useId, useRef, useState } from 'react';
import { ApiError } from '../api/api';
import { FieldError } from '../experiments/FieldError';
import { Modal } from '../ui/Modal';
import { useFocusRefusal } from '../ui/useFocusRefusal';
import { ChannelsEditor } from './ChannelsEditor';
import { ConditionFields } from './ConditionFields';
import { RulePreview } from './RulePreview';
import { type RuleDraft, ruleDraft } from './ruleDraft';
import { type FieldErrors, ruleErrors, withoutEdited } from './ruleErrors';
import { TimingFields } from './TimingFields';

export function RuleForm({
  title,
  submitLabel,
  rule,
  onSave,
  onClose,
}: {
  title: string;
  submitLabel: string;
  /** The stored rule being edited; null for a new one. */
  rule: AlertRule | null;
  onSave(body: CreateAlertRuleRequest): Promise<unknown>;
  onClose(): void;
}) {
  const [d, setD] = useState<RuleDraft>(() => (rule ? ruleDraft.from(rule) : ruleDraft.empty()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const refused = useFocusRefusal(formRef);
  const set = (patch: Partial<RuleDraft>) => {
    setD((x) => ({ ...x, ...patch }));
    setErrors((e) => withoutEdited(e, patch));
  };
  const errorId = (field: string) => `${id}-${field.replace(/[^\w-]/g, '_')}`;
  const refuse = (e: FieldErrors, message: string) => {
    setErrors(e);
    setBanner(message);
    refused();
  };
  const submit = async () => {
    const r = ruleDraft.toRequest(d);
    if ('problems' in r) return refuse(ruleErrors([], r.problems), 'Fix the marked fields.');
    setSaving(true);
    try {
      await onSave(r.body);
    } catch (e) {
      const err = e as Error;
      const code = e instanceof ApiError ? ` (${e.code})` : '';
      refuse(ruleErrors(e instanceof ApiError ? e.issues : []), `${err.message}${code}`);
    } finally {
      setSaving(false);
    }
  };
  const fields = { draft: d, set, errors, errorId };
  const general = errors[''];
  return (
    <Modal title={title} onClose={onClose} wide>
      <form
        ref={formRef}
        className="experiment-form rule-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {banner ? (
          <div className="notice notice-error" role="alert" data-testid="rule-form-error">
            <strong>Not saved: {banner}</strong>
            {general ? <div className="notice-body">{general.join('; ')}</div> : null}
          </div>
        ) : null}
        <label className="block">
          Name
          <input
            value={d.name}
            onChange={(e) => set({ name: e.target.value })}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? errorId('name') : undefined}
          />
        </label>
        <FieldError id={errorId('name')} messages={errors.name} />
        <label className="block">
          Description
          <textarea rows={2} value={d.description} onChange={(e) => set({ description: e.target.value })} />
        </label>
        <FieldError id={errorId('description')} messages={errors.description} />
        <h3>Condition</h3>
        <ConditionFields {...fields} />
        <RulePreview draft={d} />
        <h3>Notifications</h3>
        <TimingFields {...fields} />
        <h3>Channels</h3>
        <ChannelsEditor {...fields} saved={rule} />
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
