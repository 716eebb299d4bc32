import { asc, inArray } from 'drizzle-orm';
import { byKey, groupByKey, type RequestContext } from '../../../src/sdk/index.js';
import { insuranceDetails, insuranceRates, type InsuranceDetailsRow, type InsuranceRateRow } from '../schema.js';

type Ctx = Pick<RequestContext, 'loader' | 'db'>;

/** Insurance details by product id, one statement per batch (null = no row). */
export const detailsLoader = (ctx: Ctx) =>
  ctx.loader<number, InsuranceDetailsRow | null>('insurance.details', async (ids) => {
    const rows = await ctx.db
      .select()
      .from(insuranceDetails)
      .where(inArray(insuranceDetails.productId, [...ids]));
    return byKey(ids, rows, (r) => r.productId);
  });

/** Rate tables by product id, ordered sex, payment years, age; one statement per batch. */
export const ratesLoader = (ctx: Ctx) =>
  ctx.loader<number, InsuranceRateRow[]>('insurance.rates', async (ids) => {
    const rows = await ctx.db
      .select()
      .from(insuranceRates)
      .where(inArray(insuranceRates.productId, [...ids]))
      .orderBy(asc(insuranceRates.productId), asc(insuranceRates.sex), asc(insuranceRates.paymentYears), asc(insuranceRates.ageFrom));
    return groupByKey(ids, rows, (r) => r.productId);
  });
