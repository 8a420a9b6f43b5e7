// Owns the suggested alert rules every workspace is given (off until someone enables them).
import type { CreateAlertRuleRequest } from '../wire/alerts.ts';

/** Keyed by what they watch; each is a create body. */
export const SUGGESTED_ALERT_RULES: Readonly<Record<string, CreateAlertRuleRequest>> = {
  sla_breach_rate: {
    name: 'SLA breach rate above 10%',
    description: 'More than 10% of the last hour’s messages took longer than the SLA threshold (settings).',
    condition: {
      type: 'threshold',
      metric: 'sla_breach_rate',
      comparator: 'gt',
      threshold: 10,
      window_minutes: 60,
      for_minutes: 10,
    },
  },
  error_rate: {
    name: 'Error-rate spike per model',
    description: 'More than 5% of a model’s messages over the last 15 minutes ended in an error.',
    condition: {
      type: 'threshold',
      metric: 'error_rate',
      slice: { dimension: 'model' },
      comparator: 'gt',
      threshold: 5,
      window_minutes: 15,
      for_minutes: 5,
    },
  },
  daily_cost: {
    name: 'Daily cost over budget',
    description: 'The last 24 hours cost more than 100 USD (set the budget to yours).',
    condition: {
      type: 'threshold',
      metric: 'cost',
      comparator: 'gt',
      threshold: 100,
      window_minutes: 1440,
      for_minutes: 0,
    },
    cooldown_minutes: 720,
  },
  quality_drop: {
    name: 'Quality drop: success rate below 80%',
    description: 'Fewer than 80% of the last 6 hours’ evaluations succeeded.',
    condition: {
      type: 'threshold',
      metric: 'success_rate',
      comparator: 'lt',
      threshold: 80,
      window_minutes: 360,
      for_minutes: 30,
    },
  },
};
