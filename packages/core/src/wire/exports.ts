// Owns the wire shapes of exports: POST /api/analytics/export's request and reply, and the tables an export holds.
import { z } from 'zod';
import { AnalyticsQuerySchema, FilterSchema, GRANULARITIES, QUERY_LIMITS } from '../query/AnalyticsQuery.ts';
import { registry } from '../query/registry/registry.ts';

export const EXPORT_FORMATS = ['csv', 'json', 'jsonl', 'parquet', 'report', 'pdf'] as const;
export const EXPORT_TYPES = ['overview', 'timeseries', 'model_comparison', 'complete', 'query'] as const;
/** `expired`: past its expiry, the file deleted (downloads answer 410). */
export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'expired'] as const;
/** Raw tables of a `complete` export, in the order they are written. */
export const COMPLETE_TABLES = ['conversations', 'messages', 'evaluations', 'tool_calls'] as const;
/** Column types of an export table: the catalogue's logical types (raw rows) and the metrics' numbers. */
export const EXPORT_COLUMN_TYPES = [
  'text',
  'integer',
  'bigint',
  'double',
  'boolean',
  'timestamp',
  'json',
  'text[]',
] as const;

/** The KPI cards' metrics (the dashboard's KPI row): an overview export's default `includedMetrics`. */
export const OVERVIEW_METRICS = [
  'messages',
  'conversations',
  'avg_rating',
  'success_rate',
  'error_rate',
  'latency_p95',
  'sla_breach_rate',
  'cost',
  'total_tokens',
] as const;
/** A timeseries export's default `includedMetrics`. */
export const TIMESERIES_METRICS = [
  'messages',
  'conversations',
  'total_tokens',
  'cost',
  'evaluations',
  'avg_rating',
  'success_rate',
  'error_rate',
  'latency_p50',
  'latency_p95',
  'sla_breach_rate',
] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportType = (typeof EXPORT_TYPES)[number];
export type ExportStatus = (typeof EXPORT_STATUSES)[number];
export type CompleteTable = (typeof COMPLETE_TABLES)[number];
export type ExportColumnType = (typeof EXPORT_COLUMN_TYPES)[number];

const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());
const metricId = z
  .string()
  .min(1)
  .max(64)
  .refine((id) => registry.metrics.has(id), { message: 'unknown metric' });

/**
 * The seed's request (`format`, `exportType`, `startDate`, `endDate`, `includedMetrics`) plus the dashboard's
 * `filters` tree and, for `exportType: "query"`, one `AnalyticsQuery` (which then carries its own range and
 * filters). Combinations that cannot mean anything are rejected with the path of the field at fault.
 */
export const ExportRequestSchema = z
  .strictObject({
    format: z.enum(EXPORT_FORMATS),
    exportType: z.enum(EXPORT_TYPES),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
    includedMetrics: z.array(metricId).min(1).max(QUERY_LIMITS.metrics).optional(),
    filters: FilterSchema.optional(),
    /** Time bucket of a `timeseries` export (default `auto`). */
    granularity: z.enum(GRANULARITIES).optional(),
    query: AnalyticsQuerySchema.optional(),
    /**
     * The download's base name (the server appends the extension); any characters: the download header
     * carries it as UTF-8 and an ASCII fallback. Default `llm-analytics-<type>-<from>_<to>`.
     */
    fileName: z
      .string()
      .min(1)
      .max(120)
      .refine((n) => /\S/.test(n), { message: 'fileName must not be blank' })
      .optional(),
  })
  .superRefine((r, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (r.exportType === 'query') {
      if (!r.query) issue('query', 'exportType "query" needs a query');
      for (const k of ['startDate', 'endDate', 'filters', 'includedMetrics', 'granularity'] as const)
        if (r[k] !== undefined) issue(k, `exportType "query" takes ${k} from its query`);
      return;
    }
    if (r.query) issue('query', 'query is only accepted with exportType "query"');
    if (r.startDate === undefined) issue('startDate', 'startDate is required');
    if (r.endDate === undefined) issue('endDate', 'endDate is required');
    if (r.startDate && r.endDate && boundMs(r.startDate, false) >= boundMs(r.endDate, true))
      issue('endDate', 'endDate must be after startDate');
    if (r.exportType === 'complete' && r.includedMetrics)
      issue('includedMetrics', 'a complete export holds raw rows, not metrics');
    if (r.granularity !== undefined && r.exportType !== 'timeseries')
      issue('granularity', 'granularity applies to timeseries exports');
    if ((r.format === 'report' || r.format === 'pdf') && r.exportType === 'complete')
      issue('exportType', 'a report cannot hold raw rows: use csv, json, jsonl or parquet');
  });

