// Owns the single-statement form of `compare: "previous_period"`: one scan per grain over both windows, each
// row told its period by a hidden dimension, instead of a second statement for the previous window.
import type { AnalyticsQuery } from './AnalyticsQuery.ts';
import type { DimensionDef } from './registry/types.ts';

/** Column telling the two periods apart in a statement that holds both (see `CompiledQuery.periods`). */
export const PERIOD_COLUMN = '__period';

/**
 * Whether both periods fit one statement: only without dimensions (so a period's rows are its one row and
 * `limit` cannot cut across periods), and not with conversation length, which is counted per window.
 */
export function periodsShareStatement(q: AnalyticsQuery, filterDims: DimensionDef[]): boolean {
  return !q.dimensions?.length && !filterDims.some((d) => d.id === 'conversation_length');
}

/** The hidden dimension of a two-period statement: 0 for rows of the current window, 1 for the previous. */
export function periodDimension(splitSql: string): DimensionDef {
  return {
    id: PERIOD_COLUMN,
    grain: 'message',
    sql: (x) => `CASE WHEN ${x.m}.created_at >= ${splitSql} THEN 0 ELSE 1 END`,
    columns: ['created_at'],
    type: 'number',
    unit: 'none',
    description: 'The period a row of a two-period statement belongs to.',
    groupable: true,
  };
}

/** The FROM of a two-period statement's outer select: both periods always answer, as a query without
 *  dimensions always returns its one row, even when a period has no data. */
export const bothPeriodsFrom = (merged: string): string =>
  `(VALUES (0), (1)) pp(d_${PERIOD_COLUMN}) LEFT JOIN (${merged}) r ON r.d_${PERIOD_COLUMN} = pp.d_${PERIOD_COLUMN}`;
