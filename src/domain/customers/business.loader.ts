import { inArray, sql } from 'drizzle-orm';
import type { HostContext } from '../../graphql/context.js';
import { customers } from '../../db/schema/index.js';
import type { Business } from '../prefetched.js';
import { activitySince, businessCountSql, lastReachedSql } from './activity.js';

/**
 * Business in the activity window and last reach of customers by id, batched: one
 * statement for every customer a request resolves outside a prefetched page (a
 * work queue's customers, a mutation's result). Unscoped: callers pass customers
 * they already read through the scoped loaders.
 */
export const businessLoader = (ctx: HostContext) =>
  ctx.loader<number, Business>('core.business', async (ids) => {
    const since = activitySince(ctx.now, ctx.settings);
    const rows = await ctx.db
      .select({
        id: customers.id,
        count: businessCountSql(sql`${customers.id}`, since).mapWith(Number),
        reached: sql<string | null>`${lastReachedSql(sql`${customers.id}`)}`,
      })
      .from(customers)
      .where(inArray(customers.id, [...ids]));
    const by = new Map(rows.map((r) => [r.id, { count: r.count, lastReachedAt: r.reached ? new Date(r.reached) : null }]));
    return ids.map((id) => by.get(id) ?? { count: 0, lastReachedAt: null });
  });
