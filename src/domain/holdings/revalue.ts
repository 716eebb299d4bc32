import { Decimal } from 'decimal.js';
import { and, gt, inArray, sql } from 'drizzle-orm';
import type { HostRuntime } from '../../app/runtime.js';
import { customers, exchangeRates, holdings, products } from '../../db/schema/index.js';
import { valueHolding } from './valuation.js';

const BATCH = 1000;

/**
 * Recomputes `customers.assets_cny` (the snapshot the tier filter uses) from
 * holdings valued by their lines, in batches; all customers when no ids given.
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
    for (const h of rows) {
      const p = productsById.get(h.productId);
      if (!p || !runtime.pluginByLine.has(p.line)) continue;
      totals.set(h.customerId, totals.get(h.customerId)!.add(valueHolding(runtime, h, p, rates).amountCny));
    }
    const values = sql.join(
      [...totals].map(([id, total]) => sql`(${id}::int, ${total.toFixed(2)}::numeric)`),
      sql`, `,
    );
    await db.execute(sql`update customers set assets_cny = v.a from (values ${values}) as v(id, a) where customers.id = v.id`);
    done += batchIds.length;
    lastId = batchIds[batchIds.length - 1];
    if (ids && done >= ids.length) break;
  }
  return done;
}
