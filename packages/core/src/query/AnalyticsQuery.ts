// Owns the wire shape of one analytics query: the zod schema and its TypeScript types.
import { z } from 'zod';
import { filterDepthProblem } from './filterDepthProblem.ts';

export const FILTER_OPS = ['eq', 'neq', 'in', 'not_in', 'contains', 'gte', 'lte'] as const;
export const GRANULARITIES = ['auto', 'hour', 'day', 'week', 'month'] as const;
export const RELATIVE_RANGES = ['7d', '30d', '90d', 'all'] as const;

/** Hard bounds, so one request cannot ask the store for an unbounded amount of work. */
export const QUERY_LIMITS = {
  metrics: 30,
  dimensions: 4,
  /** Levels of a filter tree, the leaf included: `["not", leaf]` is 2. Checked before the schema recurses. */
  filterDepth: 8,
  filterLeaves: 64,
  valuesPerLeaf: 1000,
  valueLength: 1000,
  maxRows: 10_000,
  timeBuckets: 2000,
} as const;

export type FilterOp = (typeof FILTER_OPS)[number];
export type FilterValue = string | number | boolean;
export type Granularity = (typeof GRANULARITIES)[number];
export type TimeBucket = Exclude<Granularity, 'auto'>;

export type FilterLeaf = [FilterOp, string, FilterValue | FilterValue[]];
export type Filter = FilterLeaf | ['and' | 'or', Filter[]] | ['not', Filter];

const filterValue = z.union([z.string().max(QUERY_LIMITS.valueLength), z.number().finite(), z.boolean()]);

const leafSchema = z.tuple([
  z.enum(FILTER_OPS),
  z.string().min(1).max(64),
  z.union([filterValue, z.array(filterValue).min(1).max(QUERY_LIMITS.valuesPerLeaf)]),
]);

const filterNodeSchema: z.ZodType<Filter> = z.lazy(() =>
  z.union([
    leafSchema,
    z.tuple([z.enum(['and', 'or']), z.array(filterNodeSchema).min(1).max(QUERY_LIMITS.filterLeaves)]),
    z.tuple([z.literal('not'), filterNodeSchema]),
  ]),
);

export const FILTER_TOO_DEEP = `filter trees nest at most ${QUERY_LIMITS.filterDepth} levels deep`;

/** A filter tree. The recursive schema runs only on trees already bounded in depth by loops, so no shape of
 *  JSON, however deep, can overflow the stack; a tree too deep is one issue at its first node past the limit. */
export const FilterSchema: z.ZodType<Filter> = z
  .unknown()
  .superRefine((value, ctx) => {
    const path = filterDepthProblem(value, QUERY_LIMITS.filterDepth);
    if (path) ctx.addIssue({ code: 'custom', message: FILTER_TOO_DEEP, path });
  })
  .pipe(filterNodeSchema);

const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());

export const DateRangeSchema = z.union([
  z.enum(RELATIVE_RANGES),
  z.strictObject({ from: isoDate, to: isoDate }),
]);

export const AnalyticsQuerySchema = z.strictObject({
  metrics: z.array(z.string().min(1).max(64)).min(1),
  dimensions: z.array(z.string().min(1).max(64)).optional(),
  filters: FilterSchema.optional(),
  date_range: DateRangeSchema,
  granularity: z.enum(GRANULARITIES).optional(),
  compare: z.literal('previous_period').optional(),
  order_by: z
    .array(z.tuple([z.string().min(1).max(64), z.enum(['asc', 'desc'])]))
    .max(8)
    .optional(),
  limit: z.number().int().positive().optional(),
});

export type DateRange = z.output<typeof DateRangeSchema>;
export type AnalyticsQuery = z.output<typeof AnalyticsQuerySchema>;

export { isFilterGroup, isFilterNot } from './filterShape.ts';
