// Owns the narrowing helpers of a filter tree, apart from the zod schemas: readers in the dashboard's first
// bundle (which must not carry zod) use them too.
import type { Filter } from './AnalyticsQuery.ts';

/** Narrowing helpers: TypeScript does not narrow tuple unions on `f[0]` alone. */
export const isFilterGroup = (f: Filter): f is ['and' | 'or', Filter[]] => f[0] === 'and' || f[0] === 'or';
export const isFilterNot = (f: Filter): f is ['not', Filter] => f[0] === 'not';
