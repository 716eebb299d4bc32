import { Decimal } from 'decimal.js';
import { and, eq, inArray } from 'drizzle-orm';
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
 * What amounts come to in CNY at the reference rates; null when a currency has no rate (such an order is held:
 * its size cannot be known to be under the bar).
 */
export async function amountInCny(ctx: HostContext, amounts: { amount: string; currency: string }[]): Promise<Decimal | null> {
  const foreign = [...new Set(amounts.map((a) => a.currency).filter((c) => c !== 'CNY'))];
  const rates = new Map<string, string>(
    foreign.length === 0
      ? []
      : (
          await ctx.db.select({ c: exchangeRates.currency, r: exchangeRates.rateToCny }).from(exchangeRates).where(inArray(exchangeRates.currency, foreign))
        ).map((x) => [x.c, x.r] as const),
  );
  let total = new Decimal(0);
  for (const a of amounts) {
    if (a.currency === 'CNY') total = total.add(a.amount);
    else if (rates.has(a.currency)) total = total.add(new Decimal(a.amount).mul(rates.get(a.currency)!));
    else return null;
  }
  return total;
}

/** Whether this caller already used the key: its order (or bundle order) exists, and the order path replays it. */
export async function keyUsed(ctx: HostContext, actor: string, key: string): Promise<boolean> {
  const [used] = await ctx.db
    .select({ key: idempotencyKeys.key })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.principal, actor), eq(idempotencyKeys.key, key)));
  return used !== undefined;
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
  const cny = await amountInCny(ctx, [{ amount: o.amount, currency: o.currency }]);
  if (cny !== null && cny.lt(cfg.orderAmountFromCny)) return null;
  if (await keyUsed(ctx, o.actor, o.key)) return null;
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
