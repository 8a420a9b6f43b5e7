// Owns the live-update shapes of GET /api/events (Server-Sent Events): each event's `event:` name and `data:` JSON.
import { z } from 'zod';
import { ALERT_STATES } from './alerts.ts';
import { ANOMALY_STATUSES } from './anomalies.ts';
import { JOB_STATUSES } from './jobs.ts';

/**
 * `data`: rows were committed; coalesced (at most one per workspace per ~250 ms), naming the tables written
 * (`messages`, `conversations`, `evaluations`, `tool_calls`, `spans`, …) so the dashboard re-runs only queries
 * reading them. `anomaly` / `alert` / `job`: a state change. `reset`: the server cannot resume from the
 * client's `Last-Event-ID` (too old, or the server restarted): re-run everything.
 */
export const LIVE_EVENT_TYPES = ['data', 'anomaly', 'alert', 'job', 'reset'] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

export const DataEventSchema = z.strictObject({
  tables: z.array(z.string()),
  /** Rows committed since the previous `data` event. */
  rows: z.number().int(),
  at: z.iso.datetime({ offset: true }),
});
export const AnomalyEventSchema = z.strictObject({
  id: z.string(),
  metric: z.string(),
  status: z.enum(ANOMALY_STATUSES),
  /** `detected`: new from a scan; `updated`: a re-scan changed it; `triaged`: a PATCH. */
  change: z.enum(['detected', 'updated', 'triaged']),
});
export const AlertStateEventSchema = z.strictObject({
  rule_id: z.string(),
  slice_key: z.string(),
  state: z.enum(ALERT_STATES),
  /** Rules of the workspace firing now, for the header's bell. */
  firing: z.number().int(),
});
export const JobEventSchema = z.strictObject({
  id: z.string(),
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  progress: z.number().min(0).max(1),
});
export const ResetEventSchema = z.strictObject({ reason: z.string() });

export type DataEvent = z.infer<typeof DataEventSchema>;
export type AnomalyEvent = z.infer<typeof AnomalyEventSchema>;
export type AlertStateEvent = z.infer<typeof AlertStateEventSchema>;
export type JobEvent = z.infer<typeof JobEventSchema>;

/** One event as the server publishes it; `id` (monotonic per process) is the SSE `id:` for Last-Event-ID. */
export type LiveEvent =
  | { type: 'data'; data: DataEvent }
  | { type: 'anomaly'; data: AnomalyEvent }
  | { type: 'alert'; data: AlertStateEvent }
  | { type: 'job'; data: JobEvent }
  | { type: 'reset'; data: z.infer<typeof ResetEventSchema> };

export const LIVE_EVENT_SCHEMAS = {
  data: DataEventSchema,
  anomaly: AnomalyEventSchema,
  alert: AlertStateEventSchema,
  job: JobEventSchema,
  reset: ResetEventSchema,
} as const satisfies Record<LiveEventType, z.ZodType>;

/**
 * GET /api/events's query string. `lastEventId` stands in for the `Last-Event-ID` header (a new EventSource
 * cannot set it); `workspace` for `X-Workspace-Id` (nor that one).
 */
export const EventsQuerySchema = z.strictObject({
  lastEventId: z.string().max(100).optional().describe('Resume after this event id (as Last-Event-ID).'),
  workspace: z.string().max(256).optional().describe('Signed-in users: the workspace (as X-Workspace-Id).'),
});
export type EventsQuery = z.infer<typeof EventsQuerySchema>;
