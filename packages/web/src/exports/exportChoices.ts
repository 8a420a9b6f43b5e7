// Owns the modal's choices: a label per format, type and metric. Keyed by core's own lists (type-only, so the
// wire schemas stay out of the bundle); a format, type or default metric added in core fails to compile here.
import type {
  COMPARED_METRICS,
  ExportFormat,
  ExportType,
  Granularity,
  OVERVIEW_METRICS,
  TIMESERIES_METRICS,
} from '@llm-analytics/core';

type Overview = (typeof OVERVIEW_METRICS)[number];
type Timeseries = (typeof TIMESERIES_METRICS)[number];
type Compared = (typeof COMPARED_METRICS)[number];
export type ModalType = Exclude<ExportType, 'query'>;

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  csv: 'CSV',
  json: 'JSON',
  jsonl: 'JSON Lines',
  parquet: 'Parquet',
  report: 'Report (HTML)',
  pdf: 'Report (PDF)',
};

export const TYPE_LABELS: Record<ModalType, string> = {
  overview: 'Overview (KPIs with comparison)',
  timeseries: 'Time series',
  model_comparison: 'Model comparison',
  complete: 'Complete raw data (zipped tables)',
};

/** A timeseries export's time bucket (`auto`: as the dashboard's charts pick it for the range). */
export const GRANULARITY_LABELS: Record<Granularity, string> = {
  auto: 'Automatic',
  hour: 'Hour',
  day: 'Day',
  week: 'Week',
  month: 'Month',
};

export const METRIC_LABELS: Record<Overview | Timeseries | Compared, string> = {
  messages: 'Messages',
  conversations: 'Conversations',
  evaluations: 'Evaluations',
  avg_rating: 'Avg rating',
  success_rate: 'Success rate',
  error_rate: 'Error rate',
  latency_p50: 'p50 latency',
  latency_p95: 'p95 latency',
  sla_breach_rate: 'SLA breach rate',
  input_tokens: 'Input tokens',
  output_tokens: 'Output tokens',
  total_tokens: 'Tokens',
  cost: 'Cost',
  cost_per_message: 'Cost per message',
};

/** Each type's default metrics, in core's order; `true` marks membership so a missing one fails to compile. */
const set = <M extends string>(members: Record<M, true>): M[] => Object.keys(members) as M[];

/** The metrics a type holds by default (all offered, all checked), none for raw `complete` rows. */
export const METRICS_OF: Record<ModalType, readonly string[]> = {
  overview: set<Overview>({
    messages: true,
    conversations: true,
    avg_rating: true,
    success_rate: true,
    error_rate: true,
    latency_p95: true,
    sla_breach_rate: true,
    cost: true,
    total_tokens: true,
  }),
  timeseries: set<Timeseries>({
    messages: true,
    conversations: true,
    total_tokens: true,
    cost: true,
    evaluations: true,
    avg_rating: true,
    success_rate: true,
    error_rate: true,
    latency_p50: true,
    latency_p95: true,
    sla_breach_rate: true,
  }),
  model_comparison: set<Compared>({
    messages: true,
    evaluations: true,
    avg_rating: true,
    success_rate: true,
    error_rate: true,
    latency_p50: true,
    latency_p95: true,
    input_tokens: true,
    output_tokens: true,
    total_tokens: true,
    cost: true,
    cost_per_message: true,
  }),
  complete: [],
};

/** Whether a format can hold a type (reports summarise; they cannot hold raw rows). */
export const formatHolds = (format: ExportFormat, type: ModalType): boolean =>
  !(type === 'complete' && (format === 'report' || format === 'pdf'));
