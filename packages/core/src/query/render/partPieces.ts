// Owns the pieces every part is built of: the fact tables' aliases, a part's SQL context, grouping
// expressions and the select lists of dimensions and partial columns.
import type { DimensionDef, Grain, SqlContext } from '../registry/types.ts';
import type { PartsInput } from './PartsInput.ts';

export const FACT: Record<Exclude<Grain, 'message'>, { table: string; alias: string }> = {
  evaluation: { table: 'evaluations', alias: 'e' },
  tool: { table: 'tool_calls', alias: 't' },
};

/** The SQL context of a part on `grain`: message columns live on `b` or on the fact row itself. */
export const partContext = (grain: Grain, x: SqlContext): SqlContext => ({
  ...x,
  m: grain === 'message' ? 'b' : FACT[grain].alias,
});

export const positions = (n: number, from = 1): string[] =>
  Array.from({ length: n }, (_, i) => String(i + from));
export const groupBy = (n: number): string => (n ? ` GROUP BY ${positions(n).join(', ')}` : '');
export const whereSql = (w: string[]): string => (w.length ? ` WHERE ${w.join(' AND ')}` : '');

/** A dimension's grouping expression on a row of its own grain: its value code when it has one. */
export const groupSql = (d: DimensionDef, x: SqlContext): string => (d.code ? `${x.m}.${d.code}` : d.sql(x));

/** The `d_<id>` columns of a part on `grain`: dimensions of another fact grain come from its bridge. */
export function dimSelect(grain: Grain, inp: PartsInput): string[] {
  const x = partContext(grain, inp.x);
  return inp.dims.map((d) => {
    const expr = d.grain === 'message' || d.grain === grain ? groupSql(d, x) : `br_${d.grain}.d_${d.id}`;
    return `${expr} AS d_${d.id}`;
  });
}

/** Every `p_<id>` column of the union: the part's own aggregates, NULL for the others'. */
export function partialColumns(inp: PartsInput, own: Map<string, string>): string[] {
  const d = inp.x.dialect.double;
  return inp.allPartials.map((id) => `CAST(${own.get(id) ?? 'NULL'} AS ${d}) AS p_${id}`);
}
