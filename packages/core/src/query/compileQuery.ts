// Owns compiling an AnalyticsQuery into one parameterised SQL statement (plus its previous-period twin).

import type { CatalogPrice, PriceBook } from '../pricing/PriceBook.ts';
import { type AnalyticsQuery, QUERY_LIMITS, type TimeBucket } from './AnalyticsQuery.ts';
import { grainParts, type PartsInput, unpricedMessagesSql } from './buildParts.ts';
import { conjuncts, filterDims, filterGrains } from './compileFilter.ts';
import { contextBaseSql } from './contextBase.ts';
import { conversationRollupSql } from './conversationRollup.ts';
import { getDialect } from './dialect/getDialect.ts';
import type { DialectName } from './dialect/SqlDialect.ts';
import { MessageBaseSource } from './MessageBaseSource.ts';
import { parseQuery } from './parseQuery.ts';
import { bothPeriodsFrom, PERIOD_COLUMN, periodDimension, periodsShareStatement } from './periods.ts';
import { QueryError } from './QueryError.ts';
import { metricPartials, registry } from './registry/registry.ts';
import type {
  BaseColumn,
  DimensionDef,
  Grain,
  MetricDef,
  MetricType,
  PartialDef,
  SqlContext,
  Unit,
} from './registry/types.ts';
import { SqlParams, type SqlValue } from './SqlParams.ts';
import {
  bucketCount,
  pickBucket,
  previousWindow,
  resolveWindow,
  sqlTimestamp,
  type TimeWindow,
} from './timeWindow.ts';
import { workspaceScope } from './workspaceScope.ts';

export interface CompileContext {
  workspaceId: string;
  now: Date;
  dialect: DialectName;
  priceBook: PriceBook;
  slaThresholdMs: number;
  /** Catalog prices of the workspace's (provider, model_id) pairs, from `catalogPrices()`. */
  catalogPrices: CatalogPrice[];
  /** Extent of the stored data; lets `granularity: auto` pick a bucket for `date_range: "all"`. */
  dataSpan?: TimeWindow;
  /**
   * The workspace's integer key in the fact tables' `ws` column, when the store keeps one (DuckDB): fact rows
   * are then kept to the workspace by `ws = key`, which the engine settles per storage segment instead of
   * comparing a text id on every row. Without it they are kept by `workspace_id`.
   */
  workspaceKey?: number;
}

export interface CompiledStatement {
  sql: string;
  params: SqlValue[];
  window: TimeWindow | null;
}

export interface QueryMeta {
  metrics: { id: string; type: MetricType; unit: Unit }[];
  dimensions: string[];
  /** The bucket the `time` dimension used (resolved from `auto`); null without a time dimension. */
  time_bucket: TimeBucket | null;
  window: { from: string; to: string } | null;
  comparison_window?: { from: string; to: string };
  limit: number;
  /** True when cost metrics were asked for: result rows then carry `__unpriced`. */
  priced: boolean;
}

export interface CompiledQuery extends CompiledStatement {
  meta: QueryMeta;
  /** The previous period's own statement; absent when `periods` puts both periods in the main one. */
  comparison?: CompiledStatement;
  /** With `compare`: the main statement's rows hold both periods, told apart by `__period` (0 current, 1 previous). */
  periods?: true;
}

const isoWindow = (w: TimeWindow) => ({ from: w.from.toISOString(), to: w.to.toISOString() });

function collectPartials(metrics: MetricDef[]): Record<Grain, PartialDef[]> {
  const ids = new Set(metrics.flatMap(metricPartials));
  for (const id of [...ids]) for (const need of registry.partials.get(id)!.needs ?? []) ids.add(need);
  if ([...ids].some((id) => registry.partials.get(id)!.kind === 'priced')) {
    for (const id of ['unpriced', 'tok_msgs']) ids.add(id);
  }
  const out: Record<Grain, PartialDef[]> = { message: [], evaluation: [], tool: [] };
  for (const p of registry.partials.values()) if (ids.has(p.id)) out[p.grain].push(p);
  return out;
}

/**
 * One statement for `window`. With `split` (the current window's start), `window` spans both periods and each
 * row carries its period: one scan per grain instead of two statements (only for queries without dimensions).
 */
