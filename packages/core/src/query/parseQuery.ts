// Owns validation of an incoming AnalyticsQuery: shape (zod) then meaning (registry), each failure a coded QueryError.
import type { z } from 'zod';
import {
  type AnalyticsQuery,
  AnalyticsQuerySchema,
  type Filter,
  type FilterLeaf,
  type FilterValue,
  isFilterGroup,
  isFilterNot,
  QUERY_LIMITS,
} from './AnalyticsQuery.ts';
import { QueryError, type QueryErrorCode } from './QueryError.ts';
import { registry } from './registry/registry.ts';
import type { DimensionDef } from './registry/types.ts';
import { resolveWindow } from './timeWindow.ts';

function zodPath(path: PropertyKey[]): string {
  return path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    '',
  );
}

function fromZod(error: z.ZodError): QueryError {
  const issue = error.issues[0];
  const head = issue?.path[0];
  const code: QueryErrorCode =
    head === 'filters' ? 'invalid_filter' : head === 'date_range' ? 'invalid_date_range' : 'invalid_query';
  const path = issue ? zodPath(issue.path) : '';
  return new QueryError(code, `${path || 'query'}: ${issue?.message ?? 'invalid query'}`, path);
}

const SINGLE_VALUE_OPS = new Set(['eq', 'neq', 'contains', 'gte', 'lte']);

function checkLeaf(leaf: FilterLeaf, path: string): FilterLeaf {
  const [op, dimId, raw] = leaf;
  const dim: DimensionDef | undefined = registry.dimensions.get(dimId);
  if (!dim) throw new QueryError('unknown_dimension', `unknown filter dimension "${dimId}"`, `${path}[1]`);
  const values: FilterValue[] = Array.isArray(raw) ? raw : [raw];
  const bad = (why: string) => new QueryError('invalid_filter', `filter on "${dimId}": ${why}`, path);
  if (SINGLE_VALUE_OPS.has(op) && values.length !== 1) throw bad(`${op} takes exactly one value`);
  if (op === 'gte' || op === 'lte') {
    if (dim.type === 'time') {
      if (!values.every((v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)))) {
        throw bad(`${op} takes an ISO-8601 timestamp`);
      }
      return [op, dimId, values];
    }
    if (dim.type !== 'number' && dim.type !== 'bucket') throw bad(`${op} needs a numeric or time dimension`);
    if (!values.every((v) => typeof v === 'number')) throw bad(`${op} takes a number`);
    return [op, dimId, values];
  }
  if (dim.type === 'time') throw bad('time filters take gte/lte');
  if (dim.membership && op === 'contains') throw bad('set filters take eq, neq, in or not_in');
  if (op === 'contains') {
    if (dim.type !== 'string') throw bad('contains needs a text dimension');
    if (typeof values[0] !== 'string') throw bad('contains takes a string');
    return [op, dimId, values];
  }
  if (dim.type === 'boolean') {
    const bools = values.map((v) => (v === 'true' ? true : v === 'false' ? false : v));
    if (!bools.every((v) => typeof v === 'boolean')) throw bad('values must be true or false');
    return [op, dimId, bools];
  }
  if (dim.type === 'number') {
    if (!values.every((v) => typeof v === 'number')) throw bad('values must be numbers');
    return [op, dimId, values];
  }
  // Text and bucket dimensions compare as text; numbers are accepted and compared by their text.
  if (!values.every((v) => typeof v === 'string' || typeof v === 'number'))
    throw bad('values must be strings');
  return [op, dimId, values.map(String)];
}

/** Recursion is safe here: FilterSchema has bounded the tree's depth (QUERY_LIMITS.filterDepth). */
function checkFilter(f: Filter, path: string, leaves: { n: number }): Filter {
  if (isFilterGroup(f)) return [f[0], f[1].map((c, i) => checkFilter(c, `${path}[1][${i}]`, leaves))];
  if (isFilterNot(f)) return ['not', checkFilter(f[1], `${path}[1]`, leaves)];
  leaves.n += 1;
  if (leaves.n > QUERY_LIMITS.filterLeaves) {
    throw new QueryError(
      'invalid_filter',
      `filters hold more than ${QUERY_LIMITS.filterLeaves} conditions`,
      path,
    );
  }
  return checkLeaf(f, path);
}

