import { desc } from 'drizzle-orm';
import { inIds } from '../../db/int-array.js';
import type { HostContext } from '../../graphql/context.js';
import { externalReports } from '../../db/schema/index.js';
import { groupByKey } from '../../graphql/loaders.js';

type Ctx = Pick<HostContext, 'loader' | 'db'>;

/** The newest report of each kind per customer: one statement per batch (DISTINCT ON customer and kind). */
export const latestReportsLoader = (ctx: Ctx) =>
  ctx.loader<number, (typeof externalReports.$inferSelect)[]>('core.latestExternalReports', async (ids) => {
    const rows = await ctx.db
      .selectDistinctOn([externalReports.customerId, externalReports.kind])
      .from(externalReports)
      .where(inIds(externalReports.customerId, ids))
      .orderBy(externalReports.customerId, externalReports.kind, desc(externalReports.reportedAt), desc(externalReports.id));
    return groupByKey(ids, rows, (r) => r.customerId);
  });
