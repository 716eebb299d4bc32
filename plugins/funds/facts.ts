import { inArray } from 'drizzle-orm';
import { Decimal, type PluginServices } from '../../src/sdk/index.js';
import type { FundFacts } from './domain.js';
import { fundsDetails } from './schema.js';

/**
 * `facts.products`: the details funds rules read (`facts.product.details`), for
 * a batch of product ids in one statement. Ids without a details row are left
 * out; the rules then treat the product conservatively (see rules/fund-facts.ts).
 */
export async function fundProductFacts(services: PluginServices, productIds: readonly number[]): Promise<Map<number, Record<string, unknown>>> {
  const out = new Map<number, Record<string, unknown>>();
  if (productIds.length === 0) return out;
  const rows = await services.db
    .select({
      productId: fundsDetails.productId,
      fundType: fundsDetails.fundType,
      isPrivate: fundsDetails.isPrivate,
      assetClass: fundsDetails.assetClass,
      sipSupported: fundsDetails.sipSupported,
      sipMinimum: fundsDetails.sipMinimum,
      isBankWealth: fundsDetails.isBankWealth,
      issuerType: fundsDetails.issuerType,
    })
    .from(fundsDetails)
    .where(inArray(fundsDetails.productId, [...productIds]));
  for (const { productId, sipMinimum, ...d } of rows) {
    // CHECK constraints keep the text columns within the model's values.
    const facts = { ...d, sipMinimum: sipMinimum === null ? null : new Decimal(sipMinimum).toFixed() } as FundFacts;
    out.set(productId, { ...facts });
  }
  return out;
}
