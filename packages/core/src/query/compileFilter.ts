// Owns turning a filter tree into a SQL predicate for one row grain, with NOT pushed down to null-safe leaves.
import {
  type Filter,
  type FilterLeaf,
  type FilterValue,
  isFilterGroup,
  isFilterNot,
} from './AnalyticsQuery.ts';
import { registry } from './registry/registry.ts';
import type { DimensionDef, Grain, SqlContext } from './registry/types.ts';
import { sqlTimestamp } from './timeWindow.ts';

/** Where a predicate is evaluated: the row grain of the surrounding query and whether tags are unnested into `e.tag`. */
export interface FilterScope {
  grain: Grain;
  unnested: boolean;
  x: SqlContext;
}

/** The dimensions a filter tree reads, one entry per leaf. A set dimension's leaf reads only its key column
 *  (the semi-join brings the membership), so it is given with that column. */
export function filterDims(f: Filter | undefined): DimensionDef[] {
  if (!f) return [];
  if (isFilterGroup(f)) return f[1].flatMap(filterDims);
  if (isFilterNot(f)) return filterDims(f[1]);
  const dim = registry.dimensions.get(f[1])!;
  return [dim.membership ? { ...dim, columns: [dim.membership.key] } : dim];
}

const GRAIN_TABLE: Record<Exclude<Grain, 'message'>, { table: string; alias: string }> = {
  evaluation: { table: 'evaluations', alias: 'e' },
  tool: { table: 'tool_calls', alias: 't' },
};
const MESSAGE_ID: Record<Grain, string> = {
  message: 'b.id',
  evaluation: 'e.message_id',
  tool: 't.message_id',
};

/** The grains a filter's leaves live on ('message' covers conversation and model columns). */
export function filterGrains(f: Filter): Set<Grain> {
  if (isFilterGroup(f)) return new Set(f[1].flatMap((c) => [...filterGrains(c)]));
  if (isFilterNot(f)) return filterGrains(f[1]);
  return new Set([registry.dimensions.get(f[1])!.grain]);
}

/** Top-level AND conjuncts, so each can be placed (pushed into the message scan, a bridge, or a part) alone. */
export function conjuncts(f: Filter | undefined): Filter[] {
  if (!f) return [];
  return isFilterGroup(f) && f[0] === 'and' ? f[1].flatMap(conjuncts) : [f];
}

function typedParam(dim: DimensionDef, value: FilterValue, s: FilterScope): string {
  const { x } = s;
  if (dim.type === 'time') return x.dialect.timestamp(x.param(sqlTimestamp(new Date(String(value)))));
  if (dim.type === 'boolean') return `CAST(${x.param(value)} AS BOOLEAN)`;
  if (typeof value === 'number') return `CAST(${x.param(value)} AS ${x.dialect.double})`;
  return `CAST(${x.param(String(value))} AS VARCHAR)`;
}

function containsSql(expr: string, param: string): string {
  return `strpos(lower(${expr}), lower(${param})) > 0`;
}

function arrayLeaf(dim: DimensionDef, leaf: FilterLeaf, negate: boolean, s: FilterScope): string {
  const [op, , raw] = leaf;
  const values = Array.isArray(raw) ? raw : [raw];
  const arr = dim.array!;
  if (op === 'contains') {
    // A NULL tag list yields NULL in DuckDB; NOT NULL would drop the row that `not contains` must keep.
    const any = `COALESCE(${s.x.dialect.arrayAnyContains(arr, typedParam(dim, values[0], s))}, FALSE)`;
    return negate ? `NOT ${any}` : any;
  }
  const overlaps = s.x.dialect.arrayOverlaps(
    arr,
    values.map((v) => s.x.param(String(v))),
  );
  const positive = (op === 'eq' || op === 'in') !== negate;
  return positive ? overlaps : `NOT COALESCE(${overlaps}, FALSE)`;
}

