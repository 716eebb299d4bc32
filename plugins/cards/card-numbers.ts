import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { cancelCardNumbers, luhnCheckDigit, recordCardNumbers, type AcceptedOrder, type Tx } from '../../src/sdk/index.js';
import { cardsDetails } from './schema.js';

/** Card numbers are 16 digits: the product's BIN, nine account digits, the Luhn check digit. */
const ACCOUNT_DIGITS = 9;

/** A new card number under `bin`: random account digits (from the CSPRNG: numbers must not be guessable). */
export function newCardNumber(bin: string): string {
  const account = Array.from({ length: ACCOUNT_DIGITS }, () => String(randomInt(10))).join('');
  return `${bin}${account}${luhnCheckDigit(`${bin}${account}`)}`;
}

/**
 * The demo bank's card numbers, reproducible so a tester can present one at the counter: the BIN, the
 * customer id (6 digits), the customer's card count (3 digits), the check digit. Demo data only.
 */
export function demoCardNumber(bin: string, customerId: number, nth: number): string {
  const body = `${bin}${String(customerId).padStart(6, '0')}${String(nth).padStart(3, '0')}`;
  return `${body}${luhnCheckDigit(body)}`;
}

/**
 * Issues the card an accepted card order opens (in the order's transaction): a new number under the
 * product's BIN, recorded by the host as a keyed hash and its last four digits — for identifying the customer
 * at a counter by the card. The full number would go to the card production system; finmart keeps none.
 */
export async function issueCard(tx: Tx, order: AcceptedOrder): Promise<void> {
  if (order.side !== 'BUY') return;
  const [d] = await tx.select({ bin: cardsDetails.bin }).from(cardsDetails).where(eq(cardsDetails.productId, order.productId));
  if (!d?.bin) return;
  await recordCardNumbers(tx, [{ customerId: order.customerId, pan: newCardNumber(d.bin), orderId: order.id, issuedAt: order.placedAt }]);
}

/** A card order cancelled in its cooling-off period: its card identifies nobody any more. */
export const cancelCard = (tx: Tx, order: AcceptedOrder): Promise<void> => cancelCardNumbers(tx, order.id, new Date(), order.customerId);
