import { Decimal } from 'decimal.js';
import { and, eq } from 'drizzle-orm';
import type { HostContext } from '../graphql/context.js';
import { produced, registerApprovalExecutor } from '../controls/maker-checker/executors.js';
import { heldInput, holdForApproval, type ApprovalRow } from '../controls/maker-checker/hold.js';
import { makerCheckerConfig } from '../controls/maker-checker/maker-checker.settings.js';
import { exchangeRates, idempotencyKeys } from '../db/schema/index.js';
import { customerLoader } from '../domain/core-loaders.js';
import { notFound } from '../graphql/errors.js';
import { text } from '../i18n/localized.js';
import type { ProductRecord } from '../domain/products/product.record.js';
import { toGlobalId } from '../graphql/relay/global-id.js';
import { placeOrder, type PlaceOrderRequest } from './place-order.js';

/** A validated order about to be placed. */
export interface OrderToHold {
  customerId: number;
  product: ProductRecord;
  /** Normalised amount, in `currency`. */
  amount: string;
  currency: string;
  actor: string;
  key: string;
  input: PlaceOrderRequest;
}

/**
 * Maker-checker for orders: an order of at least core.makerChecker.orderAmountFromCny (in CNY at the
 * reference rate; a currency without a rate is held) is held for a second person when the setting lists
 * PLACE_ORDER. Costs nothing when it does not. A key this caller already used for an order is not held: the
 * order path replays it. Made by branch staff, the branch's checkers decide it; by head office, head office.
 */
export async function holdLargeOrder(ctx: HostContext, o: OrderToHold): Promise<ApprovalRow | null> {
  const cfg = makerCheckerConfig(ctx.settings);
  if (ctx.approval || !cfg.actions.includes('PLACE_ORDER')) return null;
  let cny: Decimal | null = new Decimal(o.amount);
  if (o.currency !== 'CNY') {
    const [rate] = await ctx.db.select({ r: exchangeRates.rateToCny }).from(exchangeRates).where(eq(exchangeRates.currency, o.currency));
    cny = rate ? cny.mul(rate.r) : null;
  }
  if (cny !== null && cny.lt(cfg.orderAmountFromCny)) return null;
  const [used] = await ctx.db
    .select({ key: idempotencyKeys.key })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.principal, o.actor), eq(idempotencyKeys.key, o.key)));
  if (used) return null;
  // Only an order about to be held reads the customer here (in scope, for the branch whose checkers decide it).
  const customer = await customerLoader(ctx).load(o.customerId);
  if (!customer) throw notFound(text('客户', 'customer'));
  const branchStaff = ctx.principal.role === 'RELATIONSHIP_MANAGER' || ctx.principal.role === 'BRANCH_MANAGER';
  return holdForApproval(ctx, {
    action: 'PLACE_ORDER',
    targetType: 'CustomerProduct',
    targetId: `${toGlobalId('Customer', o.customerId)}/${toGlobalId('Product', o.product.id)}`,
    branchId: branchStaff ? customer.branchId : null,
    input: heldInput(o.input),
    idempotencyKey: o.key,
  });
}

registerApprovalExecutor('PLACE_ORDER', async (ctx, input) => {
  const order = produced(await placeOrder(ctx, input as unknown as PlaceOrderRequest));
  return { type: 'Order', id: toGlobalId('Order', order.id) };
});
