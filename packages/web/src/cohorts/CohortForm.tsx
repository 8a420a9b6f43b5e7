// Owns the create / edit modal of a cohort: name, description, a dynamic definition (conditions matched all or
// any) or a static list of user ids, and the live count of the users it matches as it changes.
import { useState } from 'react';
import type { Cohort, CohortCondition, CohortDefinition, CreateCohortRequest } from '../api/types';
import { Modal } from '../ui/Modal';
import { ConditionEditor } from './ConditionEditor';
import { newCondition } from './conditionDraft';
import { useCohortPreview } from './useCohortPreview';

interface Draft {
  name: string;
  description: string;
  type: 'dynamic' | 'static';
  match: 'all' | 'any';
  conditions: CohortCondition[];
  userIds: string;
}

function draftOf(c: Cohort | undefined): Draft {
  const d = c?.definition;
  return {
    name: c?.name ?? '',
    description: c?.description ?? '',
    type: d?.type ?? 'dynamic',
    match: d?.type === 'dynamic' ? d.match : 'all',
    conditions: d?.type === 'dynamic' ? d.conditions : [newCondition('activity')],
    userIds: d?.type === 'static' ? d.user_ids.join('\n') : '',
  };
}

function definitionOf(d: Draft): CohortDefinition | null {
  if (d.type === 'static') {
    const ids = d.userIds
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    return ids.length ? { type: 'static', user_ids: ids } : null;
  }
  return d.conditions.length ? { type: 'dynamic', match: d.match, conditions: d.conditions } : null;
}

export function CohortForm(props: {
  title: string;
  submitLabel: string;
  cohort?: Cohort;
  onSave(body: CreateCohortRequest): Promise<unknown>;
  onClose(): void;
}) {
  const [d, setD] = useState<Draft>(() => draftOf(props.cohort));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const definition = definitionOf(d);
  const preview = useCohortPreview(definition);
  const submit = async () => {
    if (!definition) return setError('add a condition or a user id');
    setSaving(true);
    setError(null);
    try {
      await props.onSave({
        name: d.name,
        ...(d.description ? { description: d.description } : {}),
        definition,
      });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal title={props.title} onClose={props.onClose} wide>
      <form
        className="cohort-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {error ? (
          <div className="notice notice-error" role="alert">
            <strong>Not saved: {error}</strong>
          </div>
        ) : null}
        <label className="block">
          Name
          <input value={d.name} onChange={(e) => set({ name: e.target.value })} />
        </label>
        <label className="block">
          Description
          <textarea rows={2} value={d.description} onChange={(e) => set({ description: e.target.value })} />
        </label>
        <div className="form-row">
          <label className="select-field">
            <span>Members</span>
            <select value={d.type} onChange={(e) => set({ type: e.target.value as Draft['type'] })}>
              <option value="dynamic">match conditions (recomputed hourly)</option>
              <option value="static">a list of user ids</option>
            </select>
          </label>
          {d.type === 'dynamic' ? (
            <label className="select-field">
              <span>Match</span>
              <select value={d.match} onChange={(e) => set({ match: e.target.value as Draft['match'] })}>
                <option value="all">all conditions</option>
                <option value="any">any condition</option>
              </select>
            </label>
          ) : null}
        </div>
        {d.type === 'dynamic' ? (
          <>
            {d.conditions.map((c, i) => (
              <ConditionEditor
                // Conditions have no id; their place is their identity while editing.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                key={i}
                index={i}
                condition={c}
                onChange={(next) => set({ conditions: d.conditions.map((x, j) => (j === i ? next : x)) })}
                onRemove={() => set({ conditions: d.conditions.filter((_, j) => j !== i) })}
              />
            ))}
            <button
              type="button"
              className="link"
              onClick={() => set({ conditions: [...d.conditions, newCondition('activity')] })}
            >
              Add condition
            </button>
          </>
        ) : (
          <>
            <label className="block">
              User ids (one per line, or separated by commas)
              <textarea rows={5} value={d.userIds} onChange={(e) => set({ userIds: e.target.value })} />
            </label>
            <label className="block">
              Or upload a file of ids (text or CSV, one per line)
              <input
                type="file"
                accept=".txt,.csv,text/plain,text/csv"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void file.text().then((text) => set({ userIds: text }));
                }}
              />
            </label>
          </>
        )}
        <p className="cohort-live-count" aria-live="polite" data-testid="cohort-live-count">
          {!definition
            ? 'No conditions yet.'
            : preview.isError
              ? `Cannot count: ${preview.error.message}`
              : preview.data
                ? `${preview.data.users.toLocaleString('en-US')} matching users${
                    preview.data.unmatched ? ` (${preview.data.unmatched} ids not in the data)` : ''
                  }${preview.isFetching ? ' …' : ''}`
                : 'Counting…'}
        </p>
        <footer className="modal-actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : props.submitLabel}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
