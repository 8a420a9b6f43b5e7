// Owns the distinct count of unpriced messages behind a reply whose groups can share a message.
import type { PartsInput } from './PartsInput.ts';
import { whereSql } from './partPieces.ts';
import { partSource } from './partSource.ts';
import { priceJoins } from './priceJoins.ts';

/**
 * Distinct unpriced messages (carrying tokens): a dimension of another grain puts a message under each of its
 * values, so summing per-group counts would overcount.
 */
export function unpricedMessagesSql(inp: PartsInput): string {
  const src = partSource('message', [], inp, ['id', 'model_id', 'provider', 'input_tokens', 'output_tokens']);
  const where = [...src.where, '(b.input_tokens > 0 OR b.output_tokens > 0)'];
  const inner = `SELECT DISTINCT b.id, b.model_id AS pm, b.provider AS pp FROM ${src.from}${whereSql(where)}`;
  const prices = priceJoins(inp.priceBook, inp.catalog, inp.x);
  // Every layer prices both directions; naming both keeps every bound price referenced (PostgreSQL needs that).
  return `SELECT count(*) FROM (${inner}) g ${prices.joins.join(' ')} WHERE COALESCE(${prices.priceIn}, ${prices.priceOut}) IS NULL`;
}
