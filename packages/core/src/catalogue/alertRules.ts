// Owns the `analytics_alert_rules` table: a workspace's alert rules (condition, timing, mute, enabled).
import type { TableDef } from './TableDef.ts';

// Times are epoch ms in BIGINT, as experiments' are. The condition is a JSON document read and written whole.
export const alertRules = {
  name: 'analytics_alert_rules',
  distribution: 'workspace',
  key: { columns: ['workspace_id', 'id'], index: 'analytics_alert_rules_pk', unique: true },
  columns: {
    workspace_id: { type: 'text' },
    id: { type: 'text' },
    name: { type: 'text' },
    description: { type: 'text', nullable: true },
    /** AlertCondition (threshold or anomaly). */
    condition: { type: 'json' },
    cooldown_minutes: { type: 'integer' },
    repeat_minutes: { type: 'integer', nullable: true },
    muted_until_ms: { type: 'bigint', nullable: true },
    enabled: { type: 'boolean' },
    /** Which suggested default this is (e.g. `sla_breach_rate`); null for a rule someone wrote. */
    suggestion: { type: 'text', nullable: true },
    last_evaluated_ms: { type: 'bigint', nullable: true },
    created_by: { type: 'text', nullable: true },
    created_ms: { type: 'bigint' },
    updated_ms: { type: 'bigint' },
  },
} as const satisfies TableDef;
