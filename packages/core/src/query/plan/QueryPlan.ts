// Owns the shape of a compiled query's plan: which statements run and, per statement, which strategy computes
// each part. Dialect-free and JSON-printable (ids, not registry objects): `explain` shows it as is.
import type { Filter, TimeBucket } from '../AnalyticsQuery.ts';
import type { BaseColumn, Grain } from '../registry/types.ts';
import type { TimeWindow } from '../timeWindow.ts';

/**
 * One aggregate subquery of a statement, by strategy:
 * - `priced`: message additive partials summed per (dimensions, model, provider), priced on those few rows;
 *   `lateDimensions` (model attributes) are looked up on the grouped rows instead of joined per message.
 * - `direct`: partials aggregated straight from rows of `grain`.
 * - `per-period`: a two-period statement's distinct counts / percentiles, one ungrouped select per window.
 * - `histogram`: exact percentiles from a value → count histogram (statements without dimensions).
 */
export type PartPlan =
  | { kind: 'priced'; additive: string[]; priced: string[]; lateDimensions: string[] }
  | { kind: 'direct'; grain: Grain; partials: string[] }
  | { kind: 'per-period'; partials: string[] }
  | { kind: 'histogram'; partials: string[] };

export interface StatementPlan {
  /** The window the statement scans: both periods' span for a two-period statement. */
  window: TimeWindow | null;
  /** Two-period statement: the current window's start, where rows switch from period 1 to period 0. */
  split?: Date;
  metrics: string[];
  dimensions: string[];
  /**
   * `rollup`: conversations by conversation length from one aggregate per conversation (one part, no partials
   * besides `conv`); `parts`: the `parts` below, merged on the dimension values.
   */
  source: 'rollup' | 'parts';
  parts: PartPlan[];
  /** Every partial column of the merged parts, in output order. */
  partials: string[];
  /**
   * The filter's top-level conjuncts: `pushed` ones read only message columns, valid in every part (on `b` or
   * on the carried context of `e` / `t`); `per-part` ones touch evaluations or tool calls and are placed per
   * part (in a bridge or as a semi-join).
   */
  filters: { conjunct: Filter; placement: 'pushed' | 'per-part' }[];
  /** Columns every message part reads from the filtered-message row `b`. */
  baseColumns: BaseColumn[];
  /** `shared`: the message row source is one MATERIALIZED CTE (it joins conversation lengths and several parts read it). */
  base: 'inline' | 'shared';
  /**
   * How the reply's unpriced-message count is computed: `window` sums the priced part's per-group counts (each
   * message in one group), `distinct` counts distinct messages (a dimension of another grain spreads them);
   * null without priced partials.
   */
  unpriced: 'window' | 'distinct' | null;
  /** ORDER BY of the result: requested fields (or the defaults), then every dimension ascending. */
  order: [field: string, direction: 'asc' | 'desc'][];
}

export interface QueryPlan {
  window: TimeWindow | null;
  /** The bucket time values truncate to (resolved from `auto`). */
  bucket: TimeBucket;
  limit: number;
  /**
   * With `compare`: the previous window, and whether both periods share the main statement (`one-statement`,
   * rows told apart by `__period`) or the previous one has its own (`own-statement`).
   */
  comparison: { window: TimeWindow; form: 'one-statement' | 'own-statement' } | null;
  main: StatementPlan;
  previous?: StatementPlan;
}
