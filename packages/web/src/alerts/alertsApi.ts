// Owns the calls of the Alerts page and the bell to /api/alerts (rules, their test delivery, the history).
import type {
  AlertEvent,
  AlertRule,
  AlertRuleWrittenSchema,
  CreateAlertRuleRequest,
  UpdateAlertRuleRequest,
} from '@llm-analytics/core';
import { api } from '../api/api';

/** The POST/PATCH reply: the rule, and each new webhook channel's signing secret, shown once. */
export type RuleWritten = ReturnType<typeof AlertRuleWrittenSchema.parse>;

const BASE = '/api/alerts/rules';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const alertsApi = {
  list: (signal?: AbortSignal) => api<{ rules: AlertRule[] }>('GET', BASE, undefined, signal),
  create: (body: CreateAlertRuleRequest) => api<RuleWritten>('POST', BASE, body),
  update: (id: string, body: UpdateAlertRuleRequest) => api<RuleWritten>('PATCH', one(id), body),
  remove: (id: string) => api<null>('DELETE', one(id)),
  test: (id: string) => api<{ event: AlertEvent }>('POST', `${one(id)}/test`, {}),
  history: (ruleId: string | null, signal?: AbortSignal) =>
    api<{ events: AlertEvent[] }>(
      'GET',
      `/api/alerts/history?limit=100${ruleId ? `&rule_id=${encodeURIComponent(ruleId)}` : ''}`,
      undefined,
      signal,
    ),
};