function compileStatement(
  q: AnalyticsQuery,
  ctx: CompileContext,
  window: TimeWindow | null,
  bucket: TimeBucket,
  limit: number,
  split?: Date,
): CompiledStatement {
  const params = new SqlParams();
  const dialect = getDialect(ctx.dialect);
  const scope = workspaceScope(params, ctx);
  // Lazily bound, so a statement never carries a parameter it does not use (PostgreSQL rejects those).
  let sla: string | undefined;
  let win: [string, string] | undefined;
  const x: SqlContext = {
    dialect,
    param: (v) => params.add(v),
    sla() {
      // An integral threshold compares as an integer: no per-row cast of latency_ms to double.
      const type = Number.isInteger(ctx.slaThresholdMs) ? 'INTEGER' : dialect.double;
      sla ??= `CAST(${params.add(ctx.slaThresholdMs)} AS ${type})`;
      return sla;
    },
    bucket,
    m: 'b',
    ...scope,
  };
  const windowSql = (column: string) => {
    if (!window) return '';
    win ??= [
      dialect.timestamp(params.add(sqlTimestamp(window.from))),
      dialect.timestamp(params.add(sqlTimestamp(window.to))),
    ];
    return `${column} >= ${win[0]} AND ${column} < ${win[1]}`;
  };

  const metrics = q.metrics.map((id) => registry.metrics.get(id)!);
  const dims = (q.dimensions ?? []).map((id) => registry.dimensions.get(id)!);
  const periodStart = split ? dialect.timestamp(params.add(sqlTimestamp(split))) : undefined;
  if (periodStart) dims.push(periodDimension(periodStart));
  const partials = collectPartials(metrics);
  const msgPriced = partials.message.filter((p) => p.kind === 'priced');

  const all = conjuncts(q.filters);
  const isPushed = (f: (typeof all)[number]) => {
    const g = filterGrains(f);
    return g.size === 1 && g.has('message');
  };
  const rest = all.filter((f) => !isPushed(f));

  // Columns every part reads from `b`; each part adds its own, so no part pays for another's joins.
  const common = new Set<BaseColumn>();
  for (const d of dims) {
    if (d.grain !== 'message') continue;
    for (const c of d.code ? [d.code] : (d.columns ?? [])) common.add(c);
  }
  for (const d of filterDims(q.filters)) {
    if (d.grain === 'message') for (const c of d.columns ?? []) common.add(c);
  }
  if (rest.length > 0 || dims.some((d) => d.grain !== 'message')) common.add('id');
  const base = new MessageBaseSource(common, (columns) =>
    contextBaseSql('message', { columns, x, window: windowSql }),
  );
  const baseFrom = base.from;
  const factFrom = (grain: Exclude<Grain, 'message'>, own: BaseColumn[], unnestTags: boolean) =>
    contextBaseSql(grain, { columns: new Set([...common, ...own]), x, window: windowSql }, unnestTags);
  const pushed = all.filter(isPushed);

  const partIds: string[] = [];
  const allPartials = [...partials.message, ...partials.evaluation, ...partials.tool].map((p) => p.id);
  const inp: PartsInput = {
    x,
    baseFrom,
    factFrom,
    dims,
    allPartials,
    pushed,
    rest,
    priceBook: ctx.priceBook,
    catalog: ctx.catalogPrices,
    periodStart,
  };
  const rollup = conversationRollupSql({
    metrics,
    dims,
    filters: all,
    filterDims: filterDims(q.filters),
    x,
    window: windowSql,
  });
  const parts = rollup ? [rollup] : grainParts(partials, inp);
  partIds.push(...allPartials);

  // Parts cover the same dimension values at most once each, so max() merges them without double counting.
  const merged =
    parts.length === 1
      ? parts[0]
      : `SELECT ${[...dims.map((d) => `d_${d.id}`), ...partIds.map((id) => `max(p_${id}) AS p_${id}`)].join(', ')} FROM (${parts.join(' UNION ALL ')}) u${dims.length ? ` GROUP BY ${dims.map((_, i) => i + 1).join(', ')}` : ''}`;

  // Coded dimensions come out of the parts as value codes; their text joins on the result's few rows.
  const outputOf = (d: DimensionDef) =>
    d.code ? `v_${d.id}.value` : d.id === PERIOD_COLUMN ? `pp.d_${d.id}` : `r.d_${d.id}`;
  const decode = dims
    .filter((d) => d.code)
    .map(
      (d) =>
        ` LEFT JOIN value_codes v_${d.id} ON v_${d.id}.workspace_id = ${scope.workspace()} AND v_${d.id}.code = r.d_${d.id}`,
    )
    .join('');
  const select = [
    ...dims.map((d) => `${d.type === 'time' ? dialect.isoText(`r.d_${d.id}`) : outputOf(d)} AS "${d.id}"`),
    ...metrics.map((m) => {
      const expr = m.sql.replace(/\{(\w+)\}/g, (_, id: string) => `r.p_${id}`);
      return `${m.empty === 0 ? `COALESCE(${expr}, 0)` : expr} AS "${m.id}"`;
    }),
  ];
  if (msgPriced.length > 0) {
    // Each message sits in one group unless a dimension of another grain spreads it over several.
    const spread = dims.some((d) => d.grain !== 'message');
    select.push(
      spread
        ? `CAST((${unpricedMessagesSql(inp)}) AS ${dialect.double}) AS "__unpriced"`
        : `COALESCE(sum(r.p_unpriced) OVER (${split ? `PARTITION BY pp.d_${PERIOD_COLUMN}` : ''}), 0) AS "__unpriced"`,
    );
  }

  const dimOrder = (d: DimensionDef, dir: 'asc' | 'desc') =>
    `${d.orderSql ? d.orderSql(outputOf(d)) : outputOf(d)} ${dir.toUpperCase()} NULLS LAST`;
  const order: string[] = [];
  const ordered = new Set<string>();
  const requested = q.order_by ?? [];
  const defaults: [string, 'asc' | 'desc'][] = [
    ...dims.filter((d) => d.type === 'time').map((d): [string, 'asc'] => [d.id, 'asc']),
    [metrics[0].id, 'desc'],
  ];
  for (const [field, dir] of [
    ...requested,
    ...(requested.length ? [] : defaults),
    ...dims.map((d): [string, 'asc'] => [d.id, 'asc']),
  ]) {
    if (ordered.has(field)) continue;
    ordered.add(field);
    const dim = dims.find((d) => d.id === field);
    order.push(dim ? dimOrder(dim, dir) : `"${field}" ${dir.toUpperCase()} NULLS LAST`);
  }
  // One row more than the limit tells the reply whether rows were cut off.
  const from = split ? bothPeriodsFrom(merged) : `(${merged}) r`;
  const sql = base.finish(
    `SELECT ${select.join(', ')} FROM ${from}${decode} ORDER BY ${order.join(', ')} LIMIT ${limit + 1}`,
  );
  return { sql, params: params.values, window };
}

