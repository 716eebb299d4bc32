import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { holdings } from '../db/schema/index.js';
import { badInput, conflict } from '../graphql/errors.js';
import { text } from '../i18n/localized.js';
import type { CaseRef } from './four-eyes.js';

/** How a pledge names its case in `holdings.pledged_to`. */
export const pledgeRef = (ref: CaseRef): string => `${ref.type}:${ref.id}`;

/**
 * Pledges (质押) a customer's position to a case: locks the row (the lock a redemption takes),
 * checks it is the customer's, ACTIVE and free, and marks it. While marked, the order path
 * refuses to redeem it (HOLDING_PLEDGED). BAD_USER_INPUT when it is not the customer's open
 * position; CONFLICT when another case holds it.
 */
export async function pledgeHolding(tx: Tx, customerId: number, holdingId: number, ref: CaseRef, now: Date): Promise<typeof holdings.$inferSelect> {
  const [row] = await tx
    .select()
    .from(holdings)
    .where(and(eq(holdings.id, holdingId), eq(holdings.customerId, customerId)))
    .for('update');
  if (!row || row.status !== 'ACTIVE')
    throw badInput(text('质押物须为该客户的有效持仓', 'The pledged holding must be an open position of the customer'), 'pledgedHoldingId');
  if (row.pledgedTo !== null && row.pledgedTo !== pledgeRef(ref))
    throw conflict(text('该持仓已质押给其他业务', 'The holding is already pledged to another case'));
  const [marked] = await tx
    .update(holdings)
    .set({ pledgedTo: pledgeRef(ref), updatedAt: now })
    .where(eq(holdings.id, holdingId))
    .returning();
  return marked!;
}

/** Releases a pledge the case holds (e.g. when the loan is settled); a no-op when the case holds none on it. */
export async function releasePledge(tx: Tx, holdingId: number, ref: CaseRef, now: Date): Promise<void> {
  await tx
    .update(holdings)
    .set({ pledgedTo: null, updatedAt: now })
    .where(and(eq(holdings.id, holdingId), eq(holdings.pledgedTo, pledgeRef(ref))));
}
