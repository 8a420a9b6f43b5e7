// Owns one channel of the rule form: its name and URL (webhook, Slack) or recipients (email), the stored
// secret's hint, and the warning of a channel disabled after repeated failures.
import { FieldError } from '../experiments/FieldError';
import type { ChannelDraft } from './ruleDraft';
import type { FieldErrors } from './ruleErrors';

const LABELS = { webhook: 'Webhook', slack: 'Slack', email: 'Email' } as const;

export function ChannelEditor({
  index: i,
  channel: c,
  errors,
  errorId,
  onChange,
  onRemove,
}: {
  index: number;
  channel: ChannelDraft;
  errors: FieldErrors;
  errorId(field: string): string;
  onChange(patch: Partial<ChannelDraft>): void;
  onRemove(): void;
}) {
  const field = c.type === 'email' ? `channels[${i}].to` : `channels[${i}].url`;
  return (
    <div className="channel-editor" data-channel-type={c.type} data-testid={`channel-${i}`}>
      <div className="form-row">
        <strong>{LABELS[c.type]}</strong>
        <label>
          Name
          <input
            value={c.name}
            placeholder={LABELS[c.type]}
            onChange={(e) => onChange({ name: e.target.value })}
          />
        </label>
        {c.type === 'email' ? (
          <label>
            Recipients (comma separated)
            <input
              value={c.to}
              placeholder="oncall@example.com"
              onChange={(e) => onChange({ to: e.target.value })}
              aria-invalid={errors[field] ? true : undefined}
              aria-describedby={errors[field] ? errorId(field) : undefined}
            />
          </label>
        ) : (
          <label>
            {c.type === 'slack' ? 'Slack incoming webhook URL' : 'URL'}
            <input
              type="url"
              value={c.url}
              placeholder={
                c.type === 'slack' ? 'https://hooks.slack.com/services/…' : 'https://example.com/hooks/llm'
              }
              onChange={(e) => onChange({ url: e.target.value })}
              aria-invalid={errors[field] ? true : undefined}
              aria-describedby={errors[field] ? errorId(field) : undefined}
            />
          </label>
        )}
        <button type="button" className="link" onClick={onRemove}>
          Remove channel
        </button>
      </div>
      <FieldError id={errorId(field)} messages={errors[field]} />
      <FieldError id={errorId(`channels[${i}].name`)} messages={errors[`channels[${i}].name`]} />
      {c.stored?.secret_hint ? (
        <p className="muted">Signed with the secret ending in …{c.stored.secret_hint}</p>
      ) : null}
      {c.stored && !c.stored.enabled ? (
        <p className="channel-warning" role="alert">
          ⚠ Disabled after {c.stored.consecutive_failures} failed deliveries
          {c.stored.disabled_reason ? ` (${c.stored.disabled_reason})` : ''}. Fix it and save to enable it
          again.
        </p>
      ) : null}
    </div>
  );
}
