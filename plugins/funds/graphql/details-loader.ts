import { inArray } from 'drizzle-orm';
import { byKey, type RequestContext } from '../../../src/sdk/index.js';
import { fundsDetails } from '../schema.js';

/** A `funds_details` row. */
export type FundDetailsRow = typeof fundsDetails.$inferSelect;

/**
 * The details row of a funds product through the request's `funds.details`
 * loader: every product resolved in the same tick shares one `= ANY` look-up.
 * A funds product without details is a data error, reported as such.
 */
export function loadFundDetails(ctx: RequestContext, productId: number): Promise<FundDetailsRow> {
  return ctx
    .loader<number, FundDetailsRow>('funds.details', async (ids) => {
      const rows = await ctx.db
        .select()
        .from(fundsDetails)
        .where(inArray(fundsDetails.productId, [...ids]));
      return byKey(ids, rows, (r) => r.productId).map((row, i) => row ?? new Error(`funds_details has no row for product ${ids[i]}`));
    })
    .load(productId);
}
