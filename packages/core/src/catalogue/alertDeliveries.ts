// Owns the `analytics_alert_deliveries` table: one notification to one channel, its attempts and retry time.
import type { TableDef } from './TableDef.ts';

// The delivery is its own outbox: the message is stored with it, so a retry sends what the first attempt did
// (even after the rule changed), and the delivery schedule finds due retries by `next_attempt_ms`.
export const alertDeliveries = {
  name: 'analytics_alert_deliveries',
  distribution: 'workspace',
  key: { columns: ['workspace_id', 'id'], index: 'analytics_alert_deliveries_pk', unique: true },
  indexes: {
    analytics_alert_deliveries_event: { columns: ['workspace_id', 'event_id'] },
    analytics_alert_deliveries_due: { columns: ['status', 'next_attempt_ms'] },
  },
  columns: {
    workspace_id: { type: 'text' },
    id: { type: 'text' },
    event_id: { type: 'text' },
    channel_id: { type: 'text' },
    channel_type: { type: 'text' },
    /** pending | delivered | failed */
    status: { type: 'text' },
    attempts: { type: 'integer' },
    last_error: { type: 'text', nullable: true },
    next_attempt_ms: { type: 'bigint', nullable: true },
    delivered_ms: { type: 'bigint', nullable: true },
    /** The AlertNotification sent. */
    message: { type: 'json' },
    created_ms: { type: 'bigint' },
  },
} as const satisfies TableDef;