/**
 * Compiles a query for one workspace. Validates again (so callers cannot skip parseQuery), resolves the
 * window against `ctx.now`, and with `compare` also compiles the same query over the previous window.
 */
export function compileQuery(input: AnalyticsQuery, ctx: CompileContext): CompiledQuery {
  const q = parseQuery(input);
  const window = resolveWindow(q.date_range, ctx.now);
  const hasTime = (q.dimensions ?? []).includes('time');
  const bucket = pickBucket(q.granularity, window, ctx.dataSpan);
  const span = window ?? ctx.dataSpan;
  if (hasTime && span && bucketCount(span, bucket) > QUERY_LIMITS.timeBuckets) {
    throw new QueryError(
      'too_many_groups',
      `${bucket} buckets over this date range exceed ${QUERY_LIMITS.timeBuckets} points; choose a coarser granularity`,
      'granularity',
    );
  }
  const limit = q.limit ?? QUERY_LIMITS.maxRows;
  const prev = q.compare && window ? previousWindow(window) : undefined;
  const together = prev && window && periodsShareStatement(q, filterDims(q.filters));
  const main = together
    ? {
        ...compileStatement(q, ctx, { from: prev.from, to: window.to }, bucket, limit, window.from),
        window,
      }
    : compileStatement(q, ctx, window, bucket, limit);
  const meta: QueryMeta = {
    metrics: q.metrics.map((id) => {
      const m = registry.metrics.get(id)!;
      return { id, type: m.type, unit: m.unit };
    }),
    dimensions: q.dimensions ?? [],
    time_bucket: hasTime ? bucket : null,
    window: window ? isoWindow(window) : null,
    ...(prev ? { comparison_window: isoWindow(prev) } : {}),
    limit,
    priced: main.sql.includes('"__unpriced"'),
  };
  if (together) return { ...main, meta, periods: true };
  return { ...main, meta, ...(prev ? { comparison: compileStatement(q, ctx, prev, bucket, limit) } : {}) };
}
