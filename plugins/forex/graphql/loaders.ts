import { and, desc, eq, inArray } from 'drizzle-orm';
import { bankYear, byKey, childPage, type KeysetPage, type RequestContext } from '../../../src/sdk/index.js';
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

/**
 * One page of a currency's board-rate history, oldest first, through the host's
 * child-list loader: every currency asking for the same page shares ONE
 * statement, and the counts one more when `totalCount` is read.
 */
export const rateHistoryPage = (ctx: Ctx, page: KeysetPage, currency: string) =>
  childPage(
    ctx,
    {
      name: 'forex.rateHistory',
      table: forexRates,
      parent: forexRates.currency,
      key: forexRates.id,
      node: (r) => ({ at: r.at, buyRate: r.buyRate, sellRate: r.sellRate, middleRate: r.middleRate }),
    },
    page,
    currency,
  );

/** This year's FX usage per customer (the request's clock decides the year): one statement per batch. */
export const annualUsageLoader = (ctx: Ctx & Pick<RequestContext, 'now'>) =>
  ctx.loader<number, ForexUsageRow | null>('forex.annualUsage', async (customerIds) => {
    const rows = await ctx.db
      .select()
      .from(forexAnnualUsage)
      .where(and(inArray(forexAnnualUsage.customerId, [...customerIds]), eq(forexAnnualUsage.year, bankYear(ctx.now))));
    return byKey(customerIds, rows, (r) => r.customerId);
  });