/** Epoch ms of a bound; a date-only end includes that day (as AnalyticsQuery's date ranges). */
function boundMs(value: string, end: boolean): number {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const ms = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  return dateOnly && end ? ms + 86_400_000 : ms;
}

export const ExportReplySchema = z
  .strictObject({
    success: z.literal(true),
    exportId: z.string(),
    downloadUrl: z.string(),
    fileName: z.string(),
    /** Bytes of the finished file; 0 while the export is queued or running. */
    fileSize: z.number().int().nonnegative(),
    expiresAt: z.string(),
    status: z.enum(EXPORT_STATUSES).optional(),
    rows: z.number().int().nonnegative().optional(),
  })
  .meta({ id: 'ExportReply' });

/** One export of the workspace, as `GET /api/analytics/exports` lists it and `GET …/exports/:id` polls it. */
export const ExportInfoSchema = z
  .strictObject({
    id: z.string(),
    status: z.enum(EXPORT_STATUSES),
    format: z.enum(EXPORT_FORMATS),
    exportType: z.enum(EXPORT_TYPES),
    /** 0..1: rows written of the rows counted up front (1 once done). */
    progress: z.number().min(0).max(1),
    /** Rows written (all tables); 0 until done. */
    rows: z.number().int().nonnegative(),
    /** Bytes of the file; 0 until done. */
    fileSize: z.number().int().nonnegative(),
    fileName: z.string(),
    /** Download it here once `status` is `done` (until `expiresAt`). */
    downloadUrl: z.string(),
    /** Who asked: a user's email or `key:<prefix>`. */
    requestedBy: z.string(),
    /** ISO times. */
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    expiresAt: z.string(),
    /** Why a failed export failed. */
    error: z.string().nullable(),
    /** The request as it was accepted. */
    request: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'ExportInfo' });

export const ExportListQuerySchema = z.strictObject({
  status: z.enum(EXPORT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ExportListSchema = z.strictObject({
  exports: z.array(ExportInfoSchema),
  /** Bytes of the workspace's unexpired files, and the quota they count against (null: no quota). */
  usedBytes: z.number().int().nonnegative(),
  quotaBytes: z.number().int().nonnegative().nullable(),
});

export const ExportValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string()),
]);
export const ExportColumnSchema = z.strictObject({
  name: z.string(),
  type: z.enum(EXPORT_COLUMN_TYPES),
  /** A metric column's unit (`usd`, `ms`, `percent`…), from the registry. */
  unit: z.string().optional(),
});

/** One table of an export: typed columns and positional rows (row[i] is columns[i]). */
export const ExportTableSchema = z.strictObject({
  name: z.string(),
  columns: z.array(ExportColumnSchema),
  rows: z.array(z.array(ExportValueSchema)),
});

export type ExportRequest = z.output<typeof ExportRequestSchema>;
export type ExportReply = z.output<typeof ExportReplySchema>;
export type ExportInfo = z.output<typeof ExportInfoSchema>;
export type ExportListQuery = z.output<typeof ExportListQuerySchema>;
export type ExportList = z.output<typeof ExportListSchema>;
export type ExportValue = z.output<typeof ExportValueSchema>;
export type ExportColumn = z.output<typeof ExportColumnSchema>;
export type ExportTable = z.output<typeof ExportTableSchema>;
