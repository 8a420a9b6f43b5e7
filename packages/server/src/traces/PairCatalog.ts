// Owns the catalog prices a workspace's priced listings bind: the (provider, model) pairs seen so far, priced
// by core's catalogPrices, so a listing needs no scan for pairs before its one priced statement.
import { type CatalogPrice, catalogPrices } from '@llm-analytics/core';

/** Pairs remembered per workspace; past this the set starts afresh (a workspace with that many models). */
const MAX_PAIRS = 10_000;

export interface Pair {
  provider: string | null;
  model_id: string | null;
}

const keyOf = (p: Pair) => `${p.provider ?? '\u0001'}\u0000${p.model_id}`;

export class PairCatalog {
  private readonly byWorkspace = new Map<string, Map<string, CatalogPrice>>();

  /** The catalog prices of the pairs seen in the workspace. */
  prices(workspaceId: string): CatalogPrice[] {
    return [...(this.byWorkspace.get(workspaceId)?.values() ?? [])];
  }

  /**
   * Records the pairs a priced statement met; true when any was new (the statement ran without its catalog
   * price and must run again to price it as the analytics do).
   */
  learn(workspaceId: string, pairs: Pair[]): boolean {
    let known = this.byWorkspace.get(workspaceId);
    const fresh = pairs.filter(
      (p): p is { provider: string | null; model_id: string } => p.model_id !== null && !known?.has(keyOf(p)),
    );
    if (fresh.length === 0) return false;
    if (!known || known.size + fresh.length > MAX_PAIRS) {
      known = new Map();
      this.byWorkspace.set(workspaceId, known);
    }
    for (const c of catalogPrices(fresh)) known.set(keyOf(c), c);
    return true;
  }
}
