import { inArray } from 'drizzle-orm';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { HostContext } from '../graphql/context.js';
import { requireRole } from '../auth/guards.js';
import { holdings, orders, suitabilityDecisions } from '../db/schema/index.js';
import { Money, money } from '../domain/common/money.type.js';
import { customerLoader, productLoader } from '../domain/core-loaders.js';
import type { CustomerRecord } from '../domain/customers/customer.record.js';
import { Customer } from '../domain/customers/customer.type.js';
import { Holding } from '../domain/holdings/holding.types.js';
import { Product } from '../domain/products/product.interface.js';
import { byKey } from '../graphql/loaders.js';
import { registerNodeType } from '../graphql/node-registry.js';
import { toGlobalId } from '../graphql/relay/global-id.js';
import { childPage } from '../graphql/relay/child-pages.js';
import { keysetPage } from '../graphql/relay/paginate.js';
import { ConnectionArgs } from '../graphql/relay/types.js';
import { presentDecision, SuitabilityDecisionType } from '../suitability/decision.types.js';
import { heldOr } from '../controls/maker-checker/approval.types.js';
import { cancelOrder, findOrder } from './cancel-order.js';
import { storedDecision, type DecisionRow } from './decision-record.js';
import type { OrderRow } from './order-response.js';
import { Order, OrderConnection, PlaceOrderInput } from './order.types.js';
import { placeOrder } from './place-order.js';
import { settleDueOrders } from './settle.js';

const PlaceOrderResult = heldOr('PlaceOrderResult', 'The order placed, or the Approval holding it (maker-checker: a large order).', () => Order, 'Order');

registerNodeType('Order', (ctx, key) => findOrder(ctx, toGlobalId('Order', key)));

/** Recorded decisions by id, one statement per batch. */
export const decisionLoader = (ctx: HostContext) =>
  ctx.loader<number, DecisionRow | null>('orders.decision', async (ids) => {
    const rows = await ctx.db
      .select()
      .from(suitabilityDecisions)
      .where(inArray(suitabilityDecisions.id, [...ids]));
    return byKey(ids, rows, (r) => r.id);
  });

const holdingLoader = (ctx: HostContext) =>
  ctx.loader<number, typeof holdings.$inferSelect | null>('orders.holding', async (ids) => {
    const rows = await ctx.db
      .select()
      .from(holdings)
      .where(inArray(holdings.id, [...ids]));
    return byKey(ids, rows, (r) => r.id);
  });

@Resolver(() => Order)
export class OrderResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id of the Order.' })
  id(@Root() o: OrderRow): string {
    return toGlobalId('Order', o.id);
  }

  @FieldResolver(() => Customer)
  async customer(@Root() o: OrderRow, @Ctx() ctx: HostContext) {
    return customerLoader(ctx).load(o.customerId);
  }

  @FieldResolver(() => Product)
  async product(@Root() o: OrderRow, @Ctx() ctx: HostContext) {
    return productLoader(ctx).load(o.productId);
  }

  @FieldResolver(() => Money)
  amount(@Root() o: OrderRow): Money {
    return money(o.amount, o.currency);
  }

  @FieldResolver(() => Money, { nullable: true })
  refund(@Root() o: OrderRow): Money | null {
    return o.status === 'CANCELLED' ? money(o.amount, o.currency) : null;
  }

  @FieldResolver(() => Holding, { nullable: true })
  async holding(@Root() o: OrderRow, @Ctx() ctx: HostContext) {
    return o.holdingId ? holdingLoader(ctx).load(o.holdingId) : null;
  }

  @FieldResolver(() => SuitabilityDecisionType)
  async decision(@Root() o: OrderRow, @Ctx() ctx: HostContext) {
    const row = await decisionLoader(ctx).load(o.decisionId);
    if (!row) throw new Error(`order ${o.id} has no decision record ${o.decisionId}`);
    return presentDecision(storedDecision(row), ctx.lang);
  }
}

@Resolver(() => Customer)
export class CustomerOrdersResolver {
  @FieldResolver(() => OrderConnection, { description: 'Orders of this customer, oldest first.' })
  async orders(@Root() c: CustomerRecord, @Ctx() ctx: HostContext, @Args(() => ConnectionArgs) args: ConnectionArgs) {
    return childPage(
      ctx,
      { name: 'orders.byCustomer', table: orders, parent: orders.customerId, key: orders.id },
      keysetPage(args, ctx.settings.get('core.pageSize')),
      c.id,
    );
  }
}

@Resolver()
export class OrderMutationResolver {
  @Mutation(() => PlaceOrderResult, {
    description:
      'Places a purchase (side BUY) or a redemption (side SELL, with quantity; see PlaceOrderInput). Suitability is re-checked in the same transaction: BLOCK → SUITABILITY_BLOCKED, REQUIRE with steps missing → ' +
      'SUITABILITY_STEPS_REQUIRED (both with the reasons; the attempt is recorded as ORDER_REFUSED). Same key + same input replays the first result. ' +
      'An order of at least core.makerChecker.orderAmountFromCny is held for a second person (an Approval) when the setting lists PLACE_ORDER.',
  })
  placeOrder(
    @Arg('input', () => PlaceOrderInput, { description: 'The product, the customer, the amount, channel, initiator, the steps done and an idempotency key.' })
    input: PlaceOrderInput,
    @Ctx() ctx: HostContext,
  ) {
    return placeOrder(ctx, input);
  }

  @Mutation(() => Order, {
    description: 'Cancels a purchase inside its cooling-off period: full refund, position removed. A redemption (SELL) → BAD_USER_INPUT.',
  })
  cancelOrder(
    @Arg('orderId', () => ID, { description: "The purchase to cancel (an Order in the caller's scope, within its cooling-off period)." }) orderId: string,
    @Arg('reason', () => String, { description: 'Why the order is cancelled (kept on the order as cancelReason).' }) reason: string,
    @Ctx() ctx: HostContext,
  ) {
    return cancelOrder(ctx, orderId, reason);
  }

  @Mutation(() => Int, { description: 'Operations (head office): settles orders whose cooling-off period has ended; returns how many.' })
  settleDueOrders(@Ctx() ctx: HostContext) {
    requireRole(ctx, 'HEAD_OFFICE');
    return settleDueOrders(ctx.host, ctx.now);
  }
}