/**
 * A leaf on a set dimension: the row's key among the members of the listed sets, as a semi-join (a row in
 * several sets passes once). Negated, rows without a key (no user) pass, as NOT model = x keeps no model.
 */
function membershipLeaf(dim: DimensionDef, leaf: FilterLeaf, negate: boolean, s: FilterScope): string {
  const { key, table, setColumn, memberColumn } = dim.membership!;
  const [op, , raw] = leaf;
  const values = Array.isArray(raw) ? raw : [raw];
  const ids = values.map((v) => `CAST(${s.x.param(String(v))} AS VARCHAR)`).join(', ');
  const k = `${s.x.m}.${key}`;
  const members = `SELECT ms.${memberColumn} FROM ${table} ms WHERE ms.workspace_id = ${s.x.workspace()} AND ms.${setColumn} IN (${ids})`;
  const positive = (op === 'eq' || op === 'in') !== negate;
  return positive ? `${k} IN (${members})` : `(${k} IS NULL OR ${k} NOT IN (${members}))`;
}

/** A leaf on the current row. Negated leaves keep rows whose value is NULL (NOT model = x includes no model). */
function rowLeaf(dim: DimensionDef, leaf: FilterLeaf, negate: boolean, s: FilterScope): string {
  if (dim.array && !s.unnested) return arrayLeaf(dim, leaf, negate, s);
  const [op, , raw] = leaf;
  const values = Array.isArray(raw) ? raw : [raw];
  const ranged = op === 'gte' || op === 'lte';
  const v = ranged && dim.rangeSql ? dim.rangeSql(s.x) : dim.sql(s.x);
  const p = (i: number) => typedParam(dim, values[i], s);
  const list = () => values.map((_, i) => p(i)).join(', ');
  const orNull = (cond: string) => `(${v} IS NULL OR ${cond})`;
  switch (op) {
    case 'eq':
      return negate ? orNull(`${v} <> ${p(0)}`) : `${v} = ${p(0)}`;
    case 'neq':
      return negate ? `${v} = ${p(0)}` : orNull(`${v} <> ${p(0)}`);
    case 'in':
      return negate ? orNull(`${v} NOT IN (${list()})`) : `${v} IN (${list()})`;
    case 'not_in':
      return negate ? `${v} IN (${list()})` : orNull(`${v} NOT IN (${list()})`);
    case 'contains':
      return negate ? orNull(`NOT (${containsSql(v, p(0))})`) : containsSql(v, p(0));
    case 'gte':
      return negate ? orNull(`${v} < ${p(0)}`) : `${v} >= ${p(0)}`;
    case 'lte':
      return negate ? orNull(`${v} > ${p(0)}`) : `${v} <= ${p(0)}`;
  }
}

/**
 * Compiles `f` for rows of `s.grain`. A leaf on another grain becomes a semi-join on the message id:
 * a message passes `rating = 5` when one of its evaluations has rating 5; an evaluation passes
 * `tool = search` when its message called that tool.
 */
export function compileFilter(f: Filter, s: FilterScope, negate = false): string {
  if (isFilterGroup(f)) {
    const joiner = (f[0] === 'and') !== negate ? ' AND ' : ' OR ';
    return `(${f[1].map((c) => compileFilter(c, s, negate)).join(joiner)})`;
  }
  if (isFilterNot(f)) return compileFilter(f[1], s, !negate);
  const dim = registry.dimensions.get(f[1])!;
  if (dim.membership) return membershipLeaf(dim, f, negate, s);
  if (dim.grain === 'message' || dim.grain === s.grain) return rowLeaf(dim, f, negate, s);
  const { table, alias } = GRAIN_TABLE[dim.grain];
  const inner = rowLeaf(dim, f, false, { ...s, grain: dim.grain, unnested: false });
  const semi = `${MESSAGE_ID[s.grain]} IN (SELECT ${alias}.message_id FROM ${table} ${alias} WHERE ${s.x.facts(alias)} AND ${inner})`;
  return negate ? `NOT (${semi})` : semi;
}
