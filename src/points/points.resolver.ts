import { eq } from 'drizzle-orm';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HostContext } from '../graphql/context.js';
import { requireRole } from '../auth/guards.js';
import { CUSTOMER_READER_ROLES } from '../auth/principal.js';
import { pointsLedger } from '../db/schema/index.js';
import { customerLoader } from '../domain/core-loaders.js';
import type { CustomerRecord } from '../domain/customers/customer.record.js';
import { Customer } from '../domain/customers/customer.type.js';
import { registerNodeType } from '../graphql/node-registry.js';
import { toGlobalId } from '../graphql/relay/global-id.js';
import { childPage } from '../graphql/relay/child-pages.js';
import { keysetPage } from '../graphql/relay/paginate.js';
import { ConnectionArgs } from '../graphql/relay/types.js';
import { Order } from '../orders/order.types.js';
import { findOrder } from '../orders/cancel-order.js';
import { adjustPoints } from './adjust.js';
import { noPoints, pointsPositions, type PointsPosition } from './points-position.sql.js';
import { pointsConfig } from './points.settings.js';
import { AdjustPointsInput, CustomerPoints, PointsEntry, PointsEntryConnection, PointsRedemptionItem, RedeemPointsInput } from './points.types.js';
import { redeemPoints, type LedgerRow } from './redeem.js';
import { heldOr } from '../controls/maker-checker/approval.types.js';

const AdjustPointsResult = heldOr(
  'AdjustPointsResult',
  'The ledger line the adjustment booked, or the Approval holding it (maker-checker).',
  () => PointsEntry,
  'PointsEntry',
);

const DAY_MS = 86_400_000;

/** A ledger line, when its customer is in the caller's scope. */
registerNodeType('PointsEntry', async (ctx, key) => {
  const [row] = await ctx.db.select().from(pointsLedger).where(eq(pointsLedger.id, key));
  return row && (await customerLoader(ctx).load(row.customerId)) ? row : null;
});

/** What `Customer.points` resolves to: the position, and whose it is (for the ledger). */
type PointsView = PointsPosition & { expiringWithinDays: number };

/** The positions of every customer of a request, one statement per batch. */
const positionLoader = (ctx: HostContext) =>
  ctx.loader<number, PointsPosition>('points.position', async (ids) => {
    const soon = new Date(ctx.now.getTime() + pointsConfig(ctx.settings).expiringSoonDays * DAY_MS);
    const found = await pointsPositions(ctx.db, ids, ctx.now, soon);
    return ids.map((id) => found.get(id) ?? noPoints(id));
  });

@Resolver(() => PointsEntry)
export class PointsEntryResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id.' })
  id(@Root() e: LedgerRow): string {
    return toGlobalId('PointsEntry', e.id);
  }
  @FieldResolver(() => Customer, { description: 'Whose points these are.' })
  customer(@Root() e: LedgerRow, @Ctx() ctx: HostContext) {
    return customerLoader(ctx).load(e.customerId);
  }
  @FieldResolver(() => Order, { nullable: true, description: 'EARNED / REVERSED: the order.' })
  order(@Root() e: LedgerRow, @Ctx() ctx: HostContext) {
    return e.orderId === null ? null : findOrder(ctx, toGlobalId('Order', e.orderId));
  }
}

@Resolver(() => CustomerPoints)
export class CustomerPointsResolver {
  @FieldResolver(() => PointsEntryConnection, { description: 'The ledger, newest first.' })
  ledger(@Root() p: PointsView, @Ctx() ctx: HostContext, @Args(() => ConnectionArgs) args: ConnectionArgs) {
    return childPage(
      ctx,
      { name: 'points.ledger', table: pointsLedger, parent: pointsLedger.customerId, key: pointsLedger.id, newestFirst: true },
      keysetPage(args, ctx.settings.get('core.pageSize')),
      p.customerId,
    );
  }
}

@Resolver(() => Customer)
export class CustomerPointsFieldResolver {
  @FieldResolver(() => CustomerPoints, { description: "客户积分 / The customer's points: balance, what lapses soon, the ledger." })
  async points(@Root() c: CustomerRecord, @Ctx() ctx: HostContext): Promise<PointsView> {
    return { ...(await positionLoader(ctx).load(c.id)), expiringWithinDays: pointsConfig(ctx.settings).expiringSoonDays };
  }
}

@Resolver()
export class PointsResolver {
  @Query(() => [PointsRedemptionItem], {
    description: '积分兑换目录 / What points buy (core.points.redemptions), cheapest first. Staff who serve customers, head office and auditors.',
  })
  pointsRedemptionCatalogue(@Ctx() ctx: HostContext): PointsRedemptionItem[] {
    requireRole(ctx, ...CUSTOMER_READER_ROLES);
    return Object.entries(pointsConfig(ctx.settings).redemptions)
      .map(([code, item]) => ({ code, label: ctx.t(item.label), points: item.points }))
      .sort((a, b) => a.points - b.points || a.code.localeCompare(b.code));
  }

  @Mutation(() => PointsEntry, {
    description:
      "积分兑换 / Spends a customer's points on a catalogue item, at their request (relationship managers for their book, branch managers for their branch, head office). " +
      'Idempotent by key; never overdraws, even with simultaneous redemptions (BAD_USER_INPUT, reason INSUFFICIENT_POINTS, with balance and cost). Audited as POINTS_REDEEMED.',
  })
  redeemPoints(
    @Arg('input', () => RedeemPointsInput, { description: 'The customer, the catalogue item and an idempotency key.' }) input: RedeemPointsInput,
    @Ctx() ctx: HostContext,
  ) {
    return redeemPoints(ctx, input);
  }

  @Mutation(() => AdjustPointsResult, {
    description:
      '积分调整 / Head office grants or deducts points with a written reason (a deduction never takes the balance below zero). Audited as POINTS_ADJUSTED; ' +
      "needs a second person's approval when core.makerChecker lists ADJUST_POINTS.",
  })
  adjustPoints(
    @Arg('input', () => AdjustPointsInput, { description: 'The customer, the signed number of points and why.' }) input: AdjustPointsInput,
    @Ctx() ctx: HostContext,
  ) {
    return adjustPoints(ctx, input);
  }
}
