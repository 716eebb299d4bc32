import { WRITER_ROLES } from '../auth/principal.js';
import { eq, sql } from 'drizzle-orm';
import type { HostContext } from '../graphql/context.js';
import { requireRole } from '../auth/guards.js';
import { auditEvents, customers, holdings, orders } from '../db/schema/index.js';
import { customerLoader } from '../domain/core-loaders.js';
import { revalueCustomers } from '../domain/holdings/revalue.js';
import { badInput, conflict, notFound } from '../graphql/errors.js';
import { numericIdOf } from '../graphql/relay/global-id.js';
import { text } from '../i18n/localized.js';
import { acceptedOrderOf, actorOf } from './place-order.js';
import type { OrderRow } from './order-response.js';
import { settleDueOrders } from './settle.js';
import { reversePointsForOrder } from '../points/earn.js';

/** An order by global id, when its customer is in the caller's scope. */
export async function findOrder(ctx: HostContext, id: string): Promise<OrderRow | null> {
  const key = numericIdOf(id, 'Order');
  if (!key) return null;
  const [row] = await ctx.db.select().from(orders).where(eq(orders.id, key));
  if (!row) return null;
  return (await customerLoader(ctx).load(row.customerId)) ? row : null;
}

/**
 * Cancels a purchase inside its cooling-off period: the order is CANCELLED, its
 * position removed, the amount refunded in full (recorded in the audit trail),
 * and the line undoes its side effects (`orders.onCancelled`). Outside the
 * period, or a redemption (SELL) → BAD_USER_INPUT; already cancelled → CONFLICT.
 */
export async function cancelOrder(ctx: HostContext, orderId: string, reason: string): Promise<OrderRow> {
  requireRole(ctx, ...WRITER_ROLES);
  const trimmed = reason.trim();
  if (trimmed.length === 0 || trimmed.length > 500) throw badInput(text('撤单原因须为 1 到 500 个字符', 'reason must be 1 to 500 characters'), 'reason');
  const found = await findOrder(ctx, orderId);
  if (!found) throw notFound(text('订单', 'order'));
  await settleDueOrders(ctx.host, ctx.now);
  const cancelled = await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select id from ${customers} where id = ${found.customerId} for update`);
    const [order] = await tx.select().from(orders).where(eq(orders.id, found.id)).for('update');
    if (order.side === 'SELL') {
      throw badInput(text('赎回订单没有冷静期，不能撤单', 'A redemption has no cooling-off period and cannot be cancelled'), 'orderId');
    }
    if (order.status === 'CANCELLED') throw conflict(text('订单已撤销', 'The order is already cancelled'));
    if (order.status !== 'PENDING' || !order.coolingOffEndsAt || order.coolingOffEndsAt.getTime() <= ctx.now.getTime()) {
      throw badInput(text('订单已过冷静期，不能撤单', 'The cooling-off period is over; the order cannot be cancelled'), 'orderId');
    }
    const [row] = await tx.update(orders).set({ status: 'CANCELLED', cancelledAt: ctx.now, cancelReason: trimmed }).where(eq(orders.id, order.id)).returning();
    if (order.holdingId) await tx.update(holdings).set({ status: 'CLOSED', updatedAt: ctx.now }).where(eq(holdings.id, order.holdingId));
    const plugin = ctx.host.pluginByLine.get(order.line);
    if (plugin?.orders?.onCancelled) await plugin.orders.onCancelled(tx, acceptedOrderOf(order));
    await reversePointsForOrder(tx, order.id, actorOf(ctx), ctx.requestId, ctx.now);
    await tx.insert(auditEvents).values({
      actor: actorOf(ctx),
      role: ctx.principal.role,
      action: 'ORDER_CANCELLED',
      targetType: 'Order',
      targetId: String(order.id),
      purpose: 'COOLING_OFF_CANCEL',
      requestId: ctx.requestId,
      details: { reason: trimmed, refundAmount: order.amount, refundCurrency: order.currency },
    });
    await tx
      .update(customers)
      .set({
        lastActivityAt: sql`greatest(coalesce(${customers.lastActivityAt}, ${ctx.now.toISOString()}::timestamptz), ${ctx.now.toISOString()}::timestamptz)`,
        updatedAt: ctx.now,
      })
      .where(eq(customers.id, order.customerId));
    return row;
  });
  await revalueCustomers(ctx.host, [cancelled.customerId]);
  return cancelled;
}
