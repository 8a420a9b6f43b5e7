// Owns the `analytics_alert_channels` table: where a rule's notifications go, with each webhook's signing secret.
import type { TableDef } from './TableDef.ts';

// A row per channel rather than a JSON list on the rule: deliveries update a channel's failure count alone.
// `secret` is the webhook's `whsec_…` signing secret; it leaves the server only in the reply that created it.
export const alertChannels = {
  name: 'analytics_alert_channels',
  distribution: 'workspace',
  key: { columns: ['workspace_id', 'id'], index: 'analytics_alert_channels_pk', unique: true },
  indexes: { analytics_alert_channels_rule: { columns: ['workspace_id', 'rule_id'] } },
  columns: {
    workspace_id: { type: 'text' },
    id: { type: 'text' },
    rule_id: { type: 'text' },
    /** The channel's place in the rule's list. */
    position: { type: 'integer' },
    /** webhook | slack | email */
    type: { type: 'text' },
    name: { type: 'text' },
    url: { type: 'text', nullable: true },
    /** Email recipients: a JSON array of addresses. */
    recipients: { type: 'json', nullable: true },
    secret: { type: 'text', nullable: true },
    enabled: { type: 'boolean' },
    consecutive_failures: { type: 'integer' },
    disabled_reason: { type: 'text', nullable: true },
    created_ms: { type: 'bigint' },
  },
} as const satisfies TableDef;
