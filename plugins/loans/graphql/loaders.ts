import { asc, inArray } from 'drizzle-orm';
import { byKey, groupByKey, type RequestContext } from '../../../src/sdk/index.js';
import { loanApplications, loanDetails, loanInstalments, loanRepayments, loans } from '../schema.js';

export type LoanDetailsRow = typeof loanDetails.$inferSelect;

/** Loan terms by product id: one statement per batch. */
export const loanDetailsLoader = (ctx: Pick<RequestContext, 'loader' | 'db'>) =>
  ctx.loader<number, LoanDetailsRow | null>('loans.details', async (ids) => {
    const rows = await ctx.db
      .select()
      .from(loanDetails)
      .where(inArray(loanDetails.productId, [...ids]));
    return byKey(ids, rows, (r) => r.productId);
  });

export type LoanRow = typeof loans.$inferSelect;
export type InstalmentRow = typeof loanInstalments.$inferSelect;

/** A customer's loans (open and settled), oldest first: one statement per page of customers. */
export const loansByCustomerLoader = (ctx: Pick<RequestContext, 'loader' | 'db'>) =>
  ctx.loader<number, LoanRow[]>('loans.byCustomer', async (ids) =>
    groupByKey(
      ids,
      await ctx.db
        .select()
        .from(loans)
        .where(inArray(loans.customerId, [...ids]))
        .orderBy(asc(loans.id)),
      (r) => r.customerId,
    ),
  );

/** Each loan's schedule, by instalment: one statement for every loan of the request. */
export const instalmentsLoader = (ctx: Pick<RequestContext, 'loader' | 'db'>) =>
  ctx.loader<number, InstalmentRow[]>('loans.instalments', async (ids) =>
    groupByKey(
      ids,
      await ctx.db
        .select()
        .from(loanInstalments)
        .where(inArray(loanInstalments.loanId, [...ids]))
        .orderBy(asc(loanInstalments.loanId), asc(loanInstalments.n)),
      (r) => r.loanId,
    ),
  );

/** The loan an application became, by application id (null before disbursement). */
export const loanByApplicationLoader = (ctx: Pick<RequestContext, 'loader' | 'db'>) =>
  ctx.loader<number, LoanRow | null>('loans.byApplication', async (ids) =>
    byKey(
      ids,
      await ctx.db
        .select()
        .from(loans)
        .where(inArray(loans.applicationId, [...ids])),
      (r) => r.applicationId,
    ),
  );

/** Applications by id (for a loan's application). */
export const applicationLoader = (ctx: Pick<RequestContext, 'loader' | 'db'>) =>
  ctx.loader<number, typeof loanApplications.$inferSelect | null>('loans.application', async (ids) =>
    byKey(
      ids,
      await ctx.db
        .select()
        .from(loanApplications)
        .where(inArray(loanApplications.id, [...ids])),
      (r) => r.id,
    ),
  );

/** Repayments of loans, oldest first: one statement for every loan of the request. */
export const repaymentsLoader = (ctx: Pick<RequestContext, 'loader' | 'db'>) =>
  ctx.loader<number, (typeof loanRepayments.$inferSelect)[]>('loans.repayments', async (ids) =>
    groupByKey(
      ids,
      await ctx.db
        .select()
        .from(loanRepayments)
        .where(inArray(loanRepayments.loanId, [...ids]))
        .orderBy(asc(loanRepayments.id)),
      (r) => r.loanId,
    ),
  );
