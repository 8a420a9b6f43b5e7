// Owns the channels part of the rule form: the list of webhook, Slack and email channels, adding and removing
// them, and "send test" for a saved rule with each delivery's result.
import type { AlertChannel, AlertChannelType } from '@llm-analytics/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FieldError } from '../experiments/FieldError';
import { Notice } from '../ui/Notice';
import { alertsApi } from './alertsApi';
import { ChannelEditor } from './ChannelEditor';
import { DeliveryList } from './DeliveryList';
import type { DraftFieldsProps } from './DraftFieldsProps';
import { type ChannelDraft, ruleDraft } from './ruleDraft';

const TYPES: { type: AlertChannelType; label: string }[] = [
  { type: 'webhook', label: 'Add webhook' },
  { type: 'slack', label: 'Add Slack' },
  { type: 'email', label: 'Add email' },
];

export function ChannelsEditor({
  draft: d,
  set,
  errors,
  errorId,
  saved,
}: DraftFieldsProps & {
  /** The stored rule: its channels are what a test sends to. */
  saved: { id: string; channels: AlertChannel[] } | null;
}) {
  const qc = useQueryClient();
  const test = useMutation({
    mutationFn: (id: string) => alertsApi.test(id),
    onSettled: () => qc.invalidateQueries({ queryKey: ['alerts'] }),
  });
  const setChannel = (i: number, patch: Partial<ChannelDraft>) =>
    set({ channels: d.channels.map((c, k) => (k === i ? { ...c, ...patch } : c)) });
  const unsaved =
    saved !== null &&
    JSON.stringify(ruleDraft.channelsFrom(saved.channels).map(strip)) !==
      JSON.stringify(d.channels.map(strip));
  return (
    <>
      <FieldError id={errorId('channels')} messages={errors.channels} />
      {d.channels.length === 0 ? (
        <p className="muted">No channel: the rule changes state but notifies nobody.</p>
      ) : null}
      {d.channels.map((c, i) => (
        <ChannelEditor
          key={c.key}
          index={i}
          channel={c}
          errors={errors}
          errorId={errorId}
          onChange={(patch) => setChannel(i, patch)}
          onRemove={() => set({ channels: d.channels.filter((_, k) => k !== i) })}
        />
      ))}
      <div className="form-row">
        {TYPES.map((t) => (
          <button
            key={t.type}
            type="button"
            onClick={() => set({ channels: [...d.channels, ruleDraft.newChannel(t.type)] })}
          >
            {t.label}
          </button>
        ))}
        <span className="spacer" />
        <button
          type="button"
          disabled={!saved || saved.channels.length === 0 || test.isPending}
          title={saved ? 'Sends one test notification to each saved channel' : 'Save the rule first'}
          onClick={() => saved && test.mutate(saved.id)}
        >
          {test.isPending ? 'Sending…' : 'Send test'}
        </button>
      </div>
      {unsaved ? (
        <p className="muted">The test goes to the saved channels: save your changes first.</p>
      ) : null}
      {test.isError ? (
        <Notice kind="error" title="The test was not sent">
          {test.error.message}
        </Notice>
      ) : null}
      {test.data ? (
        <div data-testid="test-result" data-state="done">
          <DeliveryList deliveries={test.data.event.deliveries} channels={saved?.channels} />
        </div>
      ) : null}
    </>
  );
}

/** A channel as the request sends it (React key and server facts aside), for spotting unsaved edits. */
const strip = ({ key: _k, stored: _s, ...rest }: ChannelDraft) => rest;
