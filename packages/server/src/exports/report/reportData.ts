// Owns gathering everything the report shows for a workspace, range and filters: AnalyticsQuery objects run
// through AnalyticsService (the one query road), the KPI row's definitions from core, and the settings in force.
import {
  type AnalyticsQuery,
  type AnalyticsReply,
  type DateRange,
  type Filter,
  KPIS,
  type KpiDef,
  MODEL_TABLE_COLUMNS,
  type ModelTableMetric,
  metricDisplay,
  type PriceBook,
  type ReplyRow,
  registry,
  SESSION_TABLE_COLUMNS,
  type SessionTableMetric,
  type TimeBucket,
} from '@llm-analytics/core';
import { bucketStarts } from '../../analytics/seed/dataGroups.ts';
import { compareModels, type ModelRow } from '../../analytics/seed/modelComparison.ts';
import type { SettingsService } from '../../settings/SettingsService.ts';
import type { ExportDeps, ExportScope } from '../ExportScope.ts';

/**
 * What every export is given (`includedMetrics`: the KPI cards, the dashboard's KPI row when absent;
 * `granularity`: the charts' bucket, `auto` when absent), and the name the title shows.
 */
export interface ReportRequest extends ExportScope {
  /** Shown in the title; the id when absent. */
  workspaceName?: string;
}

export interface ReportKpi extends KpiDef {
  value: number | null;
  previous: number | null;
  /** Change against the previous period in %, as the query API computes it; null without a comparison. */
  change_pct: number | null;
}

/** The model table's metrics: the dashboard's (core metricTables.ts). */
export const MODEL_METRICS: readonly ModelTableMetric[] = MODEL_TABLE_COLUMNS.map((c) => c.key);
export type ModelMetric = ModelTableMetric;

/** A row of the model table (compareModels): registry attributes, metrics, a fine-tune's delta to its base. */
export type ReportModel = ModelRow<ModelMetric>;

export const SESSION_METRICS: readonly SessionTableMetric[] = SESSION_TABLE_COLUMNS.map((c) => c.key);
export type SessionMetric = SessionTableMetric;

export interface ReportSession {
  session: string;
  experiment: string | null;
  values: Record<SessionMetric, number | null>;
}

export interface ReportSeriesPoint {
  /** Bucket start, ISO. */
  t: string;
  cost: number | null;
  messages: number | null;
  latency_p50: number | null;
  latency_p95: number | null;
}

export interface ReportData {
  workspace: { id: string; name: string };
  generatedAt: string;
  dateRange: DateRange;
  window: { from: string; to: string } | null;
  comparisonWindow: { from: string; to: string } | null;
  filters: Filter | null;
  kpis: ReportKpi[];
  /** Busiest first; registered models without traffic in the window are listed with zero counts. */
  models: ReportModel[];
  sessions: ReportSession[];
  series: { bucket: TimeBucket; points: ReportSeriesPoint[] };
  priceBook: PriceBook;
  slaThresholdMs: number;
  unpricedMessages: number;
  /** The exact queries behind each section, so a reader can rerun them against the query API. */
  queries: Record<'kpis' | 'models' | 'sessions' | 'series', AnalyticsQuery>;
}

const SESSION_LIMIT = 50;

function kpiDefs(included: string[] | undefined): KpiDef[] {
  if (!included?.length) return KPIS;
  return [...new Set(included)].map((id) => {
    const d = metricDisplay(id);
    // The report judges no direction outside the KPI row.
    return KPIS.includes(d) ? d : { ...d, better: 'none' as const };
  });
}

const num = (v: ReplyRow[string] | undefined): number | null => (typeof v === 'number' ? v : null);
const str = (v: ReplyRow[string] | undefined): string | null =>
  v === null || v === undefined || v === '' ? null : String(v);

function pick<K extends string>(row: ReplyRow | undefined, keys: readonly K[]): Record<K, number | null> {
  const out = {} as Record<K, number | null>;
  for (const k of keys) out[k] = num(row?.[k]);
  return out;
}