/** Queries parseQuery returned: frozen, so they are still what was validated when compileQuery sees them. */
const validated = new WeakSet<AnalyticsQuery>();

/** Freezes a parsed query's objects and arrays; depth is bounded by the schema (QUERY_LIMITS.filterDepth). */
function freeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) freeze(v);
    Object.freeze(value);
  }
  return value;
}

/** True when `q` is a query parseQuery returned, so compiling it needs no second validation. */
export const isParsedQuery = (q: AnalyticsQuery): boolean => validated.has(q);

/** Filter leaves' dimension ids with their paths. */
function leafDimensions(f: Filter, path: string, out: [string, string][]): [string, string][] {
  if (isFilterGroup(f)) {
    for (const [i, c] of f[1].entries()) leafDimensions(c, `${path}[1][${i}]`, out);
  } else if (isFilterNot(f)) leafDimensions(f[1], `${path}[1]`, out);
  else out.push([f[1], `${path}[1]`]);
  return out;
}

/**
 * Parses and validates a query; throws QueryError with a stable code on any problem. The result is frozen.
 * `maxRows` raises the row limit for the server's own readers (experiments take one row per conversation);
 * requests keep QUERY_LIMITS.maxRows.
 */
export function parseQuery(input: unknown, opts: { maxRows?: number } = {}): AnalyticsQuery {
  const maxRows = opts.maxRows ?? QUERY_LIMITS.maxRows;
  const parsed = AnalyticsQuerySchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const q = parsed.data;

  if (q.metrics.length > QUERY_LIMITS.metrics) {
    throw new QueryError('invalid_query', `at most ${QUERY_LIMITS.metrics} metrics per query`, 'metrics');
  }
  q.metrics.forEach((id, i) => {
    if (!registry.metrics.has(id))
      throw new QueryError('unknown_metric', `unknown metric "${id}"`, `metrics[${i}]`);
  });
  if (new Set(q.metrics).size !== q.metrics.length) {
    throw new QueryError('invalid_query', 'metrics are listed more than once', 'metrics');
  }

  const dims = q.dimensions ?? [];
  dims.forEach((id, i) => {
    const dim = registry.dimensions.get(id);
    if (!dim) throw new QueryError('unknown_dimension', `unknown dimension "${id}"`, `dimensions[${i}]`);
    if (!dim.groupable) {
      throw new QueryError(
        'unknown_dimension',
        `"${id}" can be filtered on but not grouped by`,
        `dimensions[${i}]`,
      );
    }
  });
  if (new Set(dims).size !== dims.length) {
    throw new QueryError('invalid_query', 'dimensions are listed more than once', 'dimensions');
  }
  if (dims.length > QUERY_LIMITS.dimensions) {
    throw new QueryError(
      'too_many_groups',
      `at most ${QUERY_LIMITS.dimensions} dimensions per query`,
      'dimensions',
    );
  }

  const filters = q.filters ? checkFilter(q.filters, 'filters', { n: 0 }) : undefined;

  resolveWindow(q.date_range, new Date(0)); // checks from < to; relative ranges need no "now" to validate
  if (q.compare && q.date_range === 'all') {
    throw new QueryError('invalid_date_range', 'compare needs a bounded date_range, not "all"', 'compare');
  }

  const fields = new Set([...q.metrics, ...dims]);
  q.order_by?.forEach(([field], i) => {
    if (!fields.has(field)) {
      throw new QueryError(
        'invalid_query',
        `order_by "${field}" is not a requested metric or dimension`,
        `order_by[${i}]`,
      );
    }
  });
  if (q.limit !== undefined && q.limit > maxRows) {
    throw new QueryError('too_many_groups', `limit is at most ${maxRows}`, 'limit');
  }
  const other = q.metrics.find((id) => registry.metrics.get(id)?.grain !== 'message');
  if (other !== undefined) {
    const used: [string, string][] = dims.map((id, i) => [id, `dimensions[${i}]`]);
    if (filters) leafDimensions(filters, 'filters', used);
    for (const [id, path] of used)
      if (registry.dimensions.get(id)?.messageMetricsOnly)
        throw new QueryError(
          'invalid_query',
          `"${id}" is a message value that only message metrics can use, not "${other}"`,
          path,
        );
  }
  const out = freeze({ ...q, ...(filters ? { filters } : {}) });
  validated.add(out);
  return out;
}
