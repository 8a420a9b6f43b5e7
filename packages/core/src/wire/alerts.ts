// Owns the alert shapes of /api/alerts: rules (condition, channels, timing), their per-slice state, history and deliveries.
import { z } from 'zod';
import { FilterSchema } from '../query/AnalyticsQuery.ts';
import { ANOMALY_SENSITIVITIES, ANOMALY_SLICE_DIMENSIONS } from './anomalies.ts';

export const ALERT_COMPARATORS = ['gt', 'gte', 'lt', 'lte'] as const;
/** ok → pending (condition true, `for_minutes` not yet elapsed) → firing → resolved (→ ok on the next evaluation). */
export const ALERT_STATES = ['ok', 'pending', 'firing', 'resolved'] as const;
export const ALERT_CHANNEL_TYPES = ['webhook', 'slack', 'email'] as const;
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
/** What a notification announces: the rule started firing, stopped, is still firing (repeat), or a test. */
export const ALERT_NOTIFICATION_KINDS = ['firing', 'resolved', 'repeat', 'test'] as const;

export type AlertComparator = (typeof ALERT_COMPARATORS)[number];
export type AlertState = (typeof ALERT_STATES)[number];
export type AlertChannelType = (typeof ALERT_CHANNEL_TYPES)[number];
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export type AlertNotificationKind = (typeof ALERT_NOTIFICATION_KINDS)[number];

const isoDateTime = z.iso.datetime({ offset: true });
const metricId = z.string().min(1).max(64);
const minutes = (max: number) => z.number().int().min(1).max(max);

/**
 * The slice a rule watches: `overall`, or one state per model / provider (`dimension` set, `value` unset),
 * or one named model / provider (`value` set). Each (rule, slice value) has its own state and fires once.
 */
export const AlertSliceSchema = z.strictObject({
  dimension: z.enum(ANOMALY_SLICE_DIMENSIONS),
  value: z.string().min(1).max(500).optional(),
});
export type AlertSlice = z.infer<typeof AlertSliceSchema>;

/** A registry metric over the last `window_minutes`, compared with a threshold (in the metric's display unit). */
export const ThresholdConditionSchema = z.strictObject({
  type: z.literal('threshold'),
  metric: metricId,
  filters: FilterSchema.optional(),
  slice: AlertSliceSchema.default({ dimension: 'overall' }),
  comparator: z.enum(ALERT_COMPARATORS),
  threshold: z.number().finite(),
  window_minutes: minutes(60 * 24 * 31).default(60),
  /** The condition must hold this long before the rule fires (0: at once). */
  for_minutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 7)
    .default(0),
});

/** An open anomaly of `metric` (any watched metric when unset) at this sensitivity or a less sensitive one. */
export const AnomalyConditionSchema = z.strictObject({
  type: z.literal('anomaly'),
  metric: metricId.optional(),
  sensitivity: z.enum(ANOMALY_SENSITIVITIES).default('medium'),
  slice: AlertSliceSchema.default({ dimension: 'overall' }),
  for_minutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 7)
    .default(0),
});

export const AlertConditionSchema = z.discriminatedUnion('type', [
  ThresholdConditionSchema,
  AnomalyConditionSchema,
]);
export type AlertCondition = z.output<typeof AlertConditionSchema>;
export type AlertConditionInput = z.input<typeof AlertConditionSchema>;

/** A channel as written: a new one has no `id`; an existing one is named by `id` (its secret is kept). */
export const AlertChannelInputSchema = z.discriminatedUnion('type', [
  z.strictObject({
    id: z.string().min(1).max(100).optional(),
    type: z.literal('webhook'),
    name: z.string().trim().min(1).max(200).optional(),
    url: z.url({ protocol: /^https?$/ }).max(2000),
  }),
  z.strictObject({
    id: z.string().min(1).max(100).optional(),
    type: z.literal('slack'),
    name: z.string().trim().min(1).max(200).optional(),
    /** A Slack incoming webhook URL. */
    url: z.url({ protocol: /^https?$/ }).max(2000),
  }),
  z.strictObject({
    id: z.string().min(1).max(100).optional(),
    type: z.literal('email'),
    name: z.string().trim().min(1).max(200).optional(),
    to: z.array(z.email()).min(1).max(50),
  }),
]);
export type AlertChannelInput = z.input<typeof AlertChannelInputSchema>;

/** A stored channel: never its secret; disabled after repeated failed deliveries until edited or re-enabled. */
export const AlertChannelSchema = z.strictObject({
  id: z.string(),
  type: z.enum(ALERT_CHANNEL_TYPES),
  name: z.string(),
  url: z.string().nullable(),
  to: z.array(z.string()).nullable(),
  /** Webhooks only: the last 4 characters of the signing secret (the whole secret is shown once). */
  secret_hint: z.string().nullable(),
  enabled: z.boolean(),
  consecutive_failures: z.number().int(),
  /** Why the channel was disabled (the last error), shown as a warning. */
  disabled_reason: z.string().nullable(),
});
export type AlertChannel = z.infer<typeof AlertChannelSchema>;

const ruleFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).optional(),
  condition: AlertConditionSchema,
  channels: z.array(AlertChannelInputSchema).max(20).default([]),
  /** After a notification, no other for the same (rule, slice) for this long. */
  cooldown_minutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 30)
    .default(30),
  /** While firing, a reminder this often (null: none). */
  repeat_minutes: minutes(60 * 24 * 30)
    .nullable()
    .default(null),
  /** Evaluated but nothing delivered until then. */
  muted_until: isoDateTime.nullable().default(null),
  enabled: z.boolean().default(false),
};

export const CreateAlertRuleRequestSchema = z.strictObject(ruleFields);
export type CreateAlertRuleRequest = z.input<typeof CreateAlertRuleRequestSchema>;

/** PATCH: any field; `channels` replaces the list (existing channels are named by id). */
export const UpdateAlertRuleRequestSchema = z
  .strictObject({
    name: ruleFields.name,
    description: z.string().max(5000).nullable(),
    condition: AlertConditionSchema,
    channels: z.array(AlertChannelInputSchema).max(20),
    cooldown_minutes: z
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 30),
    repeat_minutes: minutes(60 * 24 * 30).nullable(),
    muted_until: isoDateTime.nullable(),
    enabled: z.boolean(),
  })
  .partial();
export type UpdateAlertRuleRequest = z.input<typeof UpdateAlertRuleRequestSchema>;

/** The state of one (rule, slice). */
export const AlertSliceStateSchema = z.strictObject({
  /** `overall`, `model:<id>`, `provider:<id>` (statistics/anomalies/sliceKey.ts). */
  slice_key: z.string(),
  state: z.enum(ALERT_STATES),
  /** When the state last changed. */
  since: isoDateTime,
  /** The metric's value at the last evaluation (null: no data, or an anomaly rule). */
  value: z.number().nullable(),
  last_notified_at: isoDateTime.nullable(),
});
export type AlertSliceState = z.infer<typeof AlertSliceStateSchema>;

export const AlertRuleSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    condition: AlertConditionSchema,
    channels: z.array(AlertChannelSchema),
    cooldown_minutes: z.number().int(),
    repeat_minutes: z.number().int().nullable(),
    muted_until: isoDateTime.nullable(),
    enabled: z.boolean(),
    /** The worst state over its slices (firing > pending > resolved > ok). */
    state: z.enum(ALERT_STATES),
    slices: z.array(AlertSliceStateSchema),
    /** A suggested default (created with the workspace, off until enabled). */
    suggested: z.boolean(),
    last_evaluated_at: isoDateTime.nullable(),
    created_by: z.string().nullable(),
    created_at: isoDateTime,
    updated_at: isoDateTime,
  })
  .meta({ id: 'AlertRule' });
export type AlertRule = z.infer<typeof AlertRuleSchema>;

export const AlertRuleListSchema = z
  .strictObject({ rules: z.array(AlertRuleSchema) })
  .meta({ id: 'AlertRuleList' });

/** POST/PATCH reply: the rule, plus the signing secret of each webhook channel created by this request, once. */
export const AlertRuleWrittenSchema = z.strictObject({
  rule: AlertRuleSchema,
  secrets: z.array(z.strictObject({ channel_id: z.string(), secret: z.string() })),
});

/** One attempt series of one notification to one channel. */
export const AlertDeliverySchema = z.strictObject({
  id: z.string(),
  channel_id: z.string(),
  channel_type: z.enum(ALERT_CHANNEL_TYPES),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  last_error: z.string().nullable(),
  /** When the next retry runs (backoff 30 s, 2 min, 10 min, 1 h); null when done. */
  next_attempt_at: isoDateTime.nullable(),
  delivered_at: isoDateTime.nullable(),
});
export type AlertDelivery = z.infer<typeof AlertDeliverySchema>;

/** One entry of the history: a state change of a (rule, slice), or a test, with what was sent for it. */
export const AlertEventSchema = z
  .strictObject({
    id: z.string(),
    rule_id: z.string(),
    rule_name: z.string(),
    slice_key: z.string(),
    kind: z.enum(ALERT_NOTIFICATION_KINDS),
    from_state: z.enum(ALERT_STATES).nullable(),
    to_state: z.enum(ALERT_STATES),
    value: z.number().nullable(),
    threshold: z.number().nullable(),
    /** For anomaly rules: the anomaly that fired it. */
    anomaly_id: z.string().nullable(),
    /** Evaluated, but nothing sent (muted, cooldown, no channel). */
    suppressed: z.string().nullable(),
    at: isoDateTime,
    deliveries: z.array(AlertDeliverySchema),
  })
  .meta({ id: 'AlertEvent' });
export type AlertEvent = z.infer<typeof AlertEventSchema>;

export const AlertHistoryQuerySchema = z.strictObject({
  rule_id: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Entries before this time (ISO), for the next page. */
  before: isoDateTime.optional(),
});
export const AlertHistorySchema = z
  .strictObject({ events: z.array(AlertEventSchema) })
  .meta({ id: 'AlertHistory' });

/** POST /api/alerts/rules/:id/test → one test notification per channel, attempted at once. */
export const AlertTestResultSchema = z.strictObject({ event: AlertEventSchema });
