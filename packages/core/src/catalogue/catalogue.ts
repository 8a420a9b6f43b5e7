// Owns the list of tables: every table the schema holds, each declared once in its own module.
import { activity } from './activity.ts';
import { alertChannels } from './alertChannels.ts';
import { alertDefaults } from './alertDefaults.ts';
import { alertDeliveries } from './alertDeliveries.ts';
import { alertEvents } from './alertEvents.ts';
import { alertRules } from './alertRules.ts';
import { alertStates } from './alertStates.ts';
import { analyticsAnomalies } from './analyticsAnomalies.ts';
import { analyticsExperiments } from './analyticsExperiments.ts';
import { analyticsExports } from './analyticsExports.ts';
import { apiKeys } from './apiKeys.ts';
import { conversations } from './conversations.ts';
import { evaluations } from './evaluations.ts';
import { jobs } from './jobs.ts';
import { memberships } from './memberships.ts';
import { messages } from './messages.ts';
import { models } from './models.ts';
import { sessions } from './sessions.ts';
import { settings } from './settings.ts';
import { spans } from './spans.ts';
import type { TableDef } from './TableDef.ts';
import { toolCalls } from './toolCalls.ts';
import { users } from './users.ts';
import { valueCodes } from './valueCodes.ts';
import { workspaces } from './workspaces.ts';

export const TABLES = {
  workspaces,
  api_keys: apiKeys,
  value_codes: valueCodes,
  // Coded tables in this order: value codes are numbered in it (conversations, messages, models).
  conversations,
  messages,
  models,
  tool_calls: toolCalls,
  evaluations,
  settings,
  users,
  sessions,
  memberships,
  activity,
  spans,
  jobs,
  analytics_experiments: analyticsExperiments,
  analytics_exports: analyticsExports,
  analytics_anomalies: analyticsAnomalies,
  analytics_alert_rules: alertRules,
  analytics_alert_channels: alertChannels,
  analytics_alert_states: alertStates,
  analytics_alert_events: alertEvents,
  analytics_alert_deliveries: alertDeliveries,
  analytics_alert_defaults: alertDefaults,
} as const satisfies Record<string, TableDef>;

export type TableName = keyof typeof TABLES;

/** Every table, in declaration order. */
export const CATALOGUE: readonly TableDef[] = Object.values(TABLES);
