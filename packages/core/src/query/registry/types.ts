// Owns the shape of registry entries: metrics, the partial aggregates they are built from, and dimensions.
import type { TimeBucket } from '../AnalyticsQuery.ts';
import type { SqlDialect } from '../dialect/SqlDialect.ts';
import type { BaseColumn } from './baseColumns.ts';

/**
 * The row a metric aggregates over. Message metrics aggregate filtered messages (alias `b`); evaluation
 * metrics aggregate evaluations (alias `e`) joined to those messages; tool metrics aggregate tool calls
 * (alias `t`) joined to them. Keeping the grains apart is what prevents join fan-out.
 */
export type Grain = 'message' | 'evaluation' | 'tool';

/** Columns the filtered-message row `b` can carry (derived from the catalogue in baseColumns.ts). */
export type { BaseColumn };

/** What registry SQL may use besides column names: the dialect, bound parameters and the time bucket. */
export interface SqlContext {
  dialect: SqlDialect;
  /** Binds a value and returns its placeholder. */
  param(value: string | number | boolean | null): string;
  /** Placeholder of the workspace's SLA threshold (ms), bound on first use. */
  sla(): string;
  /** Placeholder of the workspace id (for the small per-workspace tables: models, value_codes), bound on first use. */
  workspace(): string;
  /** Predicate keeping the rows of a fact table (messages, evaluations, tool_calls) aliased `alias` to the workspace. */
  facts(alias: string): string;
  bucket: TimeBucket;
  /** Alias of the row carrying message columns in the current part: `b` for messages; evaluations and tool
   *  calls carry their message's context themselves (`e`, `t`). Message-level dimensions read through it. */
  m: string;
}

/**
 * One aggregate computed in SQL. Additive partials (counts and sums) can be summed across sub-groups,
 * which lets cost be priced on (model, provider) sub-groups instead of per row. Priced partials are
 * computed from additive ones after the price join; holistic ones (distinct counts, percentiles) cannot be
 * re-summed and are computed straight from rows.
 */
export interface PartialDef {
  id: string;
  grain: Grain;
  kind: 'additive' | 'holistic' | 'priced';
  /** For additive/holistic: an aggregate over rows. For priced: an aggregate over sub-groups `g`. */
  sql: (x: SqlContext & { priceIn: string; priceOut: string }) => string;
  columns?: BaseColumn[];
  /** Holistic distinct counts: a two-period statement counts them per window (`perPeriodPart`). */
  distinct?: true;
  /** Holistic percentiles: the fraction and the (integer) column, for the histogram form (`histogramPart`). */
  percentile?: { fraction: number; column: BaseColumn };
  /** Priced partials: the additive partials they read from `g`. */
  needs?: string[];
}

export const METRIC_TYPES = ['count', 'sum', 'average', 'percentile', 'rate', 'ratio'] as const;
export type MetricType = (typeof METRIC_TYPES)[number];
export const UNITS = [
  'messages',
  'conversations',
  'users',
  'evaluators',
  'tokens',
  'usd',
  'ms',
  'percent',
  'evaluations',
  'tool_calls',
  'rating',
  'messages_per_conversation',
  'none',
] as const;
export type Unit = (typeof UNITS)[number];

export interface MetricDef {
  id: string;
  grain: Grain;
  /** Expression over partials written as `{partial_id}`; evaluated once per result row. */
  sql: string;
  type: MetricType;
  unit: Unit;
  description: string;
  /** A longer explanation for docs/metrics.md (how the definition relates to the seed's, edge cases). */
  notes?: string;
  /** Value when the group has no rows of this metric's grain: counts are 0, averages and rates null. */
  empty: 0 | null;
  /**
   * Which way is better, for experiment verdicts (lower latency, cost and error rate are better); absent when
   * neither is (volumes such as `messages`), and such a metric cannot be an experiment's metric.
   */
  direction?: 'higher' | 'lower';
  /**
   * Rates, ratios and averages: the count metric this one divides by (`error_rate` per `messages`). Experiments
   * get both per conversation (or user) and compare Σnumerator/Σdenominator with cluster-robust variances.
   */
  per?: string;
}

export type DimensionType = 'string' | 'number' | 'boolean' | 'time' | 'bucket';

export interface DimensionDef {
  id: string;
  grain: Grain;
  /** Value expression on its grain's row (`b`, `e`, `t`; `e.tag` for an unnested tag). */
  sql: (x: SqlContext) => string;
  columns?: BaseColumn[];
  /** Coded dimensions group on this integer column (a value code) and turn codes into values at the end. */
  code?: BaseColumn;
  type: DimensionType;
  unit: Unit;
  description: string;
  /** False for filter-only fields such as `success`. */
  groupable: boolean;
  /** Multi-valued dimensions: the array column; grouping unnests it into `e.tag`. */
  array?: string;
  /** Raw numeric/time value that gte/lte compare against (bucketed dimensions compare the raw value). */
  rangeSql?: (x: SqlContext) => string;
  /** A value of the message row only (a measure such as latency_ms): no evaluation or tool metric can use it. */
  messageMetricsOnly?: true;
  /** Sort key of an output value, for bucket labels that do not sort as text. */
  orderSql?: (outputColumn: string) => string;
  /**
   * Set dimensions (cohorts): a row belongs to every set whose membership table lists its `key`. A filter leaf
   * is a semi-join `key IN (members of the sets)`, so a row in several sets passes once; grouping reads
   * `columns` (the set id, joined per membership: a row counts once in each of its sets).
   */
  membership?: Membership;
}

export interface Membership {
  /** The row's column matched against the members (eq/in/neq/not_in only). */
  key: BaseColumn;
  table: string;
  setColumn: string;
  memberColumn: string;
}

export interface RegistrySubject {
  /** The declaring module's `import.meta.url`: docs/metrics.md links each id to its file. */
  module: string;
  partials: PartialDef[];
  metrics: MetricDef[];
  dimensions: DimensionDef[];
}
