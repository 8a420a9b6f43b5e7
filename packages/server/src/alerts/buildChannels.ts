// Owns turning a rule's channel list as written into channel rows: new ones get an id (and a webhook its
// signing secret, returned once), ones named by id keep theirs; an unknown id or a changed type is a 400.
import { randomUUID } from 'node:crypto';
import type { AlertChannelInput } from '@llm-analytics/core';
import { ApiError } from '../http/ApiError.ts';
import { newWebhookSecret } from './delivery/webhookSecret.ts';
import type { StoredChannel } from './StoredAlert.ts';

export function buildChannels(
  workspaceId: string,
  ruleId: string,
  inputs: readonly AlertChannelInput[],
  existing: readonly StoredChannel[],
  atMs: number,
): { channels: StoredChannel[]; secrets: { channel_id: string; secret: string }[] } {
  const secrets: { channel_id: string; secret: string }[] = [];
  const seen = new Set<string>();
  const channels = inputs.map((input, position): StoredChannel => {
    const old = input.id !== undefined ? existing.find((c) => c.id === input.id) : undefined;
    if (input.id !== undefined && (!old || seen.has(input.id)))
      throw new ApiError(400, 'unknown_channel', `channels[${position}]: no such channel on this rule`, [
        { path: `channels.${position}.id`, message: 'no such channel on this rule' },
      ]);
    if (old && old.type !== input.type)
      throw new ApiError(400, 'channel_type_changed', `channels[${position}]: a channel keeps its type`, [
        { path: `channels.${position}.type`, message: `this channel is a ${old.type} channel` },
      ]);
    const id = old?.id ?? randomUUID();
    seen.add(id);
    let secret = old?.secret ?? null;
    if (input.type === 'webhook' && secret === null) {
      secret = newWebhookSecret();
      secrets.push({ channel_id: id, secret });
    }
    const target = input.type === 'email' ? input.to.join(', ') : new URL(input.url).host;
    return {
      workspace_id: workspaceId,
      id,
      rule_id: ruleId,
      position,
      type: input.type,
      name:
        input.name ??
        `${input.type === 'email' ? 'Email' : input.type === 'slack' ? 'Slack' : 'Webhook'}: ${target}`,
      url: input.type === 'email' ? null : input.url,
      recipients: input.type === 'email' ? input.to : null,
      secret: input.type === 'webhook' ? secret : null,
      // Written again is edited: a channel disabled by failures comes back with a clean slate.
      enabled: true,
      consecutive_failures: 0,
      disabled_reason: null,
      created_ms: old ? Number(old.created_ms) : atMs,
    };
  });
  return { channels, secrets };
}
