import type { HostContext } from '../app/runtime.js';
import type { ProductRecord } from '../domain/products/product.record.js';
import { evaluateSuitability } from './engine.js';
import { assembleFacts, loadCustomerFacts, loadProductFacts } from './facts-loader.js';
import type { CustomerFacts, SaleFacts, SuitabilityDecisionRecord, SuitabilityFacts } from './types.js';

/** A sale as callers describe it (the product currency fills a missing currency). */
export type SaleRequest = Omit<SaleFacts, 'currency'> & { currency?: string | null };

/** Evaluates one product for loaded customer facts; never throws for a rule's fault. */
export async function decide(
  ctx: HostContext,
  customer: CustomerFacts,
  product: ProductRecord,
  sale: SaleRequest,
): Promise<{ decision: SuitabilityDecisionRecord; facts: SuitabilityFacts }> {
  const productFacts = await loadProductFacts(ctx, product);
  const facts = assembleFacts(customer, productFacts, { ...sale, currency: sale.currency ?? product.currency }, ctx.now);
  const decision = evaluateSuitability(ctx.host.rules, facts, { settings: ctx.settings, now: ctx.now }, (ruleId, error) =>
    // The rule's own message may quote the facts it was given: the logger keeps class and frames only (errorSummary).
    ctx.log.error({ ruleId, productId: product.id, err: error }, 'suitability rule failed'),
  );
  return { decision, facts };
}

/** Loads the customer's facts (null when out of scope) and decides for one product. */
export async function decideFor(ctx: HostContext, customerId: number, product: ProductRecord, sale: SaleRequest) {
  const customer = await loadCustomerFacts(ctx, customerId);
  if (!customer) return null;
  return decide(ctx, customer, product, sale);
}
