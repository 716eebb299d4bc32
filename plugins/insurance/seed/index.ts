import { inArray } from 'drizzle-orm';
import { insertInBatches, randomOf, type NewProduct, type SeedContext } from '../../../src/sdk/index.js';
import { INSURANCE_CURRENCY, isGuaranteedType } from '../domain.js';
import { rateTable } from './rates.js';
import { insuranceDetails, insuranceRates } from '../schema.js';
import { CATALOG, coolingOffDaysOf, coverOverOneYear, INSURERS, type CatalogEntry } from './catalog.js';
import { planPolicies, type SeededProduct } from './holdings.js';

const DAY_MS = 86_400_000;

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/** The core row of a catalog entry: a policy has no unit price (see `valuatePolicy`). */
function coreRow(e: CatalogEntry, now: Date): NewProduct {
  return {
    code: e.code,
    nameZh: e.nameZh,
    nameEn: e.nameEn,
    issuer: INSURERS[e.insurer].name,
    partnerCode: e.insurer,
    riskRating: e.risk,
    currency: INSURANCE_CURRENCY,
    minimumAmount: e.minimumPremium,
    amountStep: e.amountStep,
    status: e.status ?? 'ON_SALE',
    saleStart: daysBefore(now, e.saleStartDaysAgo),
    saleEnd: e.saleEndDaysAgo === undefined ? null : daysBefore(now, e.saleEndDaysAgo),
    liquidity: e.liquidity,
    function: e.function,
    businessType: 'INTERMEDIARY',
    regime: 'OTHER',
    requiresRiskAssessment: !isGuaranteedType(e.type),
    coolingOffHours: coolingOffDaysOf(e) * 24,
    unitPrice: null,
  };
}

/**
 * Demo data: the catalog's products (core rows, details, rate tables) and
 * policies for about a fifth of the customers. Deterministic: only `ctx.now`
 * and `ctx.random`. Re-running replaces the details and rates of these products.
 */
export async function seedInsurance(ctx: SeedContext): Promise<void> {
  const ids = await ctx.catalog.upsertProducts(CATALOG.map((e) => coreRow(e, ctx.now)));
  const products: SeededProduct[] = CATALOG.map((entry) => {
    const id = ids.get(entry.code);
    if (id === undefined) throw new Error(`insurance seed: no id returned for ${entry.code}`);
    const row = coreRow(entry, ctx.now);
    return { entry, id, rates: rateTable(entry), saleStart: row.saleStart ?? null, saleEnd: row.saleEnd ?? null };
  });
  const productIds = products.map((p) => p.id);
  const rateRows = products.flatMap((p) => p.rates.map((r) => ({ productId: p.id, ...r })));
  await ctx.db.transaction(async (tx) => {
    await tx.delete(insuranceRates).where(inArray(insuranceRates.productId, productIds));
    await tx.delete(insuranceDetails).where(inArray(insuranceDetails.productId, productIds));
    await tx.insert(insuranceDetails).values(
      products.map(({ entry: e, id }) => ({
        productId: id,
        insurer: e.insurer,
        insuranceType: e.type,
        guaranteed: isGuaranteedType(e.type),
        coverTermYears: e.coverTermYears,
        premiumModes: e.premiumModes,
        paymentYearsOptions: e.paymentYearsOptions,
        insuredAgeMin: e.ageMin,
        insuredAgeMax: e.ageMax,
        coolingOffDays: coolingOffDaysOf(e),
        deathCover: e.deathCover,
        // Every line of bancassurance here is personal (人身) insurance.
        lifeOrHealth: true,
        coverOverOneYear: coverOverOneYear(e),
      })),
    );
    await insertInBatches(rateRows, (batch) => tx.insert(insuranceRates).values(batch));
  });
  const policies = planPolicies(ctx.customers, products, randomOf(ctx.random), ctx.now);
  await insertInBatches(policies, (batch) => ctx.catalog.addHoldings(batch));
  ctx.log.info(
    { products: products.length, rates: rateRows.length, policies: policies.length, holders: new Set(policies.map((p) => p.customerId)).size },
    'insurance seed done',
  );
}
