import { inArray } from 'drizzle-orm';
import { byKey, type RequestContext } from '../../../src/sdk/index.js';
import { loanDetails } from '../schema.js';

export type LoanDetailsRow = typeof loanDetails.$inferSelect;

/** Loan terms by product id: one statement per batch. */
export const loanDetailsLoader = (ctx: Pick<RequestContext, 'loader' | 'db'>) =>
  ctx.loader<number, LoanDetailsRow | null>('loans.details', async (ids) => {
    const rows = await ctx.db.select().from(loanDetails).where(inArray(loanDetails.productId, [...ids]));
    return byKey(ids, rows, (r) => r.productId);
  });
