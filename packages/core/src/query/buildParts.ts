// Owns the per-grain aggregate subqueries ("parts") a query is assembled from, and the bridges between grains.
import type { CatalogPrice, PriceBook } from '../pricing/PriceBook.ts';
import type { Filter } from './AnalyticsQuery.ts';
import { compileFilter, type FilterScope, filterDims, filterGrains } from './compileFilter.ts';
import { PERIOD_COLUMN } from './periods.ts';
import { priceJoins } from './priceJoins.ts';
import { baseColumn } from './registry/baseColumns.ts';
import type { BaseColumn, DimensionDef, Grain, PartialDef, SqlContext } from './registry/types.ts';

export interface PartsInput {
  x: SqlContext;
  /** FROM item `b`: the filtered messages carrying the shared columns plus `own`, less `without`. */
  baseFrom: (own: BaseColumn[], without?: BaseColumn[]) => string;
  /** Row source of an evaluation or tool part: its facts with the shared message context plus `own`. */
  factFrom: (grain: Exclude<Grain, 'message'>, own: BaseColumn[], unnestTags: boolean) => string;
  dims: DimensionDef[];
  /** Every partial column of the union, in output order; a part fills its own and NULLs the rest. */
  allPartials: string[];
  /** Message-only conjuncts: valid in every part, on `b` or on the carried context of `e` / `t`. */
  pushed: Filter[];
  /** Conjuncts that touch evaluations or tool calls; placed per part. */
  rest: Filter[];
  priceBook: PriceBook;
  catalog: CatalogPrice[];
  /** In a statement holding both periods (its one dimension is the hidden period): the current window's start. */
  periodStart?: string;
}

const FACT: Record<Exclude<Grain, 'message'>, { table: string; alias: string }> = {
  evaluation: { table: 'evaluations', alias: 'e' },
  tool: { table: 'tool_calls', alias: 't' },
};

/**
 * A fact table as a FROM item. Unnesting tags in a derived table's select list keeps it a plain UNNEST
 * operator; a lateral `CROSS JOIN unnest(...)` plans as a much slower correlated join in DuckDB.
 */
function factTable(grain: Exclude<Grain, 'message'>, unnestTags: boolean, x: SqlContext): string {
  const { table, alias } = FACT[grain];
  return unnestTags
    ? `(SELECT x.*, unnest(x.failure_tags) AS tag FROM ${table} x WHERE ${x.facts('x')}) ${alias}`
    : `${table} ${alias}`;
}

/** The SQL context of a part on `grain`: message columns live on `b` or on the fact row itself. */
const partContext = (grain: Grain, x: SqlContext): SqlContext => ({
  ...x,
  m: grain === 'message' ? 'b' : FACT[grain].alias,
});

const positions = (n: number, from = 1) => Array.from({ length: n }, (_, i) => String(i + from));
const groupBy = (n: number) => (n ? ` GROUP BY ${positions(n).join(', ')}` : '');

/** True when a conjunct only touches grain `g`, so a bridge on `g` can hold it. */
const onlyGrain = (f: Filter, g: Grain) => {
  const grains = filterGrains(f);
  return grains.size === 1 && grains.has(g);
};

interface Source {
  from: string;
  where: string[];
}

/**
 * FROM and WHERE of a part on grain `grain`. Dimensions of another non-message grain come through a
 * bridge: the distinct (message_id, value) pairs of that grain, so a message (or evaluation) is counted
 * once per value and never once per matching row.
 */
function source(
  grain: Grain,
  partials: PartialDef[],
  inp: PartsInput,
  extra: BaseColumn[] = [],
  without: BaseColumn[] = [],
): Source {
  const { dims } = inp;
  const x = partContext(grain, inp.x);
  const unnestTags = grain === 'evaluation' && dims.some((d) => d.array);
  const scope: FilterScope = { grain, unnested: unnestTags, x };
  const from: string[] = [];
  const where: string[] = inp.pushed.map((f) => compileFilter(f, scope));
  const own = [...extra, ...partials.flatMap((p) => p.columns ?? [])];
  if (grain === 'message') from.push(inp.baseFrom(own, without));
  else from.push(`(${inp.factFrom(grain, own, unnestTags)}) ${FACT[grain].alias}`);
  const bridged = new Set<Filter>();
  for (const g of ['evaluation', 'tool'] as const) {
    const bdims = dims.filter((d) => d.grain === g && g !== grain);
    if (bdims.length === 0) continue;
    const { alias } = FACT[g];
    const unnest = bdims.some((d) => d.array);
    const bscope: FilterScope = { grain: g, unnested: unnest, x };
    const held = inp.rest.filter((f) => onlyGrain(f, g));
    for (const f of held) bridged.add(f);
    const bwhere = [x.facts(alias), ...held.map((f) => compileFilter(f, bscope))];
    const cols = bdims.map((d) => `${groupSql(d, x)} AS d_${d.id}`).join(', ');
    const me = grain === 'message' ? 'b.id' : `${FACT[grain].alias}.message_id`;
    from.push(
      `JOIN (SELECT DISTINCT ${alias}.message_id, ${cols} FROM ${factTable(g, unnest, x)} WHERE ${bwhere.join(' AND ')}) br_${g} ON br_${g}.message_id = ${me}`,
    );
  }
  for (const f of inp.rest) if (!bridged.has(f)) where.push(compileFilter(f, scope));
  return { from: from.join(' '), where };
}

