import { WRITER_ROLES } from '../auth/principal.js';
import { Decimal } from 'decimal.js';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { HostContext } from '../graphql/context.js';
import { requireRole } from '../auth/guards.js';
import type { Tx } from '../db/client.js';
import { branchOfManagerSql } from '../access/scope.js';
import { customers, holdings, orders, products } from '../db/schema/index.js';
import { customerLoader } from '../domain/core-loaders.js';
import { customerScope } from '../access/scope.js';
import { numericIdOf } from '../graphql/relay/global-id.js';
import { revalueCustomers } from '../domain/holdings/revalue.js';
import { findProduct } from '../domain/products/product.query.js';
import type { ProductRecord } from '../domain/products/product.record.js';
import { badInput, notFound } from '../graphql/errors.js';
import { text } from '../i18n/localized.js';
import type { AcceptedOrder } from '../sdk/manifest.js';
import { loadCustomerFacts } from '../suitability/facts-loader.js';
import { readSaleDetails, type SaleSize } from '../suitability/sale-sizing.js';
import { decide } from '../suitability/service.js';
import type { Initiator, SaleChannel, SuitabilityDecisionRecord, SuitabilityFacts } from '../sdk/contract/suitability.js';
import { recordDecision } from './decision-record.js';
import { checkIdempotencyKey, claimIdempotencyKey, requestHash, storeSaleAnswer } from './idempotency.js';
import { orderToJson, replay, type OrderRow, type StoredOrderResponse } from './order-response.js';
import { checkBookable, type BookedSize } from './bookable.js';
import { applyRedemption, checkProceeds, checkQuantity, lockRedeemable, planRedemption, unpledged, type RedemptionPlan } from './redeem.js';
import { settleDueOrders } from './settle.js';
import { txContext } from './tx-context.js';
import { earnPointsForOrder } from '../points/earn.js';
import { holdLargeOrder } from './order-approval.js';
import type { ApprovalRow } from '../controls/maker-checker/hold.js';

/** A purchase or a redemption as the API receives it. */
export interface PlaceOrderRequest {
  customerId: string;
  productId: string;
  /** BUY (default) or SELL. */
  side?: string | null;
  /** SELL: the amount's expected proceeds; BUY: the amount paid. */
  amount: string;
  /** SELL only: units to redeem. */
  quantity?: string | null;
  currency?: string | null;
  channel: string;
  initiator: string;
  idempotencyKey: string;
  completedSteps: string[];
  details?: Record<string, unknown> | null;
}

const HOUR_MS = 3_600_000;

/** The actor recorded on orders, decisions and idempotency keys. */
export const actorOf = (ctx: HostContext): string => `${ctx.principal.role}:${ctx.principal.subject}`;

/** A positive amount with at most 4 decimal places, normalised; BAD_USER_INPUT otherwise. */
export function checkAmount(amount: string): string {
  let d: Decimal;
  try {
    d = new Decimal(amount);
  } catch {
    throw badInput(text('金额格式无效', 'amount is not a decimal'), 'amount');
  }
  if (!d.isFinite() || d.lte(0) || d.decimalPlaces() > 4)
    throw badInput(text('金额须为正数，最多 4 位小数', 'amount must be positive with at most 4 decimal places'), 'amount');
  return d.toFixed();
}

type Side = 'BUY' | 'SELL';

function checkSide(side: string | null | undefined): Side {
  const s = side ?? 'BUY';
  if (s !== 'BUY' && s !== 'SELL') throw badInput(text('side 须为 BUY 或 SELL', 'side must be BUY or SELL'), 'side');
  return s;
}

/**
 * Places a purchase. In ONE transaction: the idempotency key is claimed first,
 * the customer row is locked (so cumulative limits — card caps, the FX quota —
 * are evaluated against every committed order), suitability is re-evaluated on
 * facts read inside the transaction, and either the refusal (decision record
 * ORDER_REFUSED, no order) or the order (decision record ORDER, holding, line
 * side effects, last activity) is committed together with the response a
 * replay returns.
 *
 * A SELL redeems `quantity` units of the customer's ACTIVE positions (oldest
 * first, locked in the same transaction); `amount` must match the proceeds at
 * the current price within 0.01. It settles at once and is never cancellable.
 *
 * An order of at least core.makerChecker.orderAmountFromCny is held for a second person (an Approval) when
 * the setting lists PLACE_ORDER; approved, it runs here again as its maker, judged on that moment's facts.
 */
