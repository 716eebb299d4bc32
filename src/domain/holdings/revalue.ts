import { Decimal } from 'decimal.js';
import { and, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { HostRuntime } from '../../app/runtime.js';
import { customers, exchangeRates, holdings, products } from '../../db/schema/index.js';
import { marginOf } from '../customers/contribution.js';
import { valueHolding } from './valuation.js';

const BATCH = 1000;

/**
 * Recomputes `customers.assets_cny` and `customers.margin_cny` (the snapshot
 * the tier, size-class and next-tier filters read) from holdings valued by
 * their lines, in batches; all customers when no ids given. Called after
 * orders and whenever a price or a reference rate is published
 * ({@link revalueHoldersOf}), so the filters agree with the live fields.
 */
export async function revalueCustomers(runtime: HostRuntime, ids?: number[]): Promise<number> {
  const db = runtime.database.db;
  const rates = new Map<string, string>([['CNY', '1']]);
  for (const r of await db.select().from(exchangeRates)) rates.set(r.currency, r.rateToCny);
  // Products are looked up per batch, for the positions in it: revaluing one customer after an order
  // reads that customer's products, not the whole catalog.
  const productsById = new Map<number, typeof products.$inferSelect>();
  let done = 0;
  let lastId = 0;
  for (;;) {
    const batchIds = ids
      ? ids.slice(done, done + BATCH)
      : (await db.select({ id: customers.id }).from(customers).where(gt(customers.id, lastId)).orderBy(customers.id).limit(BATCH)).map((r) => r.id);
    if (batchIds.length === 0) break;
    const rows = await db
      .select()
      .from(holdings)
      .where(and(inArray(holdings.customerId, batchIds), inArray(holdings.status, ['ACTIVE', 'PENDING'])));
    const missing = [...new Set(rows.map((h) => h.productId))].filter((id) => !productsById.has(id));
    if (missing.length) for (const p of await db.select().from(products).where(inArray(products.id, missing))) productsById.set(p.id, p);
    const totals = new Map<number, Decimal>(batchIds.map((id) => [id, new Decimal(0)]));
    const valued = new Map<number, { line: string; amountCny: string }[]>(batchIds.map((id) => [id, []]));
    for (const h of rows) {
      const p = productsById.get(h.productId);
      if (!p || !runtime.pluginByLine.has(p.line)) continue;
      const { amountCny } = valueHolding(runtime, h, p, rates);
      totals.set(h.customerId, totals.get(h.customerId)!.add(amountCny));
      valued.get(h.customerId)!.push({ line: p.line, amountCny });
    }
    const values = sql.join(
      [...totals].map(([id, total]) => sql`(${id}::int, ${total.toFixed(2)}::numeric, ${marginOf(valued.get(id)!, runtime.settings)}::numeric)`),
      sql`, `,
    );
    await db.execute(sql`update customers set assets_cny = v.a, margin_cny = v.m from (values ${values}) as v(id, a, m) where customers.id = v.id`);
    done += batchIds.length;
    lastId = batchIds[batchIds.length - 1];
    if (ids && done >= ids.length) break;
  }
  return done;
}

/**
 * Revalues the customers holding open positions of `productIds`, or valued in
 * `currency` (product or cost currency): a published price or rate changes
 * their live value, and the snapshot must follow.
 */
export async function revalueHoldersOf(runtime: HostRuntime, what: { productIds?: number[]; currency?: string }): Promise<number> {
  const db = runtime.database.db;
  const conditions = [];
  if (what.productIds?.length) conditions.push(inArray(holdings.productId, what.productIds));
  if (what.currency) {
    conditions.push(eq(holdings.costCurrency, what.currency));
    conditions.push(inArray(holdings.productId, db.select({ id: products.id }).from(products).where(eq(products.currency, what.currency))));
  }
  if (conditions.length === 0) return 0;
  const rows = await db
    .selectDistinct({ id: holdings.customerId })
    .from(holdings)
    .where(and(inArray(holdings.status, ['ACTIVE', 'PENDING']), or(...conditions)));
  if (rows.length === 0) return 0;
  return revalueCustomers(
    runtime,
    rows.map((r) => r.id),
  );
}
