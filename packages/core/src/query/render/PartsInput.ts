// Owns what every part renderer is handed: the statement's SQL context, row sources, dimensions and filters.
import type { CatalogPrice, PriceBook } from '../../pricing/PriceBook.ts';
import type { Filter } from '../AnalyticsQuery.ts';
import type { BaseColumn, DimensionDef, Grain, SqlContext } from '../registry/types.ts';

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
