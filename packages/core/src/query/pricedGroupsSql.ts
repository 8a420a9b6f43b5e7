// Owns pricing row listings (traces, a conversation's messages) the way the compiler prices messages: token
// partials summed per (keys, model, provider) group, then the registry's cost partials over the price joins.
import type { CatalogPrice, PriceBook } from '../pricing/PriceBook.ts';
import { getDialect } from './dialect/getDialect.ts';
import type { DialectName } from './dialect/SqlDialect.ts';
import { registry } from './registry/registry.ts';
import type { SqlContext } from './registry/types.ts';
import { priceJoins } from './render/priceJoins.ts';
import type { SqlValue } from './SqlParams.ts';

export interface PricingContext {
  dialect: DialectName;
  priceBook: PriceBook;
  catalog: CatalogPrice[];
  /** The statement's binder: binds a value and returns its `$n` placeholder. */
  param(value: SqlValue): string;
}

const partial = (id: string) => {
  const p = registry.partials.get(id);
  if (!p) throw new Error(`registry has no partial ${id}`);
  return p;
};

function sqlContext(ctx: PricingContext): SqlContext {
  const unused = (what: string) => () => {
    throw new Error(`priced listings read no ${what}`);
  };
  return {
    dialect: getDialect(ctx.dialect),
    param: (v) => ctx.param(v),
    sla: unused('SLA threshold'),
    workspace: unused('workspace placeholder'),
    facts: unused('fact scope'),
    bucket: 'day',
    m: 'b',
  };
}

/**
 * The registry's token partials over rows aliased `b` (columns input_tokens, output_tokens), named
 * `in_tok`, `out_tok` and `tok_msgs`: the select items of a group's inner query.
 */
export function tokenPartialsSql(ctx: PricingContext): string[] {
  const x = sqlContext(ctx);
  const none = { ...x, priceIn: 'NULL', priceOut: 'NULL' };
  return ['in_tok', 'out_tok', 'tok_msgs'].map((id) => `${partial(id).sql(none)} AS ${id}`);
}

/**
 * Prices `groups`, a subquery with columns `pm` (model_id), `pp` (provider), `in_tok`, `out_tok`, `tok_msgs`
 * and the columns `keep`: one output row per group with those columns plus `cost` (USD, the registry's
 * `cost` partial) and `unpriced` (token-carrying rows no price layer prices; `cost` counts them as 0).
 */
export function pricedGroupsSql(groups: string, keep: string[], ctx: PricingContext): string {
  const x = sqlContext(ctx);
  const prices = priceJoins(ctx.priceBook, ctx.catalog, x);
  const priced = { ...x, priceIn: prices.priceIn, priceOut: prices.priceOut };
  const cols = [...keep, 'pm', 'pp', 'in_tok', 'out_tok', 'tok_msgs'].map((c) => `g.${c}`);
  const d = x.dialect.double;
  return `SELECT ${cols.join(', ')}, CAST(${partial('cost').sql(priced)} AS ${d}) AS cost,
      CAST(${partial('unpriced').sql(priced)} AS ${d}) AS unpriced
    FROM (${groups}) g ${prices.joins.join(' ')}
    GROUP BY ${cols.join(', ')}`;
}
