import { and, desc, inArray } from 'drizzle-orm';
import { customerScope } from '../access/scope.js';
import { branches, customers, exchangeRates, holdings, managers, products, riskAssessments } from '../db/schema/index.js';
import type { RequestContext } from '../graphql/context.js';
import { byKey, groupByKey } from '../graphql/loaders.js';
import { inIds } from '../db/int-array.js';

type Ctx = Pick<RequestContext, 'loader' | 'db' | 'principal'>;

/** Customers by id, within the caller's scope (out of scope = null). */
export const customerLoader = (ctx: Ctx) =>
  ctx.loader<number, typeof customers.$inferSelect | null>('core.customer', async (ids) => {
    const rows = await ctx.db
      .select()
      .from(customers)
      .where(and(inIds(customers.id, ids), customerScope(ctx.principal)));
    return byKey(ids, rows, (r) => r.id);
  });

export const managerLoader = (ctx: Ctx) =>
  ctx.loader<number, typeof managers.$inferSelect | null>('core.manager', async (ids) => {
    const rows = await ctx.db.select().from(managers).where(inIds(managers.id, ids));
    return byKey(ids, rows, (r) => r.id);
  });

export const branchLoader = (ctx: Ctx) =>
  ctx.loader<number, typeof branches.$inferSelect | null>('core.branch', async (ids) => {
    const rows = await ctx.db.select().from(branches).where(inIds(branches.id, ids));
    return byKey(ids, rows, (r) => r.id);
  });

/**
 * Products by id, unscoped: callers reach them through something already in
 * scope (a holding, a bundle item). Direct look-ups apply `productScope`.
 */
export const productLoader = (ctx: Ctx) =>
  ctx.loader<number, typeof products.$inferSelect | null>('core.product', async (ids) => {
    const rows = await ctx.db.select().from(products).where(inIds(products.id, ids));
    return byKey(ids, rows, (r) => r.id);
  });

/** Open positions (ACTIVE or PENDING) per customer, oldest first. */
export const holdingsByCustomerLoader = (ctx: Ctx) =>
  ctx.loader<number, (typeof holdings.$inferSelect)[]>('core.holdingsByCustomer', async (ids) => {
    const rows = await ctx.db
      .select()
      .from(holdings)
      .where(and(inIds(holdings.customerId, ids), inArray(holdings.status, ['ACTIVE', 'PENDING'])))
      .orderBy(holdings.id);
    return groupByKey(ids, rows, (r) => r.customerId);
  });

/** Newest risk assessment per customer. */
export const latestAssessmentLoader = (ctx: Ctx) =>
  ctx.loader<number, typeof riskAssessments.$inferSelect | null>('core.latestAssessment', async (ids) => {
    const rows = await ctx.db
      .selectDistinctOn([riskAssessments.customerId])
      .from(riskAssessments)
      .where(inIds(riskAssessments.customerId, ids))
      .orderBy(riskAssessments.customerId, desc(riskAssessments.assessedAt), desc(riskAssessments.id));
    return byKey(ids, rows, (r) => r.customerId);
  });

/** Reference rates to CNY, loaded once per request. */
export const exchangeRatesLoader = (ctx: Ctx) =>
  ctx.loader<'all', Map<string, string>>('core.exchangeRates', async (keys) => {
    const rows = await ctx.db.select().from(exchangeRates);
    const map = new Map<string, string>([['CNY', '1']]);
    for (const r of rows) map.set(r.currency, r.rateToCny);
    return keys.map(() => map);
  });
