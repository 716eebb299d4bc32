import { and, gt, inArray, lt, sql } from 'drizzle-orm';
import { byKey, type RequestContext } from '../../../src/sdk/index.js';
import { goldDetails, goldPrices } from '../schema.js';

type Ctx = Pick<RequestContext, 'loader' | 'db'>;
export type GoldDetailsRow = typeof goldDetails.$inferSelect;
export type GoldPriceRow = typeof goldPrices.$inferSelect;

/** Gold details by product id: one statement per batch. */
export const goldDetailsLoader = (ctx: Ctx) =>
  ctx.loader<number, GoldDetailsRow | null>('gold.details', async (ids) => {
    const rows = await ctx.db
      .select()
      .from(goldDetails)
      .where(inArray(goldDetails.productId, [...ids]));
    return byKey(ids, rows, (r) => r.productId);
  });

/** The page of a price history one field asks for (same for every product in a batch). */
export interface HistoryPageSpec {
  direction: 'forward' | 'backward';
  afterKey?: number;
  beforeKey?: number;
  limit: number;
}

/**
 * Price-history pages of many products in one statement: a window function
 * numbers each product's rows in page order and keeps the first `limit`.
 * Products asking for the same page share a loader (the spec is in its name).
 */
export const goldPricePageLoader = (ctx: Ctx, spec: HistoryPageSpec) =>
  ctx.loader<number, GoldPriceRow[]>(`gold.pricePage:${spec.direction}:${spec.afterKey ?? ''}:${spec.beforeKey ?? ''}:${spec.limit}`, async (ids) => {
    const order = spec.direction === 'forward' ? sql`asc` : sql`desc`;
    const ranked = ctx.db
      .select({
        id: goldPrices.id,
        productId: goldPrices.productId,
        at: goldPrices.at,
        pricePerGram: goldPrices.pricePerGram,
        rn: sql<number>`row_number() over (partition by ${goldPrices.productId} order by ${goldPrices.id} ${order})`.as('rn'),
      })
      .from(goldPrices)
      .where(
        and(
          inArray(goldPrices.productId, [...ids]),
          spec.afterKey !== undefined ? gt(goldPrices.id, spec.afterKey) : undefined,
          spec.beforeKey !== undefined ? lt(goldPrices.id, spec.beforeKey) : undefined,
        ),
      )
      .as('ranked');
    const rows = await ctx.db
      .select({ id: ranked.id, productId: ranked.productId, at: ranked.at, pricePerGram: ranked.pricePerGram })
      .from(ranked)
      .where(sql`${ranked.rn} <= ${spec.limit}`)
      .orderBy(ranked.productId, spec.direction === 'forward' ? sql`${ranked.id} asc` : sql`${ranked.id} desc`);
    const byProduct = new Map<number, GoldPriceRow[]>();
    for (const r of rows) {
      const list = byProduct.get(r.productId) ?? [];
      list.push(r);
      byProduct.set(r.productId, list);
    }
    return ids.map((id) => byProduct.get(id) ?? []);
  });

/** Number of prices per product (for `totalCount`), one statement per batch. */
export const goldPriceCountLoader = (ctx: Ctx) =>
  ctx.loader<number, number>('gold.priceCount', async (ids) => {
    const rows = await ctx.db
      .select({ productId: goldPrices.productId, n: sql<number>`count(*)::int` })
      .from(goldPrices)
      .where(inArray(goldPrices.productId, [...ids]))
      .groupBy(goldPrices.productId);
    const counts = new Map(rows.map((r) => [r.productId, Number(r.n)]));
    return ids.map((id) => counts.get(id) ?? 0);
  });