/** A dimension's grouping expression on a row of its own grain: its value code when it has one. */
export const groupSql = (d: DimensionDef, x: SqlContext): string => (d.code ? `${x.m}.${d.code}` : d.sql(x));

function dimSelect(grain: Grain, inp: PartsInput): string[] {
  const x = partContext(grain, inp.x);
  return inp.dims.map((d) => {
    const expr = d.grain === 'message' || d.grain === grain ? groupSql(d, x) : `br_${d.grain}.d_${d.id}`;
    return `${expr} AS d_${d.id}`;
  });
}

function partialColumns(inp: PartsInput, own: Map<string, string>): string[] {
  const d = inp.x.dialect.double;
  return inp.allPartials.map((id) => `CAST(${own.get(id) ?? 'NULL'} AS ${d}) AS p_${id}`);
}

const whereSql = (w: string[]) => (w.length ? ` WHERE ${w.join(' AND ')}` : '');

/**
 * A two-period statement's message part with distinct counts or percentiles: one ungrouped select per window,
 * not one grouped by period. DuckDB's distinct count is far slower per group than alone (10M messages, both
 * windows: 245 against 321 ms), each window's predicate skips the other's row groups, and the engine's own
 * percentile per window costs less than the histogram over both (1M messages, 60 days: 84M against 146M
 * instructions; 9 against 15 ms).
 */
function perPeriodPart(partials: PartialDef[], inp: PartsInput, split: string): string {
  const noPrice = { ...inp.x, priceIn: 'NULL', priceOut: 'NULL' };
  const columns = partialColumns(inp, new Map(partials.map((p) => [p.id, p.sql(noPrice)]))).join(', ');
  const one = (period: number, test: string) => {
    const src = source('message', partials, { ...inp, dims: [] });
    const where = [...src.where, `b.created_at ${test} ${split}`];
    return `SELECT ${period} AS d_${PERIOD_COLUMN}, ${columns} FROM ${src.from}${whereSql(where)}`;
  };
  return `${one(0, '>=')} UNION ALL ${one(1, '<')}`;
}

/** A one-level part: partials aggregated straight from rows of `grain`. */
export function directPart(grain: Grain, partials: PartialDef[], inp: PartsInput): string {
  if (grain === 'message' && inp.periodStart && partials.some((p) => p.distinct || p.percentile)) {
    return perPeriodPart(partials, inp, inp.periodStart);
  }
  const src = source(grain, partials, inp);
  const noPrice = { ...partContext(grain, inp.x), priceIn: 'NULL', priceOut: 'NULL' };
  const own = new Map(partials.map((p) => [p.id, p.sql(noPrice)]));
  const select = [...dimSelect(grain, inp), ...partialColumns(inp, own)];
  return `SELECT ${select.join(', ')} FROM ${src.from}${whereSql(src.where)}${groupBy(inp.dims.length)}`;
}

const viaModel = (c: BaseColumn) => baseColumn('message', c).join === 'model';

/**
 * Model-attribute dimensions (training method, base model) that the priced part, which groups on the model's
 * code anyway, can look up on its few grouped rows instead of joining every message to `models`: halves that
 * part (1M messages, 30 days: 10 against 20 ms). Not when a filter reads a model attribute: rows join then.
 */
function lateModelDims(inp: PartsInput): DimensionDef[] {
  const filtered = [...inp.pushed, ...inp.rest].flatMap(filterDims);
  if (filtered.some((d) => d.grain === 'message' && (d.columns ?? []).some(viaModel))) return [];
  return inp.dims.filter((d) => d.grain === 'message' && d.code !== undefined && viaModel(d.code));
}

/**
 * The priced message part: additive partials are first summed per (dimensions, model_id, provider), then
 * the few resulting rows are joined to the price tables and summed again per dimensions.
 */