export async function placeOrder(ctx: HostContext, input: PlaceOrderRequest): Promise<OrderRow | ApprovalRow> {
  requireRole(ctx, ...WRITER_ROLES);
  const key = checkIdempotencyKey(input.idempotencyKey);
  const amount = checkAmount(input.amount);
  const side = checkSide(input.side);
  const quantity = side === 'SELL' ? checkQuantity(input.quantity) : null;
  if (side === 'BUY' && input.quantity != null) {
    throw badInput(text('quantity 仅用于赎回（SELL）；购买请给出金额', 'quantity is only for redemptions (SELL); a purchase gives amount'), 'quantity');
  }
  // The customer row is read once, inside the transaction, locked and within the caller's scope (executeOrder).
  const customerId = numericIdOf(input.customerId, 'Customer');
  if (customerId === null) throw notFound(text('客户', 'customer'));
  const product = await findProduct(ctx, input.productId);
  if (!product) throw notFound(text('产品', 'product'));
  if (ctx.host.pluginByLine.get(product.line)?.applicationsOnly) {
    throw badInput(
      text(`${product.line} 产品须申请（经调查与审批），不能直接下单`, `${product.line} products are applied for (investigated and approved), never ordered`),
      'productId',
    );
  }
  // Details the line does not accept are refused before anything is written.
  readSaleDetails(ctx.host.pluginByLine.get(product.line), input.details);
  const currency = input.currency ?? product.currency;
  if (currency !== product.currency) {
    throw badInput(text(`该产品以 ${product.currency} 计价`, `This product is priced in ${product.currency}`), 'currency');
  }
  const actor = actorOf(ctx);
  const held = await holdLargeOrder(ctx, { customerId, product, amount, currency, actor, key, input });
  if (held) {
    ctx.host.metrics?.order(product.line, side, 'held_for_approval');
    return held;
  }
  await settleDueOrders(ctx.host, ctx.now);

  // BUY is the default: hashing it only when SELL keeps keys stored before `side` existed replayable.
  const hash = requestHash({ operation: 'placeOrder', input: { ...input, side: side === 'BUY' ? undefined : side } });
  const response = await ctx.db.transaction(async (tx) => {
    const claim = await claimIdempotencyKey<StoredOrderResponse>(tx, actor, key, 'placeOrder', hash);
    if (claim.state === 'replay') return { stored: claim.response, fresh: false };
    const stored = await executeOrder(ctx, tx, { customerId, productId: product.id, side, amount, quantity, currency, actor, input });
    await storeSaleAnswer(tx, actor, key, stored, ctx.approval !== undefined);
    return { stored, fresh: true };
  });
  if (response.fresh && response.stored.kind === 'order') await revalueCustomers(ctx.host, [customerId]);
  ctx.host.metrics?.order(
    product.line,
    side,
    !response.fresh ? 'replayed' : response.stored.kind === 'order' ? 'placed' : response.stored.code === 'SUITABILITY_BLOCKED' ? 'blocked' : 'steps_required',
  );
  return replay(response.stored, ctx.lang);
}

/** One order to execute inside a transaction the caller opened (after claiming its idempotency key). */
export interface Execution {
  customerId: number;
  productId: number;
  side: Side;
  amount: string;
  /** SELL: units to redeem. */
  quantity: string | null;
  currency: string;
  actor: string;
  input: PlaceOrderRequest;
}

/**
 * Executes one order inside `tx`: locks the customer, judges it on facts read in the transaction, and
 * records either the refusal (decision record only) or the order with its holding. Bundle orders run it
 * once per item in one transaction.
 */
export async function executeOrder(ctx: HostContext, tx: Tx, e: Execution): Promise<StoredOrderResponse> {
  // The one read of the customer row: locked (cumulative limits see every committed order) and scoped (a customer
  // outside the caller's book is NOT_FOUND); the facts below take it from the transaction's loader.
  const [locked] = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.id, e.customerId), customerScope(ctx.principal)))
    .for('update');
  if (!locked) throw notFound(text('客户', 'customer'));
  const tctx = txContext(ctx, tx);
  customerLoader(tctx).prime(locked.id, locked);
  const [product] = await tx.select().from(products).where(eq(products.id, e.productId));
  const customerFacts = await loadCustomerFacts(tctx, e.customerId);
  if (!customerFacts || !product) throw notFound(text('客户', 'customer'));
  const redemption = e.side === 'SELL' ? await prepareRedemption(ctx, tx, product, e) : null;
  const { decision, facts, size } = await decide(tctx, customerFacts, product, {
    side: e.side,
    amount: redemption ? redemption.proceeds : e.amount,
    quantity: redemption ? e.quantity : null,
    currency: e.currency,
    channel: e.input.channel as SaleChannel,
    initiator: e.input.initiator as Initiator,
    details: e.input.details ?? {},
    completedSteps: e.input.completedSteps,
  });
  // What the order records as its details: the validated terms with the server's figures, as the rules saw them.
  const details = facts.sale.details;
  const refusal = refusalOf(decision);
  const decisionId = await recordDecision(tx, {
    purpose: refusal ? 'ORDER_REFUSED' : 'ORDER',
    decision,
    facts,
    actor: e.actor,
    requestId: ctx.requestId,
    at: ctx.now,
  });
  if (refusal) return { kind: 'refused', ...refusal, decisionId, decision };
  const order = redemption
    ? await acceptRedemption(ctx, tx, product, redemption, decisionId, e, details)
    : await accept(ctx, tx, product, facts, size, decisionId, e);
  return { kind: 'order', order: orderToJson(order) };
}

