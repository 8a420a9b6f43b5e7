// Owns the few places where DuckDB and PostgreSQL SQL differ; metric and dimension SQL is written once above it.
import type { LogicalType } from '../../catalogue/TableDef.ts';
import type { TimeBucket } from '../AnalyticsQuery.ts';

export type DialectName = 'duckdb' | 'postgres';

export interface SqlDialect {
  readonly name: DialectName;
  /** The floating type every aggregate is cast to, so no engine hands back bigint/numeric. */
  readonly double: string;
  /** Start of the UTC bucket holding `expr` (a TIMESTAMP stored in UTC). Weeks start on Monday in both engines. */
  dateTrunc(bucket: TimeBucket, expr: string): string;
  /** A bucket start rendered as ISO-8601 text (`2025-01-31T00:00:00Z`), identical across engines. */
  isoText(expr: string): string;
  /** A bound parameter typed as TIMESTAMP. */
  timestamp(param: string): string;
  /**
   * The `index`-th (0-based) of the exact linear-interpolated percentiles (percentile_cont) of `expr` at
   * `fractions` (registry constants). Callers pass the same list, so every percentile of one expression in a
   * statement is one identical aggregate call, which both engines compute once: one sort, not one per metric.
   */
  percentile(fractions: readonly number[], index: number, expr: string): string;
  /** How many rows of the group satisfy `cond` (NULL counts as false): an integer, 0 when none do. */
  countIf(cond: string): string;
  /** True when the text array `arrayExpr` shares an element with the bound `params`. */
  arrayOverlaps(arrayExpr: string, params: string[]): string;
  /**
   * True for the rows of `table` aliased `alias` that `scope(alias)` keeps (e.g. to a workspace) and whose text
   * `column` is an element of the bound text array `param`.
   */
  keyIn(
    table: string,
    alias: string,
    scope: (alias: string) => string,
    column: string,
    param: string,
  ): string;
  /** True when some element of the text array `arrayExpr` contains the bound text `param` (case-insensitive). */
  arrayAnyContains(arrayExpr: string, param: string): string;
  /**
   * A set-returning select item: one row per element of the bound JSON array of strings `param`. Writes many
   * values with one parameter (a cohort's 100k members) instead of a placeholder each.
   */
  jsonTextElements(param: string): string;
  /** Text value of the top-level key `keyParam` (a bound parameter) of the JSON column `expr`. */
  jsonText(expr: string, keyParam: string): string;
  /** The column type of a catalogue type in DDL and casts. */
  columnType(type: LogicalType): string;
  /** The storage clause of a column's compression hint ('' where the engine has none). */
  compression(kind: 'dictionary'): string;
  /**
   * What ends the SELECT that picks a row to claim: `FOR UPDATE SKIP LOCKED` where several processes claim
   * at once (PostgreSQL); '' on DuckDB, which has no row locks and one process, its claims run alone.
   */
  readonly skipLocked: string;
  /** Whether the schema has indexes (DuckDB keeps none: its WAL replay failed after kill -9 on index entries). */
  readonly indexes: boolean;
}
