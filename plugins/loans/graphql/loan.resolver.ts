import { Decimal } from 'decimal.js';
import { eq } from 'drizzle-orm';
import { Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import {
  bankDay,
  Customer,
  customerFacts,
  customerInScope,
  money,
  Money,
  registerNodeType,
  toGlobalId,
  type CustomerRecord,
  type RequestContext,
} from '../../../src/sdk/index.js';
import { loans } from '../schema.js';
import { loanState, type LoanState } from '../servicing/loan-state.js';
import { isPaid, type ClassificationThresholds } from '../servicing/classification.js';
import { loanWarnings } from '../servicing/warnings.js';
import { SETTING_CLASSIFICATION, SETTING_DEBT_RATIOS, SETTING_PLEDGE, type DebtRatios, type PledgeCategory, type PledgeSetting } from '../settings.js';
import { LoanApplication } from './application.types.js';
import type { ApplicationRow } from './application.steps.js';
import {
  applicationLoader,
  instalmentsLoader,
  loanByApplicationLoader,
  loanDetailsLoader,
  loansByCustomerLoader,
  repaymentsLoader,
  type InstalmentRow,
  type LoanRow,
} from './loaders.js';
import { Loan, LoanClassification, LoanInstalment, LoanRepayment, LoanWarning } from './loan.types.js';

registerNodeType('Loan', async (ctx, key) => {
  if (ctx.principal.role === 'PARTNER') return null;
  const [row] = await ctx.db.select().from(loans).where(eq(loans.id, key));
  return row && (await customerInScope(ctx, row.customerId)) ? row : null;
});

/** A loan's state on the request's bank day, from its schedule (batched for every loan of the request). */
async function stateOf(l: LoanRow, ctx: RequestContext): Promise<LoanState> {
  const schedule = await instalmentsLoader(ctx).load(l.id);
  return loanState(schedule, bankDay(ctx.now), ctx.settings.get<ClassificationThresholds>(SETTING_CLASSIFICATION));
}

const instalmentOf = (i: InstalmentRow, today: string): LoanInstalment => ({
  n: i.n,
  dueDate: i.dueDate,
  principal: money(i.principal, 'CNY'),
  interest: money(i.interest, 'CNY'),
  total: money(new Decimal(i.principal).add(i.interest).toFixed(2), 'CNY'),
  paid: money(new Decimal(i.principalPaid).add(i.interestPaid).toFixed(2), 'CNY'),
  overdue: i.dueDate < today && !isPaid(i),
  paidAt: i.paidAt,
});

@Resolver(() => Loan)
export class LoanResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id of the Loan.' })
  id(@Root() l: LoanRow): string {
    return toGlobalId('Loan', l.id);
  }
  @FieldResolver(() => Money)
  principal(@Root() l: LoanRow) {
    return money(l.principal, 'CNY');
  }
  @FieldResolver(() => Customer, { description: 'The borrower.' })
  customer(@Root() l: LoanRow, @Ctx() ctx: RequestContext) {
    return customerInScope(ctx, l.customerId);
  }
  @FieldResolver(() => ID, { description: 'The loan product.' })
  productId(@Root() l: LoanRow): string {
    return toGlobalId('Product', l.productId);
  }
  @FieldResolver(() => LoanApplication, {
    nullable: true,
    description: 'The application it was paid out on (its decisions and history); null for a loan taken over from the core banking system (存量贷款).',
  })
  application(@Root() l: LoanRow, @Ctx() ctx: RequestContext) {
    return l.applicationId === null ? null : applicationLoader(ctx).load(l.applicationId);
  }
  @FieldResolver(() => Money, { description: "Principal still owed (the customer's liability)." })
  outstandingPrincipal(@Root() l: LoanRow) {
    return money(l.outstandingPrincipal, 'CNY');
  }
  @FieldResolver(() => Int, { description: 'Days since the oldest instalment past due and unpaid fell due (0: none).' })
  async daysPastDue(@Root() l: LoanRow, @Ctx() ctx: RequestContext): Promise<number> {
    return (await stateOf(l, ctx)).daysPastDue;
  }
  @FieldResolver(() => LoanClassification, {
    description: "Five-category classification on today's bank day, from days past due (setting loans.classification).",
  })
  async classification(@Root() l: LoanRow, @Ctx() ctx: RequestContext): Promise<string> {
    return (await stateOf(l, ctx)).classification;
  }
  @FieldResolver(() => Money, { description: 'Principal and interest past due and unpaid.' })
  async overdueAmount(@Root() l: LoanRow, @Ctx() ctx: RequestContext) {
    const s = await stateOf(l, ctx);
    return money(new Decimal(s.overduePrincipal).add(s.overdueInterest).toFixed(2), 'CNY');
  }
  @FieldResolver(() => LoanInstalment, { nullable: true, description: 'The first instalment not paid in full (null once settled).' })
  async nextInstalment(@Root() l: LoanRow, @Ctx() ctx: RequestContext): Promise<LoanInstalment | null> {
    const s = await stateOf(l, ctx);
    const next = s.next && (await instalmentsLoader(ctx).load(l.id)).find((i) => i.n === s.next!.n);
    return next ? instalmentOf(next, bankDay(ctx.now)) : null;
  }
  @FieldResolver(() => [LoanInstalment], { description: '还款计划 / The repayment schedule, every instalment with what is paid of it.' })
  async schedule(@Root() l: LoanRow, @Ctx() ctx: RequestContext): Promise<LoanInstalment[]> {
    const today = bankDay(ctx.now);
    return (await instalmentsLoader(ctx).load(l.id)).map((i) => instalmentOf(i, today));
  }
  @FieldResolver(() => [LoanRepayment], { description: 'Repayments received, oldest first.' })
  async repayments(@Root() l: LoanRow, @Ctx() ctx: RequestContext): Promise<LoanRepayment[]> {
    const rows = await repaymentsLoader(ctx).load(l.id);
    return rows.map((r) => ({
      amount: money(r.amount, 'CNY'),
      principal: money(r.principal, 'CNY'),
      interest: money(r.interest, 'CNY'),
      instalments: r.allocation.map((a) => a.n),
      paidAt: r.paidAt,
    }));
  }
  @FieldResolver(() => ID, { nullable: true, description: 'Pledge loans: the Holding pledged (it cannot be redeemed until the loan is settled).' })
  pledgedHoldingId(@Root() l: LoanRow): string | null {
    return l.pledgedHoldingId === null ? null : toGlobalId('Holding', l.pledgedHoldingId);
  }
  @FieldResolver(() => [LoanWarning], {
    description:
      "贷后风险预警 / Early-warning signals today: OVERDUE; DEBT_TO_INCOME_ABOVE_LIMIT (the borrower's debt service here plus what they declared elsewhere, against income); " +
      "PLEDGE_COVER_BELOW (the pledged position's value against the outstanding principal). Empty for a settled loan.",
  })
  async warnings(@Root() l: LoanRow, @Ctx() ctx: RequestContext): Promise<LoanWarning[]> {
    if (l.status !== 'ACTIVE') return [];
    const [s, facts, app, details] = await Promise.all([
      stateOf(l, ctx),
      customerFacts(ctx, l.customerId),
      l.applicationId === null ? null : applicationLoader(ctx).load(l.applicationId),
      loanDetailsLoader(ctx).load(l.productId),
    ]);
    if (!facts) return [];
    const declared = typeof app?.terms.declaredMonthlyDebt === 'string' ? app.terms.declaredMonthlyDebt : '0';
    const here = typeof facts.lines.loans?.monthlyDebt === 'string' ? facts.lines.loans.monthlyDebt : '0';
    const pledge = ctx.settings.get<PledgeSetting>(SETTING_PLEDGE);
    const held = l.pledgedHoldingId === null ? undefined : facts.holdings.find((h) => h.id === l.pledgedHoldingId);
    const found = loanWarnings({
      daysPastDue: s.daysPastDue,
      overdueAmount: new Decimal(s.overduePrincipal).add(s.overdueInterest).toFixed(2),
      monthlyIncome: new Decimal(facts.personalAnnualIncome).div(12).toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2),
      monthlyDebt: new Decimal(here).add(declared).toFixed(2),
      totalDebtMax: ctx.settings.get<DebtRatios>(SETTING_DEBT_RATIOS).totalDebtMax,
      pledge:
        l.pledgedHoldingId === null || !details
          ? null
          : {
              marketValueCny: held?.marketValueCny ?? null,
              outstandingPrincipal: l.outstandingPrincipal,
              warnCoverBelow: pledge.warnCoverBelow[details.category as PledgeCategory] ?? '1',
            },
    });
    return found.map((w) => ({ code: w.code, message: w.message[ctx.lang] }));
  }
}

/** `Customer.loans`: batched per page of customers. */
@Resolver(() => Customer)
export class CustomerLoansResolver {
  @FieldResolver(() => [Loan], { description: "The customer's loans (open and settled), oldest first, with schedule, classification and warnings." })
  loans(@Root() c: CustomerRecord, @Ctx() ctx: RequestContext) {
    return loansByCustomerLoader(ctx).load(c.id);
  }
}

/** `LoanApplication.loan`. */
@Resolver(() => LoanApplication)
export class ApplicationLoanResolver {
  @FieldResolver(() => Loan, { nullable: true, description: 'The loan paid out on it (DISBURSED).' })
  loan(@Root() a: ApplicationRow, @Ctx() ctx: RequestContext) {
    return loanByApplicationLoader(ctx).load(a.id);
  }
}
