import { inArray } from 'drizzle-orm';
import type { PluginServices } from '../../src/sdk/index.js';
import { loanDetails } from './schema.js';
import type { LoanTerms } from './domain.js';

/** Loan terms of products for suitability rules (`facts.product.details`): one statement per call. */
export async function loanProductFacts(services: PluginServices, productIds: readonly number[]): Promise<Map<number, Record<string, unknown>>> {
  const out = new Map<number, Record<string, unknown>>();
  if (productIds.length === 0) return out;
  for (const r of await services.db
    .select()
    .from(loanDetails)
    .where(inArray(loanDetails.productId, [...productIds]))) {
    const terms: LoanTerms = {
      kind: r.kind as LoanTerms['kind'],
      category: r.category,
      annualRate: r.annualRate,
      minTermMonths: r.minTermMonths,
      maxTermMonths: r.maxTermMonths,
      minAmount: r.minAmount,
      maxAmount: r.maxAmount,
      repaymentMethods: r.repaymentMethods as LoanTerms['repaymentMethods'],
      collateral: r.collateral,
    };
    out.set(r.productId, { ...terms });
  }
  return out;
}
