import type { HostContext } from '../graphql/context.js';
import type { ProductRecord } from '../domain/products/product.record.js';
import { rulesInForce } from './active-rules.js';
import { evaluateSuitability } from './engine.js';
import { assembleFacts, loadCustomerFacts, loadProductFacts, loadSellerFacts } from './facts-loader.js';
import { readSaleDetails, sizeSale, type SaleSize } from './sale-sizing.js';
import type { CustomerFacts, SaleFacts, SuitabilityDecisionRecord, SuitabilityFacts } from '../sdk/contract/suitability.js';
import { askRemoteLine } from '../remote-lines/verdicts.js';
import { attachRemoteVerdict } from '../remote-lines/rule.js';

/**
 * A sale as callers describe it: the client's raw `details` and the amount
 * offered; the size rules check is computed here (the product currency fills
 * a missing currency).
 */
export type SaleRequest = Omit<SaleFacts, 'currency' | 'quantity' | 'statedFigures'> & {
  currency?: string | null;
  /** SELL: the units the host planned to redeem. */
  quantity?: string | null;
};

/** A decision with the facts it saw and the size of the sale it judged. */
export interface Decided {
  decision: SuitabilityDecisionRecord;
  facts: SuitabilityFacts;
  size: SaleSize;
}

const UNSIZED: SaleSize = { quantity: null, amount: null, figures: {}, stated: [] };

/**
 * Evaluates one product for loaded customer facts; never throws for a rule's
 * fault. Throws BAD_USER_INPUT for details the line does not accept or a
 * stated figure that does not match the server's sizing.
 */
export async function decide(ctx: HostContext, customer: CustomerFacts, product: ProductRecord, sale: SaleRequest): Promise<Decided> {
  const plugin = ctx.host.pluginByLine.get(product.line);
  const terms = readSaleDetails(plugin, sale.details);
  const currency = sale.currency ?? product.currency;
  // An eligibility listing (nothing offered, nothing stated) has no size: skip the sizing work.
  const sized = (details: Record<string, unknown>): SaleSize =>
    sale.amount === null && (sale.quantity ?? null) === null && Object.keys(terms).length === 0
      ? UNSIZED
      : sizeSale(plugin, {
          side: sale.side,
          amount: sale.amount,
          quantity: sale.quantity ?? null,
          currency,
          product: { id: product.id, currency: product.currency, unitPrice: product.unitPrice, details },
          details: terms,
          settings: ctx.settings,
        });
  // A remote line (no product facts of its own) is sized and asked at once, before anything is awaited: the
  // verdicts of every product decided in this tick of the request go to the partner in one call.
  const remote = ctx.host.remoteLines?.get(product.line);
  const early = remote ? sized({}) : undefined;
  const verdict = remote
    ? askRemoteLine(ctx, remote, {
        customer,
        product,
        sale: {
          side: sale.side,
          amount: early!.amount ?? sale.amount,
          currency,
          channel: sale.channel,
          initiator: sale.initiator,
          details: terms,
          completedSteps: sale.completedSteps,
        },
        now: ctx.now,
      })
    : undefined;
  const [productFacts, seller, remoteVerdict] = await Promise.all([loadProductFacts(ctx, product), loadSellerFacts(ctx), verdict]);
  const size = early ?? sized(productFacts.details);
  const saleFacts: SaleFacts = {
    side: sale.side,
    amount: size.amount ?? sale.amount,
    quantity: size.quantity,
    currency,
    channel: sale.channel,
    initiator: sale.initiator,
    // The server's figures replace whatever the client stated under their names.
    details: { ...terms, ...size.figures },
    statedFigures: size.stated,
    completedSteps: sale.completedSteps,
    seller,
  };
  const facts = assembleFacts(customer, productFacts, saleFacts, ctx.now);
  if (remoteVerdict) attachRemoteVerdict(facts, remoteVerdict);
  const decision = evaluateSuitability(rulesInForce(ctx.host.rules, ctx.settings), facts, { settings: ctx.settings, now: ctx.now }, (ruleId, error) =>
    // The rule's own message may quote the facts it was given: the logger keeps class and frames only (errorSummary).
    ctx.log.error({ ruleId, productId: product.id, err: error }, 'suitability rule failed'),
  );
  // Line, outcome and reason codes only: never who or how much.
  ctx.host.metrics?.suitabilityDecision(product.line, decision);
  return { decision, facts, size };
}

/** Loads the customer's facts (null when out of scope) and decides for one product. */
export async function decideFor(ctx: HostContext, customerId: number, product: ProductRecord, sale: SaleRequest): Promise<Decided | null> {
  const customer = await loadCustomerFacts(ctx, customerId);
  if (!customer) return null;
  return decide(ctx, customer, product, sale);
}
