// Owns a part's FROM and WHERE: its row source, the bridges that bring dimensions of another fact grain, and
// where each filter conjunct is evaluated.
import type { Filter } from '../AnalyticsQuery.ts';
import { compileFilter, type FilterScope, filterGrains } from '../compileFilter.ts';
import type { BaseColumn, Grain, PartialDef, SqlContext } from '../registry/types.ts';
import type { PartsInput } from './PartsInput.ts';
import { FACT, groupSql, partContext } from './partPieces.ts';

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

/** True when a conjunct only touches grain `g`, so a bridge on `g` can hold it. */
const onlyGrain = (f: Filter, g: Grain) => {
  const grains = filterGrains(f);
  return grains.size === 1 && grains.has(g);
};

/**
 * FROM and WHERE of a part on grain `grain`. Dimensions of another non-message grain come through a
 * bridge: the distinct (message_id, value) pairs of that grain, so a message (or evaluation) is counted
 * once per value and never once per matching row.
 */
export function partSource(
  grain: Grain,
  partials: PartialDef[],
  inp: PartsInput,
  extra: BaseColumn[] = [],
  without: BaseColumn[] = [],
): { from: string; where: string[] } {
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