export function pricedPart(additive: PartialDef[], priced: PartialDef[], inp: PartsInput): string {
  const { x, dims } = inp;
  const late = lateModelDims(inp);
  const early = dims.filter((d) => !late.includes(d));
  const src = source(
    'message',
    additive,
    inp,
    ['model_code', 'provider_code'],
    late.map((d) => d.code!),
  );
  const noPrice = { ...x, priceIn: 'NULL', priceOut: 'NULL' };
  const inner = [
    ...dimSelect('message', { ...inp, dims: early }),
    'b.model_code AS pmc',
    'b.provider_code AS ppc',
    ...additive.map((p) => `${p.sql(noPrice)} AS ${p.id}`),
  ];
  // Grouped on the codes of model and provider; their text (for the price tables) joins on the few groups.
  const grouped = `SELECT ${inner.join(', ')} FROM ${src.from}${whereSql(src.where)} GROUP BY ${positions(early.length + 2).join(', ')}`;
  const ws = x.workspace();
  const looked = late.map((d) => `, ${baseColumn('message', d.code!).sql} AS d_${d.id}`).join('');
  const models = late.length
    ? ` LEFT JOIN models md ON md.workspace_id = ${ws} AND md.model_code = g0.pmc`
    : '';
  const innerSql = `SELECT g0.*, vm.value AS pm, vp.value AS pp${looked} FROM (${grouped}) g0
    LEFT JOIN value_codes vm ON vm.workspace_id = ${ws} AND vm.code = g0.pmc
    LEFT JOIN value_codes vp ON vp.workspace_id = ${ws} AND vp.code = g0.ppc${models}`;
  const prices = priceJoins(inp.priceBook, inp.catalog, x);
  const own = new Map<string, string>();
  for (const p of additive) own.set(p.id, `sum(g.${p.id})`);
  for (const p of priced) own.set(p.id, p.sql({ ...x, priceIn: prices.priceIn, priceOut: prices.priceOut }));
  const select = [...dims.map((d) => `g.d_${d.id}`), ...partialColumns(inp, own)];
  return `SELECT ${select.join(', ')} FROM (${innerSql}) g ${prices.joins.join(' ')}${groupBy(dims.length)}`;
}

/**
 * Exact percentiles from a histogram: value → count, then the values at the two ranks around (n - 1) ×
 * fraction, interpolated as percentile_cont does. Used only for a statement without any dimension: there it
 * beats the engines' own percentile, which sorts one list of every value on one thread (10M messages: 35
 * against 89 ms); across groups, even a two-period statement's two, theirs costs less.
 */
export function histogramPart(partials: PartialDef[], inp: PartsInput): string {
  const value = `b.${partials[0].percentile!.column}`;
  const src = source('message', partials, inp);
  const h = `SELECT ${value} AS v, count(*) AS c FROM ${src.from}${whereSql([...src.where, `${value} IS NOT NULL`])} GROUP BY 1`;
  const w = `SELECT h.*, sum(h.c) OVER (ORDER BY h.v ROWS UNBOUNDED PRECEDING) AS cum, sum(h.c) OVER () AS n FROM (${h}) h`;
  // The k-th smallest value (0-based) is the first whose cumulative count exceeds k.
  const at = (rank: string) => `min(w.v) FILTER (WHERE w.cum > ${rank})`;
  const own = new Map<string, string>();
  for (const p of partials) {
    const f = p.percentile!.fraction;
    const lo = at(`floor((w.n - 1) * ${f})`);
    const hi = at(`ceil((w.n - 1) * ${f})`);
    const frac = `((max(w.n) - 1) * ${f} - floor((max(w.n) - 1) * ${f}))`;
    own.set(p.id, `${lo} + ${frac} * (${hi} - ${lo})`);
  }
  return `SELECT ${partialColumns(inp, own).join(', ')} FROM (${w}) w`;
}

/**
 * Distinct unpriced messages (carrying tokens) behind a reply whose groups can share a message: a dimension
 * of another grain puts a message under each of its values, so summing per-group counts would overcount.
 */
export function unpricedMessagesSql(inp: PartsInput): string {
  const src = source('message', [], inp, ['id', 'model_id', 'provider', 'input_tokens', 'output_tokens']);
  const where = [...src.where, '(b.input_tokens > 0 OR b.output_tokens > 0)'];
  const inner = `SELECT DISTINCT b.id, b.model_id AS pm, b.provider AS pp FROM ${src.from}${whereSql(where)}`;
  const prices = priceJoins(inp.priceBook, inp.catalog, inp.x);
  // Every layer prices both directions; naming both keeps every bound price referenced (PostgreSQL needs that).
  return `SELECT count(*) FROM (${inner}) g ${prices.joins.join(' ')} WHERE COALESCE(${prices.priceIn}, ${prices.priceOut}) IS NULL`;
}

/**
 * The parts of a statement, by grain: priced message partials in the priced part and the message holistic
 * ones beside it, or all message partials in one direct part; without any dimension percentiles from a
 * histogram; evaluations and tool calls in a direct part each.
 */
export function grainParts(partials: Record<Grain, PartialDef[]>, inp: PartsInput): string[] {
  const parts: string[] = [];
  const histogram = inp.dims.length === 0 ? partials.message.filter((p) => p.percentile) : [];
  const message = partials.message.filter((p) => !histogram.includes(p));
  const priced = message.filter((p) => p.kind === 'priced');
  if (priced.length > 0) {
    parts.push(
      pricedPart(
        message.filter((p) => p.kind === 'additive'),
        priced,
        inp,
      ),
    );
    const holistic = message.filter((p) => p.kind === 'holistic');
    if (holistic.length > 0) parts.push(directPart('message', holistic, inp));
  } else if (message.length > 0) {
    parts.push(directPart('message', message, inp));
  }
  if (histogram.length > 0) parts.push(histogramPart(histogram, inp));
  if (partials.evaluation.length > 0) parts.push(directPart('evaluation', partials.evaluation, inp));
  if (partials.tool.length > 0) parts.push(directPart('tool', partials.tool, inp));
  return parts;
}
