// Owns the `analytics_alert_events` table: the alert history (notifications sent or suppressed, and tests).
import type { TableDef } from './TableDef.ts';

export const alertEvents = {
  name: 'analytics_alert_events',
  distribution: 'workspace',
  key: { columns: ['workspace_id', 'id'], index: 'analytics_alert_events_pk', unique: true },
  indexes: { analytics_alert_events_at: { columns: ['workspace_id', 'at_ms'] } },
  columns: {
    workspace_id: { type: 'text' },
    id: { type: 'text' },
    rule_id: { type: 'text' },
    /** The rule's name then: the history reads the same after a rename or a delete. */
    rule_name: { type: 'text' },
    slice_key: { type: 'text' },
    /** firing | resolved | repeat | test */
    kind: { type: 'text' },
    from_state: { type: 'text', nullable: true },
    to_state: { type: 'text' },
    value: { type: 'double', nullable: true },
    threshold: { type: 'double', nullable: true },
    anomaly_id: { type: 'text', nullable: true },
    /** Why nothing was sent (muted, cooldown, no_channel); null when it was. */
    suppressed: { type: 'text', nullable: true },
    at_ms: { type: 'bigint' },
  },
} as const satisfies TableDef;
