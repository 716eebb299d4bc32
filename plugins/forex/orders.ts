import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { bankYear, Decimal, type AcceptedOrder, type Tx } from '../../src/sdk/index.js';
import { toUsd } from './conversion.js';
import { forexAnnualUsage, forexDetails, forexRates, forexUsageEntries } from './schema.js';
import { decimalText, directionOf, isExchange } from './domain.js';

async function latestMiddleRates(tx: Tx, currencies: string[]): Promise<Record<string, string>> {
  const rows = await tx
    .selectDistinctOn([forexRates.currency], { currency: forexRates.currency, middleRate: forexRates.middleRate })
    .from(forexRates)
    .where(inArray(forexRates.currency, currencies))
    .orderBy(forexRates.currency, desc(forexRates.at), desc(forexRates.id));
  return Object.fromEntries(rows.map((r) => [r.currency, r.middleRate]));
}

/**
 * The USD counted for an order: the `usdAmount` the sizing computed (the
 * figure the quota rule checked), or its FX quantity at the latest middle
 * rates when that is larger — the ledger never counts less than was booked,
 * even if a rate moved inside the transaction.
 */
async function usdOf(tx: Tx, order: AcceptedOrder, currency: string): Promise<string> {
  const given = decimalText(order.details.usdAmount);
  const rates = currency === 'USD' ? {} : await latestMiddleRates(tx, [currency, 'USD']);
  const computed = toUsd(order.quantity, currency, rates);
  if (computed === null && given === null) {
    // Refusing beats counting zero: a missing rate would silently free quota.
    throw new Error(`forex: no middle rate to convert ${currency} to USD for order ${order.id}`);
  }
  const amounts = [computed, given].filter((a): a is string => a !== null);
  return Decimal.max(...amounts)
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
    .toFixed(2);
}

/**
 * Adds an accepted exchange order to the customer's annual usage, in the
 * order's transaction. The ledger row makes a replay a no-op and lets a
 * cancellation subtract exactly what was added.
 */
export async function forexOnAccepted(tx: Tx, order: AcceptedOrder): Promise<void> {
  const [product] = await tx
    .select({ kind: forexDetails.kind, currency: forexDetails.currency })
    .from(forexDetails)
    .where(eq(forexDetails.productId, order.productId));
  if (!product || !isExchange(product.kind)) return;
  const direction = directionOf(order.side);
  const usd = await usdOf(tx, order, product.currency);
  const year = bankYear(order.placedAt);
  const inserted = await tx
    .insert(forexUsageEntries)
    .values({ orderId: order.id, customerId: order.customerId, year, direction, usdAmount: usd, placedAt: order.placedAt })
    .onConflictDoNothing()
    .returning({ orderId: forexUsageEntries.orderId });
  if (inserted.length === 0) return;
  const buying = direction === 'BUY_FX';
  await tx
    .insert(forexAnnualUsage)
    .values({ customerId: order.customerId, year, purchasedUsd: buying ? usd : '0', soldUsd: buying ? '0' : usd })
    .onConflictDoUpdate({
      target: [forexAnnualUsage.customerId, forexAnnualUsage.year],
      set: {
        purchasedUsd: sql`${forexAnnualUsage.purchasedUsd} + excluded.purchased_usd`,
        soldUsd: sql`${forexAnnualUsage.soldUsd} + excluded.sold_usd`,
        updatedAt: sql`now()`,
      },
    });
}

/** Undoes {@link forexOnAccepted} for a cancelled order: subtracts what its ledger row recorded. */
export async function forexOnCancelled(tx: Tx, order: AcceptedOrder): Promise<void> {
  // The whole key: one customer's shard, one month's partition.
  const [entry] = await tx
    .delete(forexUsageEntries)
    .where(and(eq(forexUsageEntries.customerId, order.customerId), eq(forexUsageEntries.orderId, order.id), eq(forexUsageEntries.placedAt, order.placedAt)))
    .returning();
  if (!entry) return;
  const column = entry.direction === 'BUY_FX' ? forexAnnualUsage.purchasedUsd : forexAnnualUsage.soldUsd;
  await tx
    .update(forexAnnualUsage)
    .set(
      entry.direction === 'BUY_FX'
        ? { purchasedUsd: sql`${column} - ${entry.usdAmount}::numeric`, updatedAt: sql`now()` }
        : { soldUsd: sql`${column} - ${entry.usdAmount}::numeric`, updatedAt: sql`now()` },
    )
    .where(and(eq(forexAnnualUsage.customerId, entry.customerId), eq(forexAnnualUsage.year, entry.year)));
}
