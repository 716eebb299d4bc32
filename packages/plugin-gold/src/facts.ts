import { desc, eq, inArray } from 'drizzle-orm';
import type { PluginServices } from '@finmart/sdk';
import { goldDetails, goldPrices } from './schema.js';
import type { GoldDetailsFacts } from './domain.js';

/**
 * Gold details of products for suitability rules (`facts.product.details`), with
 * the latest gram price so that rules converting an amount to grams stay pure.
 * One statement per call.
 */
export async function goldProductFacts(services: PluginServices, productIds: readonly number[]): Promise<Map<number, Record<string, unknown>>> {
  const out = new Map<number, Record<string, unknown>>();
  if (productIds.length === 0) return out;
  const ids = [...productIds];
  // Newest price per product (DISTINCT ON), joined in: one statement.
  const latest = services.db
    .selectDistinctOn([goldPrices.productId], { productId: goldPrices.productId, pricePerGram: goldPrices.pricePerGram })
    .from(goldPrices)
    .where(inArray(goldPrices.productId, ids))
    .orderBy(goldPrices.productId, desc(goldPrices.at), desc(goldPrices.id))
    .as('latest');
  const rows = await services.db
    .select({
      productId: goldDetails.productId,
      goldType: goldDetails.goldType,
      purity: goldDetails.purity,
      barWeightGrams: goldDetails.barWeightGrams,
      minimumGrams: goldDetails.minimumGrams,
      gramStep: goldDetails.gramStep,
      latestGramPrice: latest.pricePerGram,
    })
    .from(goldDetails)
    .leftJoin(latest, eq(latest.productId, goldDetails.productId))
    .where(inArray(goldDetails.productId, ids));
  for (const r of rows) {
    const facts: GoldDetailsFacts = {
      goldType: r.goldType as GoldDetailsFacts['goldType'],
      purity: r.purity,
      barWeightGrams: r.barWeightGrams,
      minimumGrams: r.minimumGrams,
      gramStep: r.gramStep,
      latestGramPrice: r.latestGramPrice === null ? null : String(r.latestGramPrice),
    };
    out.set(r.productId, { ...facts });
  }
  return out;
}