/** Runs the report's four queries and shapes their rows; every number is a value of a reply row. */
export async function reportData(
  deps: ExportDeps & { settings: SettingsService },
  req: ReportRequest,
): Promise<ReportData> {
  const scope = { date_range: req.dateRange, ...(req.filters ? { filters: req.filters } : {}) };
  const defs = kpiDefs(req.includedMetrics);
  const queries: ReportData['queries'] = {
    // `all` has no previous period (the query API rejects compare there): its cards show no change.
    kpis: {
      metrics: defs.map((k) => k.metric),
      ...scope,
      ...(req.dateRange === 'all' ? {} : { compare: 'previous_period' as const }),
    },
    // The query compareModels runs (it adds the model registry for attributes and base models).
    models: { metrics: [...MODEL_METRICS], dimensions: ['model'], ...scope },
    sessions: {
      metrics: [...SESSION_METRICS],
      dimensions: ['session', 'experiment'],
      ...scope,
      order_by: [['messages', 'desc']],
      limit: SESSION_LIMIT,
    },
    series: {
      metrics: ['cost', 'messages', 'latency_p50', 'latency_p95'],
      dimensions: ['time'],
      granularity: req.granularity ?? 'auto',
      ...scope,
    },
  };
  const run = (q: AnalyticsQuery) => deps.analytics.query(req.workspaceId, q, req.now);
  const [kpis, models, sessions, series, settings] = await Promise.all([
    run(queries.kpis),
    compareModels(deps, req.workspaceId, { metrics: MODEL_METRICS, ...scope }, req.now),
    run(queries.sessions),
    run(queries.series),
    deps.settings.get(req.workspaceId),
  ]);
  return {
    workspace: { id: req.workspaceId, name: req.workspaceName ?? req.workspaceId },
    generatedAt: req.now.toISOString(),
    dateRange: req.dateRange,
    window: kpis.meta.window,
    comparisonWindow: kpis.meta.comparison_window ?? null,
    filters: req.filters ?? null,
    kpis: toKpis(defs, kpis),
    models: models.models.sort(byTraffic),
    sessions: sessions.rows
      .filter((r) => str(r.session) !== null)
      .map((r) => ({
        session: String(r.session),
        experiment: str(r.experiment),
        values: pick(r, SESSION_METRICS),
      })),
    series: toSeries(series),
    priceBook: settings.price_book,
    slaThresholdMs: settings.sla_threshold_ms,
    unpricedMessages: models.unpriced_messages,
    queries,
  };
}

function toKpis(defs: KpiDef[], reply: AnalyticsReply): ReportKpi[] {
  const row = reply.rows[0];
  const prev = reply.comparison?.rows[0];
  const change = reply.comparison?.change_pct[0];
  return defs.map((d) => ({
    ...d,
    value: num(row?.[d.metric]),
    previous: reply.comparison ? num(prev?.[d.metric]) : null,
    change_pct: change?.[d.metric] ?? null,
  }));
}

/** Busiest first, ties by id, so the report's row order does not depend on the engine's group order. */
const byTraffic = (a: ReportModel, b: ReportModel) =>
  (b.values.messages ?? 0) - (a.values.messages ?? 0) || a.model_id.localeCompare(b.model_id);

/** One point per bucket of the window: buckets without messages cost 0 and have no latency. */
function toSeries(reply: AnalyticsReply): ReportData['series'] {
  const bucket = reply.meta.time_bucket ?? 'day';
  const byTime = new Map(reply.rows.map((r) => [String(r.time), r]));
  const w = reply.meta.window;
  // `all` has no window: the buckets from the first to the last one with data, so gaps still show.
  const seen = [...byTime.keys()].sort();
  const span = w
    ? { from: new Date(w.from), to: new Date(w.to) }
    : seen.length
      ? { from: new Date(seen[0]), to: new Date(Date.parse(seen[seen.length - 1]) + 1) }
      : null;
  const times = span ? bucketStarts(span, bucket) : [];
  const empty = (m: string) => registry.metrics.get(m)?.empty ?? null;
  const points = times.map((t) => {
    const r = byTime.get(t);
    const v = (m: 'cost' | 'messages' | 'latency_p50' | 'latency_p95') => (r ? num(r[m]) : empty(m));
    return {
      t,
      cost: v('cost'),
      messages: v('messages'),
      latency_p50: v('latency_p50'),
      latency_p95: v('latency_p95'),
    };
  });
  return { bucket, points };
}