/** Why a decision refuses a sale (BLOCK, or steps missing), or null when it may go ahead. */
export function refusalOf(d: SuitabilityDecisionRecord): Pick<Extract<StoredOrderResponse, { kind: 'refused' }>, 'code' | 'message'> | null {
  if (d.outcome === 'BLOCK') {
    return { code: 'SUITABILITY_BLOCKED', message: text('适当性检查不通过，不能下单', 'The sale is not suitable and is blocked') };
  }
  if (d.missingSteps.length > 0) {
    return {
      code: 'SUITABILITY_STEPS_REQUIRED',
      message: text(`下单前须完成：${d.missingSteps.join('、')}`, `Complete these steps first: ${d.missingSteps.join(', ')}`),
    };
  }
  return null;
}

/** Scalar line details of the product: the starting attributes of a new position (card kind, class…). */
const scalarDetails = (details: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(details).filter(([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v)));

/**
 * Books an accepted purchase at the size the rules judged: the line's quantity
 * and the amount charged, after the host's own check that the position is not
 * worth more than was charged (see {@link checkBookable}).
 */
async function accept(
  ctx: HostContext,
  tx: Tx,
  product: ProductRecord,
  facts: SuitabilityFacts,
  size: SaleSize,
  decisionId: number,
  e: Execution,
): Promise<OrderRow> {
  const plugin = ctx.host.pluginByLine.get(product.line);
  const details = facts.sale.details;
  // The product's own attributes win over the sale's terms: a client cannot relabel what it bought.
  const attributes = { ...details, ...scalarDetails(facts.product.details) };
  const booked = checkBookable(plugin, product, size, e.amount, attributes);
  const coolingOff = product.coolingOffHours > 0;
  const coolingOffEndsAt = coolingOff ? new Date(ctx.now.getTime() + product.coolingOffHours * HOUR_MS) : null;
  const holdingId = await bookHolding(tx, product, e, booked, coolingOff, ctx.now, attributes);
  const order = await recordOrder(ctx, tx, product, e, details, {
    side: 'BUY',
    amount: booked.amount,
    quantity: booked.quantity,
    status: coolingOff ? 'PENDING' : 'SETTLED',
    decisionId,
    holdingId,
    coolingOffEndsAt,
    settledAt: coolingOff ? null : ctx.now,
  });
  // Points are earned in the order's transaction: an order that rolls back earns nothing.
  await earnPointsForOrder(
    tx,
    ctx.settings,
    { id: order.id, customerId: order.customerId, line: order.line, amount: order.amount, currency: order.currency },
    e.actor,
    ctx.requestId,
    ctx.now,
  );
  return order;
}

/** Locks the positions a SELL redeems, plans it and checks the requested proceeds; throws BAD_USER_INPUT before anything is written. */
async function prepareRedemption(ctx: HostContext, tx: Tx, product: ProductRecord, e: Execution): Promise<RedemptionPlan> {
  const held = unpledged(await lockRedeemable(tx, e.customerId, product.id), e.quantity!);
  const plan = planRedemption(ctx.host.pluginByLine.get(product.line), product, held, e.quantity!);
  checkProceeds(e.amount, plan, product.currency);
  return plan;
}

/**
 * Books an accepted redemption: positions reduced, order SETTLED at once (no
 * cooling-off) for the computed proceeds, pointing at the oldest position it
 * reduced.
 */
async function acceptRedemption(
  ctx: HostContext,
  tx: Tx,
  product: ProductRecord,
  plan: RedemptionPlan,
  decisionId: number,
  e: Execution,
  details: Record<string, unknown>,
): Promise<OrderRow> {
  await applyRedemption(tx, plan, ctx.now);
  return recordOrder(ctx, tx, product, e, details, {
    side: 'SELL',
    amount: plan.proceeds,
    quantity: e.quantity!,
    status: 'SETTLED',
    decisionId,
    holdingId: plan.slices[0]?.holding.id ?? null,
    coolingOffEndsAt: null,
    settledAt: ctx.now,
  });
}

type OrderTerms = Pick<typeof orders.$inferInsert, 'side' | 'amount' | 'quantity' | 'status' | 'decisionId' | 'holdingId' | 'coolingOffEndsAt' | 'settledAt'>;

/**
 * Who sold it, for sales KPIs: a relationship manager and their branch, or a
 * branch manager's branch; self-service and head office sell for no branch.
 */
function sellerOf(ctx: HostContext): { sellerManagerId: number | null; sellerBranchId: number | SQL | null } {
  const p = ctx.principal;
  if (p.role === 'RELATIONSHIP_MANAGER' && p.managerId !== undefined) {
    return { sellerManagerId: p.managerId, sellerBranchId: branchOfManagerSql(p.managerId) };
  }
  if (p.role === 'BRANCH_MANAGER' && p.branchId !== undefined) return { sellerManagerId: null, sellerBranchId: p.branchId };
  return { sellerManagerId: null, sellerBranchId: null };
}

/** Inserts the order, runs the line's `orders.onAccepted` and records the customer's activity, all in `tx`. */
async function recordOrder(
  ctx: HostContext,
  tx: Tx,
  product: ProductRecord,
  e: Execution,
  details: Record<string, unknown>,
  terms: OrderTerms,
): Promise<OrderRow> {
  const plugin = ctx.host.pluginByLine.get(product.line);
  const [order] = await tx
    .insert(orders)
    .values({
      customerId: e.customerId,
      productId: product.id,
      line: product.line,
      currency: e.currency,
      channel: e.input.channel,
      initiator: e.input.initiator,
      completedSteps: e.input.completedSteps,
      details,
      placedBy: e.actor,
      ...sellerOf(ctx),
      placedAt: ctx.now,
      ...terms,
    })
    .returning();
  if (plugin?.orders?.onAccepted) await plugin.orders.onAccepted(tx, acceptedOrderOf(order));
  await tx
    .update(customers)
    .set({
      lastActivityAt: sql`greatest(coalesce(${customers.lastActivityAt}, ${ctx.now.toISOString()}::timestamptz), ${ctx.now.toISOString()}::timestamptz)`,
      updatedAt: ctx.now,
    })
    .where(eq(customers.id, e.customerId));
  return order;
}

/**
 * Opens or adds to the position. Priced, fungible units (fund shares, gold
 * grams) add to an open ACTIVE position; a cooling-off order always opens its
 * own PENDING position so a cancel removes exactly it; unpriced instruments
 * (a card, a policy) are one position each.
 */
async function bookHolding(
  tx: Tx,
  product: ProductRecord,
  e: Execution,
  booked: BookedSize,
  coolingOff: boolean,
  now: Date,
  attributes: Record<string, unknown>,
): Promise<number> {
  if (!coolingOff && product.unitPrice !== null) {
    const [open] = await tx
      .select()
      .from(holdings)
      .where(
        and(eq(holdings.customerId, e.customerId), eq(holdings.productId, product.id), eq(holdings.status, 'ACTIVE'), eq(holdings.costCurrency, e.currency)),
      )
      .orderBy(holdings.id)
      .limit(1)
      .for('update');
    if (open) {
      await tx
        .update(holdings)
        .set({
          quantity: new Decimal(open.quantity).add(booked.quantity).toFixed(6),
          costAmount: new Decimal(open.costAmount).add(booked.amount).toFixed(4),
          updatedAt: now,
        })
        .where(eq(holdings.id, open.id));
      return open.id;
    }
  }
  const [h] = await tx
    .insert(holdings)
    .values({
      customerId: e.customerId,
      productId: product.id,
      quantity: booked.quantity,
      costAmount: booked.amount,
      costCurrency: e.currency,
      status: coolingOff ? 'PENDING' : 'ACTIVE',
      attributes: { ...attributes, openedAt: now.toISOString() },
      openedAt: now,
    })
    .returning({ id: holdings.id });
  return h.id;
}

/**
 * The order as plugins see it: its details are the validated terms and the
 * figures the line's sizing computed (a client value never survives under a
 * figure's name), so `onAccepted` may count them as booked.
 */
export function acceptedOrderOf(order: OrderRow): AcceptedOrder {
  return {
    id: order.id,
    customerId: order.customerId,
    productId: order.productId,
    side: order.side as 'BUY' | 'SELL',
    amount: order.amount,
    currency: order.currency,
    quantity: order.quantity,
    details: order.details,
    placedAt: order.placedAt,
  };
}
