import { inArray } from 'drizzle-orm';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { type complaints, orders } from '../../db/schema/index.js';
import { byKey } from '../../graphql/loaders.js';
import { decisionLoader } from '../../orders/order.resolver.js';
import type { OrderRow } from '../../orders/order-response.js';
import { Order, SuitabilityDecisionRecordType } from '../../orders/order.types.js';
import { branchLoader, managerLoader } from '../core-loaders.js';
import { Branch, CustomerManager } from '../organisation/organisation.types.js';
import { Complaint } from '../relationship/relationship.types.js';
import { ComplaintEscalationEnum, ESCALATION_LEVELS } from './complaint.enums.js';

/** A complaint row as resolvers receive it (the id already global). */
export type ComplaintRow = Omit<typeof complaints.$inferSelect, 'id'> & { id: string };

/**
 * Orders by id, unscoped: only reached through a complaint the caller already
 * sees, and a complaint's order is always its customer's (checked at filing).
 */
const complaintOrderLoader = (ctx: HostContext) =>
  ctx.loader<number, OrderRow | null>('complaints.order', async (ids) => {
    const rows = await ctx.db
      .select()
      .from(orders)
      .where(inArray(orders.id, [...ids]));
    return byKey(ids, rows, (r) => r.id);
  });

/** Whether a complaint is open past its deadline at `now` (feedback given = answered). */
export const isOverdue = (c: Pick<ComplaintRow, 'feedbackAt' | 'respondBy'>, now: Date): boolean =>
  c.feedbackAt === null && c.respondBy.getTime() < now.getTime();

@Resolver(() => Complaint)
export class ComplaintResolver {
  @FieldResolver(() => Boolean, {
    description: 'Open (no feedback given to the complainant yet, status before FEEDBACK_GIVEN) and past respondBy at the time of the request.',
  })
  overdue(@Root() c: ComplaintRow, @Ctx() ctx: HostContext): boolean {
    return isOverdue(c, ctx.now);
  }

  @FieldResolver(() => ComplaintEscalationEnum, { description: 'How far the complaint has been escalated (escalateComplaint raises it one level at a time).' })
  escalation(@Root() c: ComplaintRow): string {
    return ESCALATION_LEVELS[c.escalationLevel] ?? 'HEAD_OFFICE';
  }

  @FieldResolver(() => CustomerManager, {
    nullable: true,
    description: "The responsible manager: the customer's manager when the complaint was filed (null if the customer had none).",
  })
  responsibleManager(@Root() c: ComplaintRow, @Ctx() ctx: HostContext) {
    return c.managerId === null ? null : managerLoader(ctx).load(c.managerId);
  }

  @FieldResolver(() => Branch, { description: "The customer's branch when the complaint was filed." })
  branch(@Root() c: ComplaintRow, @Ctx() ctx: HostContext) {
    return branchLoader(ctx).load(c.branchId);
  }

  @FieldResolver(() => Order, { nullable: true, description: 'The order complained about (always set for MIS_SELLING).' })
  order(@Root() c: ComplaintRow, @Ctx() ctx: HostContext) {
    return c.orderId === null ? null : complaintOrderLoader(ctx).load(c.orderId);
  }

  @FieldResolver(() => SuitabilityDecisionRecordType, {
    nullable: true,
    description: 'The suitability decision recorded when that order was accepted: the compliance evidence to check a mis-selling complaint against.',
  })
  decisionRecord(@Root() c: ComplaintRow, @Ctx() ctx: HostContext) {
    return c.decisionId === null ? null : decisionLoader(ctx).load(c.decisionId);
  }
}
