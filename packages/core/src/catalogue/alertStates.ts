// Owns the `analytics_alert_states` table: the state machine's state of each (rule, slice).
import type { TableDef } from './TableDef.ts';

export const alertStates = {
  name: 'analytics_alert_states',
  distribution: 'workspace',
  key: {
    columns: ['workspace_id', 'rule_id', 'slice_key'],
    index: 'analytics_alert_states_pk',
    unique: true,
  },
  columns: {
    workspace_id: { type: 'text' },
    rule_id: { type: 'text' },
    /** `overall`, `model:<id>`, `provider:<id>`. */
    slice_key: { type: 'text' },
    /** ok | pending | firing | resolved */
    state: { type: 'text' },
    since_ms: { type: 'bigint' },
    value: { type: 'double', nullable: true },
    last_notified_ms: { type: 'bigint', nullable: true },
    /** Whether the current firing episode's `firing` notification went out (a resolve is sent only then). */
    notified: { type: 'boolean' },
    updated_ms: { type: 'bigint' },
  },
} as const satisfies TableDef;
