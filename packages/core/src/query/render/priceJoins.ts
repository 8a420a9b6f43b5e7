// Owns the price-book lookup in SQL: small VALUES tables of bound prices joined to (model, provider) sub-groups.
import type { CatalogPrice, PriceBook } from '../../pricing/PriceBook.ts';
import type { SqlContext } from '../registry/types.ts';

export interface PriceJoins {
  /** FROM-clause joins against the sub-group alias `g` (columns `pm` model_id, `pp` provider). */
  joins: string[];
  priceIn: string;
  priceOut: string;
}

/**
 * Builds the resolution model override › provider override › catalog › default as COALESCE over three
 * left joins. The joins run on the (dimensions × model × provider) sub-groups, a few hundred rows, never on
 * messages; an empty layer adds no join at all.
 */
export function priceJoins(book: PriceBook, catalog: CatalogPrice[], x: SqlContext): PriceJoins {
  const d = x.dialect.double;
  const num = (v: number) => `CAST(${x.param(v)} AS ${d})`;
  const str = (v: string | null) => `CAST(${x.param(v)} AS VARCHAR)`;
  const joins: string[] = [];
  const ins: string[] = [];
  const outs: string[] = [];

  const layer = (alias: string, keys: string[], rows: string[][], on: string) => {
    if (rows.length === 0) return;
    const values = rows.map((r) => `(${r.join(', ')})`).join(', ');
    joins.push(`LEFT JOIN (VALUES ${values}) AS ${alias}(${[...keys, 'i', 'o'].join(', ')}) ON ${on}`);
    ins.push(`${alias}.i`);
    outs.push(`${alias}.o`);
  };

  const models = Object.entries(book.models ?? {});
  layer(
    'pmo',
    ['model_id'],
    models.map(([id, p]) => [str(id), num(p.input_per_1k), num(p.output_per_1k)]),
    'pmo.model_id = g.pm',
  );
  // Provider names are matched case-insensitively ("OpenAI" and "openai" are one provider); last entry wins.
  const providers = new Map(Object.entries(book.providers ?? {}).map(([k, p]) => [k.toLowerCase(), p]));
  layer(
    'ppo',
    ['provider'],
    [...providers].map(([k, p]) => [str(k), num(p.input_per_1k), num(p.output_per_1k)]),
    'ppo.provider = lower(g.pp)',
  );
  const seen = new Set<string>();
  const priced = catalog.filter((c) => {
    const key = `${c.provider ?? ''}\u0000${c.model_id}`;
    if (!c.price || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  layer(
    'pc',
    ['provider', 'model_id'],
    priced.map((c) => [
      str(c.provider),
      str(c.model_id),
      num(c.price!.input_per_1k),
      num(c.price!.output_per_1k),
    ]),
    'pc.model_id = g.pm AND pc.provider IS NOT DISTINCT FROM g.pp',
  );
  if (book.default) {
    ins.push(num(book.default.input_per_1k));
    outs.push(num(book.default.output_per_1k));
  }
  const coalesce = (xs: string[]) =>
    xs.length === 0 ? `CAST(NULL AS ${d})` : xs.length === 1 ? xs[0] : `COALESCE(${xs.join(', ')})`;
  return { joins, priceIn: coalesce(ins), priceOut: coalesce(outs) };
}
