// Owns the migration steps of the capability tables (traces, jobs, experiments, exports, anomalies, alerts),
// versions 8 on; part of the one ordered list in migrations.ts. Steps are history: each keeps producing the schema it did.
import type { Migration } from './migrationSql.ts';
import { json, on, ts, type } from './migrationSql.ts';

export const CAPABILITY_MIGRATIONS: Migration[] = [
  {
    version: 8,
    name: 'spans (OpenTelemetry traces)',
    // Written literally, not from the catalogue: a later change to the table gets a step of its own.
    sql: (d) => [
      `CREATE TABLE spans (
        workspace_id VARCHAR NOT NULL, trace_id VARCHAR NOT NULL, span_id VARCHAR NOT NULL,
        parent_span_id VARCHAR, trace_state VARCHAR, name VARCHAR NOT NULL, kind INTEGER NOT NULL,
        start_time ${ts(d)} NOT NULL, end_time ${ts(d)} NOT NULL, duration_ms ${type('double')(d)} NOT NULL,
        status_code INTEGER NOT NULL, status_message VARCHAR, attributes ${json(d)} NOT NULL,
        resource_attributes ${json(d)} NOT NULL, events ${json(d)}, links ${json(d)}, service_name VARCHAR,
        scope_name VARCHAR, scope_version VARCHAR)`,
      ...on('postgres', d, [
        'CREATE UNIQUE INDEX spans_pk ON spans (workspace_id, trace_id, span_id)',
        'CREATE INDEX spans_time ON spans (workspace_id, start_time)',
      ]),
    ],
  },
  {
    version: 9,
    name: 'spans: what the GenAI mapping reads off a span',
    sql: (d) => [
      ...['span_type', 'model_id', 'provider', 'conversation_id', 'tool_name'].map(
        (c) => `ALTER TABLE spans ADD COLUMN ${c} VARCHAR`,
      ),
      'ALTER TABLE spans ADD COLUMN input_tokens INTEGER',
      'ALTER TABLE spans ADD COLUMN output_tokens INTEGER',
      ...on('postgres', d, ['CREATE INDEX spans_conversation ON spans (workspace_id, conversation_id)']),
    ],
  },
  {
    version: 10,
    name: 'jobs (background work: trace retention)',
    sql: (d) => [
      `CREATE TABLE jobs (
        id VARCHAR NOT NULL, workspace_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, status VARCHAR NOT NULL,
        progress ${type('double')(d)} NOT NULL, payload ${json(d)} NOT NULL, result ${json(d)}, error VARCHAR,
        attempts INTEGER NOT NULL, created_ms BIGINT NOT NULL, run_at_ms BIGINT NOT NULL, started_ms BIGINT,
        finished_ms BIGINT, heartbeat_ms BIGINT, claimed_by VARCHAR)`,
      ...on('postgres', d, [
        'CREATE UNIQUE INDEX jobs_pk ON jobs (id)',
        'CREATE INDEX jobs_due ON jobs (status, run_at_ms)',
        'CREATE INDEX jobs_workspace ON jobs (workspace_id, created_ms)',
      ]),
    ],
  },
  {
    version: 11,
    name: 'analytics_experiments (A/B experiments)',
    sql: (d) => [
      `CREATE TABLE analytics_experiments (
        workspace_id VARCHAR NOT NULL, id VARCHAR NOT NULL, name VARCHAR NOT NULL, hypothesis VARCHAR,
        unit VARCHAR NOT NULL, status VARCHAR NOT NULL, status_changed_by VARCHAR, status_changed_ms BIGINT NOT NULL,
        variants ${json(d)} NOT NULL, control VARCHAR NOT NULL, primary_metric VARCHAR NOT NULL,
        secondary_metrics ${json(d)} NOT NULL, min_effect ${type('double')(d)}, planned_split ${json(d)},
        start_ms BIGINT, end_ms BIGINT, conclusion VARCHAR, created_by VARCHAR, created_ms BIGINT NOT NULL,
        updated_ms BIGINT NOT NULL)`,
      ...on('postgres', d, [
        'CREATE UNIQUE INDEX analytics_experiments_pk ON analytics_experiments (workspace_id, id)',
      ]),
    ],
  },
  {
    version: 12,
    name: 'analytics_exports (export requests and their files)',
    sql: (d) => [
      `CREATE TABLE analytics_exports (
        id VARCHAR NOT NULL, workspace_id VARCHAR NOT NULL, job_id VARCHAR, status VARCHAR NOT NULL,
        format VARCHAR NOT NULL, export_type VARCHAR NOT NULL, request ${json(d)} NOT NULL,
        file_name VARCHAR NOT NULL, content_type VARCHAR NOT NULL, file_path VARCHAR, file_bytes BIGINT NOT NULL,
        row_count BIGINT NOT NULL, error VARCHAR, requested_by VARCHAR NOT NULL, created_ms BIGINT NOT NULL,
        finished_ms BIGINT, expires_ms BIGINT NOT NULL)`,
      ...on('postgres', d, [
        'CREATE UNIQUE INDEX analytics_exports_pk ON analytics_exports (workspace_id, id)',
        'CREATE INDEX analytics_exports_created ON analytics_exports (workspace_id, created_ms)',
      ]),
    ],
  },
  {
    version: 13,
    name: 'analytics_anomalies (anomalies found by the scan, and their triage)',
    sql: (d) => [
      `CREATE TABLE analytics_anomalies (
        workspace_id VARCHAR NOT NULL, id VARCHAR NOT NULL, metric VARCHAR NOT NULL, granularity VARCHAR NOT NULL,
        slice_dimension VARCHAR NOT NULL, slice_value VARCHAR, direction VARCHAR NOT NULL, start_ms BIGINT NOT NULL,
        end_ms BIGINT NOT NULL, buckets INTEGER NOT NULL, peak_ms BIGINT NOT NULL,
        peak_value ${type('double')(d)} NOT NULL, peak_score ${type('double')(d)} NOT NULL,
        expected_value ${type('double')(d)} NOT NULL, expected_low ${type('double')(d)} NOT NULL,
        expected_high ${type('double')(d)} NOT NULL, sample ${type('double')(d)}, baseline VARCHAR NOT NULL,
        severity VARCHAR NOT NULL, sensitivity VARCHAR NOT NULL, points ${json(d)} NOT NULL, status VARCHAR NOT NULL,
        acknowledged_by VARCHAR, acknowledged_ms BIGINT, resolved_by VARCHAR, resolved_ms BIGINT,
        detected_ms BIGINT NOT NULL, updated_ms BIGINT NOT NULL)`,
      ...on('postgres', d, [
        'CREATE UNIQUE INDEX analytics_anomalies_pk ON analytics_anomalies (workspace_id, id)',
        'CREATE INDEX analytics_anomalies_start ON analytics_anomalies (workspace_id, start_ms)',
      ]),
    ],
  },
  {
    version: 14,
    name: 'alert rules, their channels, per-slice states, history and deliveries',
    sql: (d) => [
      `CREATE TABLE analytics_alert_rules (
        workspace_id VARCHAR NOT NULL, id VARCHAR NOT NULL, name VARCHAR NOT NULL, description VARCHAR,
        condition ${json(d)} NOT NULL, cooldown_minutes INTEGER NOT NULL, repeat_minutes INTEGER,
        muted_until_ms BIGINT, enabled BOOLEAN NOT NULL, suggestion VARCHAR, last_evaluated_ms BIGINT,
        created_by VARCHAR, created_ms BIGINT NOT NULL, updated_ms BIGINT NOT NULL)`,
      `CREATE TABLE analytics_alert_channels (
        workspace_id VARCHAR NOT NULL, id VARCHAR NOT NULL, rule_id VARCHAR NOT NULL, position INTEGER NOT NULL,
        type VARCHAR NOT NULL, name VARCHAR NOT NULL, url VARCHAR, recipients ${json(d)}, secret VARCHAR,
        enabled BOOLEAN NOT NULL, consecutive_failures INTEGER NOT NULL, disabled_reason VARCHAR,
        created_ms BIGINT NOT NULL)`,
      `CREATE TABLE analytics_alert_states (
        workspace_id VARCHAR NOT NULL, rule_id VARCHAR NOT NULL, slice_key VARCHAR NOT NULL, state VARCHAR NOT NULL,
        since_ms BIGINT NOT NULL, value ${type('double')(d)}, last_notified_ms BIGINT, notified BOOLEAN NOT NULL,
        updated_ms BIGINT NOT NULL)`,
      `CREATE TABLE analytics_alert_events (
        workspace_id VARCHAR NOT NULL, id VARCHAR NOT NULL, rule_id VARCHAR NOT NULL, rule_name VARCHAR NOT NULL,
        slice_key VARCHAR NOT NULL, kind VARCHAR NOT NULL, from_state VARCHAR, to_state VARCHAR NOT NULL,
        value ${type('double')(d)}, threshold ${type('double')(d)}, anomaly_id VARCHAR, suppressed VARCHAR,
        at_ms BIGINT NOT NULL)`,
      `CREATE TABLE analytics_alert_deliveries (
        workspace_id VARCHAR NOT NULL, id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, channel_id VARCHAR NOT NULL,
        channel_type VARCHAR NOT NULL, status VARCHAR NOT NULL, attempts INTEGER NOT NULL, last_error VARCHAR,
        next_attempt_ms BIGINT, delivered_ms BIGINT, message ${json(d)} NOT NULL, created_ms BIGINT NOT NULL)`,
      'CREATE TABLE analytics_alert_defaults (workspace_id VARCHAR NOT NULL, created_ms BIGINT NOT NULL)',
      ...on('postgres', d, [
        'CREATE UNIQUE INDEX analytics_alert_rules_pk ON analytics_alert_rules (workspace_id, id)',
        'CREATE UNIQUE INDEX analytics_alert_channels_pk ON analytics_alert_channels (workspace_id, id)',
        'CREATE INDEX analytics_alert_channels_rule ON analytics_alert_channels (workspace_id, rule_id)',
        'CREATE UNIQUE INDEX analytics_alert_states_pk ON analytics_alert_states (workspace_id, rule_id, slice_key)',
        'CREATE UNIQUE INDEX analytics_alert_events_pk ON analytics_alert_events (workspace_id, id)',
        'CREATE INDEX analytics_alert_events_at ON analytics_alert_events (workspace_id, at_ms)',
        'CREATE UNIQUE INDEX analytics_alert_deliveries_pk ON analytics_alert_deliveries (workspace_id, id)',
        'CREATE INDEX analytics_alert_deliveries_event ON analytics_alert_deliveries (workspace_id, event_id)',
        'CREATE INDEX analytics_alert_deliveries_due ON analytics_alert_deliveries (status, next_attempt_ms)',
        'CREATE UNIQUE INDEX analytics_alert_defaults_pk ON analytics_alert_defaults (workspace_id)',
      ]),
    ],
  },
];
