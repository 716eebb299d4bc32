import { createHmac } from 'node:crypto';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { cardNumberOwners, customerCards } from '../../db/schema/index.js';
import { badInput } from '../../graphql/errors.js';
import { text } from '../../i18n/localized.js';

let hashKey: string | undefined;

/**
 * Sets the key card numbers are hashed under (the host, at boot, from CARD_NUMBER_HASH_KEY). Without one
 * (production with no key configured) card numbers are neither recorded nor looked up.
 */
export function useCardNumberKey(key: string | undefined): void {
  hashKey = key;
}

/** True when a key is configured. */
export const cardNumbersEnabled = (): boolean => hashKey !== undefined;

/** The Luhn (mod 10) check every payment card number carries in its last digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The check digit that makes `body` + digit Luhn-valid. */
export function luhnCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d += 1) if (luhnValid(`${body}${d}`)) return String(d);
  throw new Error('unreachable');
}

/** A card number as typed or swiped (spaces and hyphens allowed): 13–19 digits passing the Luhn check; BAD_USER_INPUT otherwise. */
export function normaliseCardNumber(raw: string): string {
  const digits = raw.replace(/[\s-]/g, '');
  if (!/^\d{13,19}$/.test(digits) || !luhnValid(digits)) throw badInput(text('卡号格式不正确', 'The card number is not well formed'), 'cardNumber');
  return digits;
}

function hashOf(pan: string): string {
  if (!hashKey) throw new Error('no card number key configured');
  return createHmac('sha256', hashKey).update(pan).digest('hex');
}

/** What the issuing line records of a card it issued. */
export interface IssuedCard {
  customerId: number;
  /** The full number: hashed here, never stored or logged. */
  pan: string;
  orderId?: number | null;
  issuedAt: Date;
}

/**
 * Records cards a line issued (in the caller's transaction): the keyed hash and the last four digits, and the
 * number's owner bank-wide (`card_number_owners`, whose key refuses a number already issued to anyone). Does
 * nothing without a key. The number must be well formed (a line's bug must not store an unfindable card).
 */
export async function recordCardNumbers(tx: Tx | Db, cards: IssuedCard[]): Promise<void> {
  if (!hashKey || cards.length === 0) return;
  const rows = cards.map((c) => {
    const pan = normaliseCardNumber(c.pan);
    return { customerId: c.customerId, panHash: hashOf(pan), last4: pan.slice(-4), orderId: c.orderId ?? null, issuedAt: c.issuedAt };
  });
  await tx.insert(cardNumberOwners).values(rows.map((r) => ({ panHash: r.panHash, customerId: r.customerId, recordedAt: r.issuedAt })));
  await tx.insert(customerCards).values(rows);
}

/**
 * Cards issued by an order cancelled in its cooling-off period stop identifying anyone. Given the order's
 * customer, the statement names its distribution key and stays on one shard of a distributed cluster.
 */
export async function cancelCardNumbers(tx: Tx, orderId: number, at: Date, customerId?: number): Promise<void> {
  await tx
    .update(customerCards)
    .set({ cancelledAt: at })
    .where(
      and(
        customerId === undefined ? undefined : eq(customerCards.customerId, customerId),
        eq(customerCards.orderId, orderId),
        isNull(customerCards.cancelledAt),
      ),
    );
}

/**
 * The customer holding the live card `pan`, as SQL for the identification statement: the number's owner
 * (`card_number_owners`, by its hash), provided that owner's card is not cancelled.
 */
export function cardHolderSql(pan: string): SQL {
  const panHash = hashOf(pan);
  return sql`(select ${cardNumberOwners.customerId} from ${cardNumberOwners}
    where ${cardNumberOwners.panHash} = ${panHash}
      and exists (select 1 from ${customerCards} where ${and(
        eq(customerCards.customerId, cardNumberOwners.customerId),
        eq(customerCards.panHash, panHash),
        isNull(customerCards.cancelledAt),
      )}))`;
}
