// Owns the compiler's input context and its result types: statements, their parameters and the reply meta.
import type { CatalogPrice, PriceBook } from '../pricing/PriceBook.ts';
import type { TimeBucket } from './AnalyticsQuery.ts';
import type { DialectName } from './dialect/SqlDialect.ts';
import type { MetricType, Unit } from './registry/types.ts';
import type { SqlValue } from './SqlParams.ts';
import type { TimeWindow } from './timeWindow.ts';

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
