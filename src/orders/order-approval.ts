import { Decimal } from 'decimal.js';
import { and, eq, inArray } from 'drizzle-orm';
import type { HostContext } from '../graphql/context.js';
import { produced, registerApprovalExecutor } from '../controls/maker-checker/executors.js';
import { heldInput, holdForApproval, type ApprovalRow } from '../controls/maker-checker/hold.js';
import { makerCheckerConfig, type ApprovalAction } from '../controls/maker-checker/maker-checker.settings.js';
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
async function amountInCny(ctx: HostContext, amounts: { amount: string; currency: string }[]): Promise<Decimal | null> {
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

/**
 * Whether a sale (one order, or a bundle's items) is held for `action`: core.makerChecker lists it, it is not
 * itself an approved action being run, its amounts come to orderAmountFromCny or more in CNY (or a currency has
 * no rate), and the caller has not used the key before (a used key's order exists, and the sale path replays it).
 */
export async function saleNeedsApproval(
  ctx: HostContext,
  action: Extract<ApprovalAction, 'PLACE_ORDER' | 'PLACE_BUNDLE_ORDER'>,
  amounts: { amount: string; currency: string }[],
  actor: string,
  key: string,
): Promise<boolean> {
  const cfg = makerCheckerConfig(ctx.settings);
  if (ctx.approval || !cfg.actions.includes(action)) return false;
  const cny = await amountInCny(ctx, amounts);
  if (cny !== null && cny.lt(cfg.orderAmountFromCny)) return false;
  const [used] = await ctx.db
    .select({ key: idempotencyKeys.key })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.principal, actor), eq(idempotencyKeys.key, key)));
  return used === undefined;
}

/** The branch whose checkers decide a held sale: the customer's when branch staff made it; head office's (null) otherwise. */
export function decidingBranch(ctx: HostContext, customerBranchId: number | null): number | null {
  const branchStaff = ctx.principal.role === 'RELATIONSHIP_MANAGER' || ctx.principal.role === 'BRANCH_MANAGER';
  return branchStaff ? customerBranchId : null;
}

/**
 * Maker-checker for orders: an order of at least core.makerChecker.orderAmountFromCny (in CNY at the
 * reference rate; a currency without a rate is held) is held for a second person when the setting lists
 * PLACE_ORDER. Costs nothing when it does not. A key this caller already used for an order is not held: the
 * order path replays it. Made by branch staff, the branch's checkers decide it; by head office, head office.
 */
export async function holdLargeOrder(ctx: HostContext, o: OrderToHold): Promise<ApprovalRow | null> {
  if (!(await saleNeedsApproval(ctx, 'PLACE_ORDER', [{ amount: o.amount, currency: o.currency }], o.actor, o.key))) return null;
  // Only an order about to be held reads the customer here (in scope, for the branch whose checkers decide it).
  const customer = await customerLoader(ctx).load(o.customerId);
  if (!customer) throw notFound(text('客户', 'customer'));
  return holdForApproval(ctx, {
    action: 'PLACE_ORDER',
    targetType: 'CustomerProduct',
    targetId: `${toGlobalId('Customer', o.customerId)}/${toGlobalId('Product', o.product.id)}`,
    branchId: decidingBranch(ctx, customer.branchId),
    input: heldInput(o.input),
    idempotencyKey: o.key,
  });
}

registerApprovalExecutor('PLACE_ORDER', async (ctx, input) => {
  const order = produced(await placeOrder(ctx, input as unknown as PlaceOrderRequest));
  return { type: 'Order', id: toGlobalId('Order', order.id) };
});
