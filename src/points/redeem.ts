import { WRITER_ROLES } from '../auth/principal.js';
import { and, eq } from 'drizzle-orm';
import type { HostContext } from '../graphql/context.js';
import { recordAudit } from '../audit/record.js';
import { requireRole } from '../auth/guards.js';
import { pointsLedger } from '../db/schema/index.js';
import { findCustomer } from '../domain/customers/customer.query.js';
import { badInput, conflict, FinmartError, notFound } from '../graphql/errors.js';
import { text } from '../i18n/localized.js';
import { actorOf } from '../orders/place-order.js';
import { checkIdempotencyKey } from '../orders/idempotency.js';
import { lockPointsPosition } from './lock-position.js';
import { pointsConfig } from './points.settings.js';

export type LedgerRow = typeof pointsLedger.$inferSelect;

/** A redemption as the API receives it. */
export interface RedeemPointsRequest {
  customerId: string;
  /** A code of the redemption catalogue (core.points.redemptions). */
  item: string;
  idempotencyKey: string;
}

/**
 * Spends points on a catalogue item (积分兑换), at the customer's request, by staff who serve the customer.
 * Idempotent: the same key from the same caller for the same customer returns the first redemption (another
 * item under that key is a CONFLICT). The customer row is locked, expiries booked, and the balance checked
 * in one transaction: simultaneous redemptions never overdraw (INSUFFICIENT_POINTS for the one that would).
 */
export async function redeemPoints(ctx: HostContext, input: RedeemPointsRequest): Promise<LedgerRow> {
  requireRole(ctx, ...WRITER_ROLES);
  const key = checkIdempotencyKey(input.idempotencyKey);
  const item = pointsConfig(ctx.settings).redemptions[input.item];
  if (!item) throw badInput(text(`积分兑换目录中没有 ${input.item}`, `${input.item} is not in the redemption catalogue`), 'item');
  const customer = await findCustomer(ctx, input.customerId);
  if (!customer) throw notFound(text('客户', 'customer'));
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const position = await lockPointsPosition(tx, customer.id, ctx.now);
    const [earlier] = await tx
      .select()
      .from(pointsLedger)
      .where(and(eq(pointsLedger.customerId, customer.id), eq(pointsLedger.actor, actor), eq(pointsLedger.idempotencyKey, key)));
    if (earlier) {
      if (earlier.item !== input.item) throw conflict(text('该幂等键已用于另一次兑换', 'This idempotency key was used for another redemption'));
      return earlier;
    }
    if (position.balance < item.points) {
      throw new FinmartError(
        'BAD_USER_INPUT',
        text(`积分不足：可用 ${position.balance}，需要 ${item.points}`, `Not enough points: ${position.balance} available, ${item.points} needed`),
        {
          field: 'item',
          reason: 'INSUFFICIENT_POINTS',
          balance: position.balance,
          cost: item.points,
        },
      );
    }
    const [row] = await tx
      .insert(pointsLedger)
      .values({
        customerId: customer.id,
        kind: 'REDEEMED',
        points: -item.points,
        item: input.item,
        actor,
        idempotencyKey: key,
        requestId: ctx.requestId,
        at: ctx.now,
      })
      .returning();
    await recordAudit(
      { ...ctx, db: tx },
      { action: 'POINTS_REDEEMED', targetType: 'Customer', targetId: String(customer.id), details: { item: input.item, points: item.points } },
    );
    return row!;
  });
}
