import { asc, eq, inArray } from 'drizzle-orm';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { HostContext } from '../graphql/context.js';
import { bundleOrders, bundles, orders } from '../db/schema/index.js';
import { customerLoader } from '../domain/core-loaders.js';
import type { CustomerRecord } from '../domain/customers/customer.record.js';
import { Customer } from '../domain/customers/customer.type.js';
import { byKey, groupByKey } from '../graphql/loaders.js';
import { registerNodeType } from '../graphql/node-registry.js';
import { toGlobalId } from '../graphql/relay/global-id.js';
import { Order } from '../orders/order.types.js';
import { Bundle } from './bundle.types.js';
import { BundleOrder, BundleService, PlaceBundleOrderInput } from './bundle-admin.types.js';
import { placeBundleOrder, type BundleOrderRow } from './bundle-order.js';
import { presentService } from './bundle.query.js';
import { heldOr } from '../controls/maker-checker/approval.types.js';

const PlaceBundleOrderResult = heldOr(
  'PlaceBundleOrderResult',
  'The bundle order placed, or the Approval holding it (maker-checker: a large bundle).',
  () => BundleOrder,
  'BundleOrder',
);

/** A bundle order is visible exactly when its customer is. */
registerNodeType('BundleOrder', async (ctx, key) => {
  const [row] = await ctx.db.select().from(bundleOrders).where(eq(bundleOrders.id, key));
  return row && (await customerLoader(ctx as HostContext).load(row.customerId)) ? row : null;
});

@Resolver(() => BundleOrder)
export class BundleOrderResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id of the BundleOrder.' })
  id(@Root() o: BundleOrderRow): string {
    return toGlobalId('BundleOrder', o.id);
  }

  @FieldResolver(() => Bundle, { description: 'The bundle version bought.' })
  bundle(@Root() o: BundleOrderRow, @Ctx() ctx: HostContext) {
    return ctx
      .loader<number, typeof bundles.$inferSelect | null>('bundles.byId', async (ids) =>
        byKey(
          ids,
          await ctx.db
            .select()
            .from(bundles)
            .where(inArray(bundles.id, [...ids])),
          (r) => r.id,
        ),
      )
      .load(o.bundleId);
  }

  @FieldResolver(() => Customer, { description: 'The customer who bought it.' })
  customer(@Root() o: BundleOrderRow, @Ctx() ctx: HostContext) {
    return customerLoader(ctx).load(o.customerId);
  }

  @FieldResolver(() => [Order])
  async orders(@Root() o: BundleOrderRow, @Ctx() ctx: HostContext) {
    const rows = await ctx
      .loader<number, typeof orders.$inferSelect | null>('bundles.orderById', async (ids) =>
        byKey(
          ids,
          await ctx.db
            .select()
            .from(orders)
            .where(inArray(orders.id, [...ids])),
          (r) => r.id,
        ),
      )
      .loadMany(o.orderIds);
    return rows.filter((r): r is typeof orders.$inferSelect => r !== null && !(r instanceof Error));
  }

  @FieldResolver(() => [BundleService])
  services(@Root() o: BundleOrderRow, @Ctx() ctx: HostContext): BundleService[] {
    return o.services.map((code) => presentService(ctx.settings, ctx.t, code, null));
  }
}

@Resolver(() => Customer)
export class CustomerBundleOrdersResolver {
  @FieldResolver(() => [BundleOrder], { description: 'Bundles the customer bought, oldest first.' })
  bundleOrders(@Root() c: CustomerRecord, @Ctx() ctx: HostContext) {
    return ctx
      .loader<number, BundleOrderRow[]>('bundles.ordersByCustomer', async (ids) =>
        groupByKey(
          ids,
          await ctx.db
            .select()
            .from(bundleOrders)
            .where(inArray(bundleOrders.customerId, [...ids]))
            .orderBy(asc(bundleOrders.id)),
          (r) => r.customerId,
        ),
      )
      .load(c.id);
  }
}

@Resolver()
export class BundleOrderMutationResolver {
  @Mutation(() => PlaceBundleOrderResult, {
    description:
      '套餐办理 / Buys a bundle for a customer in your book: every product item ordered in one transaction, each re-checked for suitability — all or nothing. A refusal (SUITABILITY_BLOCKED or ' +
      "SUITABILITY_STEPS_REQUIRED) names each item in `extensions.items` with its decision (kept as a BUNDLE_REFUSED decision record); nothing is booked. The bundle's entitlements are granted " +
      'with it. Idempotent under the key. Audited (BUNDLE_ORDER_PLACED). Returns the Approval holding it instead when core.makerChecker lists PLACE_BUNDLE_ORDER and its items come to ' +
      'orderAmountFromCny or more; approved, it is placed as its maker placed it.',
  })
  placeBundleOrder(
    @Arg('input', () => PlaceBundleOrderInput, {
      description: 'The bundle, the customer, amounts per product, channel, initiator, the steps done and an idempotency key.',
    })
    input: PlaceBundleOrderInput,
    @Ctx() ctx: HostContext,
  ) {
    return placeBundleOrder(ctx, input);
  }
}
