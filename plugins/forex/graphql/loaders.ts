import { and, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { byKey, type RequestContext } from '../../../src/sdk/index.js';
import { shanghaiYear } from '../conversion.js';
import { forexAnnualUsage, forexDetails, forexRates } from '../schema.js';

type Ctx = Pick<RequestContext, 'loader' | 'db'>;
export type ForexDetailsRow = typeof forexDetails.$inferSelect;
export type ForexRateRow = typeof forexRates.$inferSelect;
export type ForexUsageRow = typeof forexAnnualUsage.$inferSelect;

/** Forex details by product id: one statement per batch. */
export const forexDetailsLoader = (ctx: Ctx) =>
  ctx.loader<number, ForexDetailsRow | null>('forex.details', async (ids) => {
    const rows = await ctx.db
      .select()
      .from(forexDetails)
      .where(inArray(forexDetails.productId, [...ids]));
    return byKey(ids, rows, (r) => r.productId);
  });

/** Latest board rates by currency: one statement per batch. */
export const latestRatesLoader = (ctx: Ctx) =>
  ctx.loader<string, ForexRateRow | null>('forex.latestRates', async (currencies) => {
    const rows = await ctx.db
      .selectDistinctOn([forexRates.currency])
      .from(forexRates)
      .where(inArray(forexRates.currency, [...currencies]))
      .orderBy(forexRates.currency, desc(forexRates.at), desc(forexRates.id));
    return byKey(currencies, rows, (r) => r.currency);
  });

/** The page of a rate history one field asks for (same for every currency in a batch). */
export interface HistoryPageSpec {
  direction: 'forward' | 'backward';
  afterKey?: number;
  beforeKey?: number;
  limit: number;
}

/**
 * Rate-history pages of many currencies in one statement: a window function
 * numbers each currency's rows in page order and keeps the first `limit`.
 */
export const ratePageLoader = (ctx: Ctx, spec: HistoryPageSpec) =>
  ctx.loader<string, ForexRateRow[]>(`forex.ratePage:${spec.direction}:${spec.afterKey ?? ''}:${spec.beforeKey ?? ''}:${spec.limit}`, async (currencies) => {
    const order = spec.direction === 'forward' ? sql`asc` : sql`desc`;
    const ranked = ctx.db
      .select({
        id: forexRates.id,
        currency: forexRates.currency,
        at: forexRates.at,
        buyRate: forexRates.buyRate,
        sellRate: forexRates.sellRate,
        middleRate: forexRates.middleRate,
        rn: sql<number>`row_number() over (partition by ${forexRates.currency} order by ${forexRates.id} ${order})`.as('rn'),
      })
      .from(forexRates)
      .where(
        and(
          inArray(forexRates.currency, [...currencies]),
          spec.afterKey !== undefined ? gt(forexRates.id, spec.afterKey) : undefined,
          spec.beforeKey !== undefined ? lt(forexRates.id, spec.beforeKey) : undefined,
        ),
      )
      .as('ranked');
    const rows = await ctx.db
      .select({
        id: ranked.id,
        currency: ranked.currency,
        at: ranked.at,
        buyRate: ranked.buyRate,
        sellRate: ranked.sellRate,
        middleRate: ranked.middleRate,
      })
      .from(ranked)
      .where(sql`${ranked.rn} <= ${spec.limit}`)
      .orderBy(ranked.currency, spec.direction === 'forward' ? sql`${ranked.id} asc` : sql`${ranked.id} desc`);
    const byCurrency = new Map<string, ForexRateRow[]>();
    for (const r of rows) {
      const list = byCurrency.get(r.currency) ?? [];
      list.push(r);
      byCurrency.set(r.currency, list);
    }
    return currencies.map((c) => byCurrency.get(c) ?? []);
  });

/** Number of board rates per currency (for `totalCount`), one statement per batch. */
export const rateCountLoader = (ctx: Ctx) =>
  ctx.loader<string, number>('forex.rateCount', async (currencies) => {
    const rows = await ctx.db
      .select({ currency: forexRates.currency, n: sql<number>`count(*)::int` })
      .from(forexRates)
      .where(inArray(forexRates.currency, [...currencies]))
      .groupBy(forexRates.currency);
    const counts = new Map(rows.map((r) => [r.currency, Number(r.n)]));
    return currencies.map((c) => counts.get(c) ?? 0);
  });

/** This year's FX usage per customer (the request's clock decides the year): one statement per batch. */
export const annualUsageLoader = (ctx: Ctx & Pick<RequestContext, 'now'>) =>
  ctx.loader<number, ForexUsageRow | null>('forex.annualUsage', async (customerIds) => {
    const rows = await ctx.db
      .select()
      .from(forexAnnualUsage)
      .where(and(inArray(forexAnnualUsage.customerId, [...customerIds]), eq(forexAnnualUsage.year, shanghaiYear(ctx.now))));
    return byKey(customerIds, rows, (r) => r.customerId);
  });
