import { and, eq } from 'drizzle-orm';
import type { HostContext } from '../graphql/context.js';
import { recordAudit } from '../audit/record.js';
import { requireRole } from '../auth/guards.js';
import { pointsLedger } from '../db/schema/index.js';
import { findCustomer } from '../domain/customers/customer.query.js';
import { checkText } from '../domain/customers/customer.validation.js';
import { badInput, FinmartError, notFound } from '../graphql/errors.js';
import { text } from '../i18n/localized.js';
import { actorOf } from '../orders/place-order.js';
import { lockPointsPosition } from './lock-position.js';
import { pointsConfig } from './points.settings.js';
import type { LedgerRow } from './redeem.js';
import { holdForApproval, type ApprovalRow } from '../controls/maker-checker/hold.js';
import { produced, registerApprovalExecutor } from '../controls/maker-checker/executors.js';
import { toGlobalId } from '../graphql/relay/global-id.js';

const DAY_MS = 86_400_000;
/** The largest single adjustment: a typo of a few zeros is refused, not booked. */
export const MAX_ADJUSTMENT = 1_000_000;

/** A head-office adjustment as the API receives it. */
export interface AdjustPointsRequest {
  customerId: string;
  /** Signed, non-zero: a grant (valid for core.points.validityDays) or a deduction. */
  points: number;
  reason: string;
}

/** Checks an adjustment's figures before anything is read: BAD_USER_INPUT naming the field. */
export function checkAdjustment(input: AdjustPointsRequest): { points: number; reason: string } {
  if (!Number.isSafeInteger(input.points) || input.points === 0 || Math.abs(input.points) > MAX_ADJUSTMENT) {
    throw badInput(
      text(`调整积分须为非零整数，绝对值不超过 ${MAX_ADJUSTMENT}`, `points must be a non-zero integer of at most ${MAX_ADJUSTMENT} either way`),
      'points',
    );
  }
  return { points: input.points, reason: checkText(input.reason, 'reason', 500) };
}

/**
 * Head office adjusts a customer's points with a written reason (a goodwill grant after a complaint, a
 * correction). A deduction never takes the balance below zero (INSUFFICIENT_POINTS). The reason is kept in
 * the ledger; the audit trail records the figure, not the free text. Held for a second person when
 * core.makerChecker lists ADJUST_POINTS; run by an approval, it books once per approval (a second run returns the
 * line the first booked).
 */
export async function adjustPoints(ctx: HostContext, input: AdjustPointsRequest): Promise<LedgerRow | ApprovalRow> {
  requireRole(ctx, 'HEAD_OFFICE');
  const { points, reason } = checkAdjustment(input);
  const customer = await findCustomer(ctx, input.customerId);
  if (!customer) throw notFound(text('客户', 'customer'));
  const held = await holdForApproval(ctx, {
    action: 'ADJUST_POINTS',
    targetType: 'Customer',
    targetId: toGlobalId('Customer', customer.id),
    branchId: null,
    input: { customerId: input.customerId, points, reason },
  });
  if (held) return held;
  const cfg = pointsConfig(ctx.settings);
  const approvalId = ctx.approval?.action === 'ADJUST_POINTS' ? ctx.approval.id : null;
  return ctx.db.transaction(async (tx) => {
    const position = await lockPointsPosition(tx, customer.id, ctx.now);
    // Approved before (the approve that booked it died before marking the approval APPROVED): that line, no other.
    // The position lock orders this read after any booking of the same customer's; the unique key backs it.
    if (approvalId !== null) {
      const [booked] = await tx
        .select()
        .from(pointsLedger)
        .where(and(eq(pointsLedger.customerId, customer.id), eq(pointsLedger.approvalId, approvalId)));
      if (booked) return booked;
    }
    if (position.balance + points < 0) {
      throw new FinmartError(
        'BAD_USER_INPUT',
        text(`积分不足：可用 ${position.balance}，扣减 ${-points}`, `Not enough points: ${position.balance} available, ${-points} to deduct`),
        {
          field: 'points',
          reason: 'INSUFFICIENT_POINTS',
          balance: position.balance,
        },
      );
    }
    const [row] = await tx
      .insert(pointsLedger)
      .values({
        customerId: customer.id,
        kind: 'ADJUSTED',
        points,
        expiresAt: points > 0 ? new Date(ctx.now.getTime() + cfg.validityDays * DAY_MS) : null,
        reason,
        approvalId,
        actor: actorOf(ctx),
        requestId: ctx.requestId,
        at: ctx.now,
      })
      .returning();
    await recordAudit({ ...ctx, db: tx }, { action: 'POINTS_ADJUSTED', targetType: 'Customer', targetId: String(customer.id), details: { points } });
    return row!;
  });
}

registerApprovalExecutor('ADJUST_POINTS', async (ctx, input) => {
  const entry = produced(await adjustPoints(ctx, input as unknown as AdjustPointsRequest));
  return { type: 'PointsEntry', id: toGlobalId('PointsEntry', entry.id) };
});
