// Owns the priced message part: additive partials summed per (dimensions, model, provider), then priced.
import { baseColumn } from '../registry/baseColumns.ts';
import type { DimensionDef, PartialDef } from '../registry/types.ts';
import type { PartsInput } from './PartsInput.ts';
import { dimSelect, groupBy, partialColumns, positions, whereSql } from './partPieces.ts';
import { partSource } from './partSource.ts';
import { priceJoins } from './priceJoins.ts';

/**
 * Additive partials are first summed per (dimensions, model_code, provider_code), then the few resulting
 * rows are joined to the price tables and summed again per dimensions. `late` dimensions (model attributes)
 * are looked up on those grouped rows instead of joined to every message.
 */
export function pricedPart(
  additive: PartialDef[],
  priced: PartialDef[],
  late: DimensionDef[],
  inp: PartsInput,
): string {
  const { x, dims } = inp;
  const early = dims.filter((d) => !late.includes(d));
  const src = partSource(
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
