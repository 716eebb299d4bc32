import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { bankYear, inIds, type PluginServices } from '../../src/sdk/index.js';
import { forexAnnualUsage, forexDetails, forexRates } from './schema.js';
import type { ForexDetailsFacts } from './domain.js';

/**
 * Forex details for suitability rules (`facts.product.details`): kind, currency,
 * the currency's latest board rates and the USD middle rate, so that rules can
 * convert to USD without I/O. One statement per call.
 */
export async function forexProductFacts(services: PluginServices, productIds: readonly number[]): Promise<Map<number, Record<string, unknown>>> {
  const out = new Map<number, Record<string, unknown>>();
  if (productIds.length === 0) return out;
  // Newest board per currency (DISTINCT ON) and the newest USD middle rate, joined in: one statement.
  const latest = services.db
    .selectDistinctOn([forexRates.currency], {
      currency: forexRates.currency,
      buyRate: forexRates.buyRate,
      sellRate: forexRates.sellRate,
      middleRate: forexRates.middleRate,
    })
    .from(forexRates)
    .orderBy(forexRates.currency, desc(forexRates.at), desc(forexRates.id))
    .as('latest');
  const usd = services.db
    .select({ usdMiddleRate: forexRates.middleRate })
    .from(forexRates)
    .where(eq(forexRates.currency, 'USD'))
    .orderBy(desc(forexRates.at), desc(forexRates.id))
    .limit(1)
    .as('usd');
  const rows = await services.db
    .select({
      productId: forexDetails.productId,
      kind: forexDetails.kind,
      currency: forexDetails.currency,
      termMonths: forexDetails.termMonths,
      linkedCurrency: forexDetails.linkedCurrency,
      buyRate: latest.buyRate,
      sellRate: latest.sellRate,
      middleRate: latest.middleRate,
      usdMiddleRate: usd.usdMiddleRate,
    })
    .from(forexDetails)
    .leftJoin(latest, eq(latest.currency, forexDetails.currency))
    .leftJoin(usd, sql`true`)
    .where(inArray(forexDetails.productId, [...productIds]));
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  for (const r of rows) {
    const facts: ForexDetailsFacts & { termMonths: number | null; linkedCurrency: string | null } = {
      kind: r.kind as ForexDetailsFacts['kind'],
      currency: r.currency,
      termMonths: r.termMonths,
      linkedCurrency: r.linkedCurrency,
      buyRate: str(r.buyRate),
      sellRate: str(r.sellRate),
      middleRate: str(r.middleRate),
      usdMiddleRate: r.currency === 'USD' ? str(r.middleRate) : str(r.usdMiddleRate),
    };
    out.set(r.productId, { ...facts });
  }
  return out;
}

/** FX bought and sold this calendar year (Asia/Shanghai), in USD: `facts.customer.lines.forex`. */
export interface ForexCustomerFacts {
  year: number;
  purchasedUsd: string;
  soldUsd: string;
}

/** This year's usage per customer (zeros when none on file). One statement per call. */
export async function forexCustomerFacts(services: PluginServices, customerIds: readonly number[], now: Date): Promise<Map<number, Record<string, unknown>>> {
  const year = bankYear(now);
  const out = new Map<number, Record<string, unknown>>();
  for (const id of customerIds) out.set(id, { year, purchasedUsd: '0', soldUsd: '0' } satisfies ForexCustomerFacts);
  if (customerIds.length === 0) return out;
  const rows = await services.db
    .select()
    .from(forexAnnualUsage)
    .where(and(inIds(forexAnnualUsage.customerId, customerIds), eq(forexAnnualUsage.year, year)));
  for (const r of rows) out.set(r.customerId, { year, purchasedUsd: r.purchasedUsd, soldUsd: r.soldUsd } satisfies ForexCustomerFacts);
  return out;
}
