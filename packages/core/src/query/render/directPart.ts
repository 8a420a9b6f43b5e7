// Owns the direct part: partials aggregated straight from rows of one grain, grouped by the dimensions.
import type { Grain, PartialDef } from '../registry/types.ts';
import type { PartsInput } from './PartsInput.ts';
import { dimSelect, groupBy, partContext, partialColumns, whereSql } from './partPieces.ts';
import { partSource } from './partSource.ts';

export function directPart(grain: Grain, partials: PartialDef[], inp: PartsInput): string {
  const src = partSource(grain, partials, inp);
  const noPrice = { ...partContext(grain, inp.x), priceIn: 'NULL', priceOut: 'NULL' };
  const own = new Map(partials.map((p) => [p.id, p.sql(noPrice)]));
  const select = [...dimSelect(grain, inp), ...partialColumns(inp, own)];
  return `SELECT ${select.join(', ')} FROM ${src.from}${whereSql(src.where)}${groupBy(inp.dims.length)}`;
}
