// Owns running a priced listing statement with the workspace's price book and the catalog prices of the
// pairs it has met, running it once more when it meets a pair the catalog has not priced yet.
import type { DialectName, PricingContext } from '@llm-analytics/core';
import type { SettingsService } from '../settings/SettingsService.ts';
import { PairCatalog } from './PairCatalog.ts';

export type Pricing = Omit<PricingContext, 'param'>;

export class PricedListing {
  private readonly pairs = new PairCatalog();

  constructor(
    private readonly dialect: DialectName,
    private readonly settings: SettingsService,
  ) {}

  /** `run` prices with `pricing`; its rows name their group's model (`pm`) and provider (`pp`). */
  async run<R extends { pm: string | null; pp: string | null }>(
    workspaceId: string,
    run: (pricing: Pricing) => Promise<R[]>,
  ): Promise<R[]> {
    const { price_book } = await this.settings.get(workspaceId);
    const pricing = () => ({
      dialect: this.dialect,
      priceBook: price_book,
      catalog: this.pairs.prices(workspaceId),
    });
    const rows = await run(pricing());
    const met = rows.map((r) => ({ provider: r.pp, model_id: r.pm }));
    return this.pairs.learn(workspaceId, met) ? run(pricing()) : rows;
  }
}
