import { inArray } from 'drizzle-orm';
import type { PluginServices } from '../../src/sdk/index.js';
import type { InsuranceProductDetails, InsuranceType, PremiumMode } from './domain.js';
import { insuranceDetails, type InsuranceDetailsRow } from './schema.js';

/** A details row as rules read it (`facts.product.details`). */
export const detailsFacts = (r: InsuranceDetailsRow): InsuranceProductDetails => ({
  insurer: r.insurer,
  insuranceType: r.insuranceType as InsuranceType,
  guaranteed: r.guaranteed,
  coverTermYears: r.coverTermYears,
  premiumModes: r.premiumModes as PremiumMode[],
  paymentYearsOptions: r.paymentYearsOptions,
  insuredAgeMin: r.insuredAgeMin,
  insuredAgeMax: r.insuredAgeMax,
  coolingOffDays: r.coolingOffDays,
  deathCover: r.deathCover,
  lifeOrHealth: r.lifeOrHealth,
  coverOverOneYear: r.coverOverOneYear,
});

/** Product details for a batch of products, in one statement. */
export async function productFacts(services: PluginServices, productIds: readonly number[]): Promise<Map<number, Record<string, unknown>>> {
  const map = new Map<number, Record<string, unknown>>();
  if (productIds.length === 0) return map;
  const rows = await services.db
    .select()
    .from(insuranceDetails)
    .where(inArray(insuranceDetails.productId, [...productIds]));
  for (const r of rows) map.set(r.productId, { ...detailsFacts(r) });
  return map;
}
