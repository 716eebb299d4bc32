import { Decimal } from 'decimal.js';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import {
  badInput,
  bankDay,
  checkIdempotencyKey,
  claimIdempotencyKey,
  customerInScope,
  FinmartError,
  judgeApplication,
  notFound,
  numericIdOf,
  pledgeHolding,
  recordApplicationDecision,
  recordAudit,
  releasePledge,
  requestHash,
  requireRole,
  storeIdempotentResponse,
  text,
  toGlobalId,
  type CaseRef,
  type RequestContext,
  type Tx,
} from '../../../src/sdk/index.js';
import { loanInstalments, loanRepayments, loans } from '../schema.js';
import { allocateRepayment, owed } from '../servicing/allocation.js';
import { repaymentSchedule } from '../servicing/schedule.js';
import type { RepaymentMethod } from '../domain.js';
import { detailsOf, event, findApplication, move, refused, STAFF } from './application.steps.js';
import { loanDetailsLoader, type LoanRow } from './loaders.js';
import { DisburseLoanInput, Loan, RecordRepaymentInput } from './loan.types.js';

/** How a loan names itself as the case a pledged position is held for. */
export const loanCase = (id: number): CaseRef => ({ type: 'loans.loan', id: String(id) });

const AMOUNT = /^\d{1,14}(\.\d{1,2})?$/;

type Refusal = { refused: { code: string; reasons: unknown[]; missingSteps: string[]; decisionRecordId: string } };

async function findLoan(ctx: RequestContext, id: string): Promise<LoanRow> {
  const key = numericIdOf(id, 'Loan');
  if (!key) throw badInput(text('贷款编号无效', 'loanId is not a loan id'), 'loanId');
  const [row] = await ctx.db.select().from(loans).where(eq(loans.id, key));
  if (!row || !(await customerInScope(ctx, row.customerId))) throw notFound(text('贷款', 'loan'));
  return row;
}

const reload = async (ctx: RequestContext, id: number): Promise<LoanRow> => (await ctx.db.select().from(loans).where(eq(loans.id, id)))[0]!;

@Resolver()
export class LoanServicingResolver {
  @Mutation(() => Loan, {
    description:
      "放款 / Pays out an APPROVED application: the loan becomes the customer's liability with its repayment schedule (还款计划) from the bank day of disbursement; a pledge loan's position is pledged " +
      "(the host refuses to redeem it until the loan is settled). The rules judge the approved terms once more on today's facts (a pledged position that lost value, new debt): a BLOCK refuses it with the " +
      'decision record. Idempotent under the key. Audited.',
  })
  async disburseLoan(
    @Arg('input', () => DisburseLoanInput, { description: 'The approved application to pay out.' }) input: DisburseLoanInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LoanRow> {
    requireRole(ctx, ...STAFF);
    const key = checkIdempotencyKey(input.idempotencyKey);
    const app = await findApplication(ctx, input.applicationId);
    if (app.stage !== 'APPROVED' && app.stage !== 'DISBURSED') {
      throw badInput(
        text(`申请为 ${app.stage}，只有已批准的申请可以放款`, `The application is ${app.stage}; only an approved application is paid out`),
        'applicationId',
      );
    }
    const details = await loanDetailsLoader(ctx).load(app.productId);
    if (!details) throw notFound(text('贷款产品', 'loan product'));
    const amount = app.approvedAmount ?? app.amount;
    const termMonths = app.approvedTermMonths ?? app.termMonths;
    // Judged before the transaction (reads only); a replay of a disbursement skips it.
    const j =
      app.stage === 'APPROVED'
        ? await judgeApplication(ctx, {
            customerId: app.customerId,
            productId: app.productId,
            amount,
            details: detailsOf(termMonths, app.repaymentMethod, app.terms),
            completedSteps: app.completedSteps,
            channel: 'COUNTER',
            initiator: 'STAFF',
          })
        : null;
    const hash = requestHash({ operation: 'disburseLoan', input });
    const stored = await ctx.db.transaction(async (tx): Promise<{ id: number } | Refusal> => {
      const claim = await claimIdempotencyKey<{ id: number } | Refusal>(tx, ctx.principal.subject, key, 'disburseLoan', hash);
      if (claim.state === 'replay') return claim.response;
      if (j === null) throw badInput(text('该申请已放款', 'The application has been paid out already'), 'applicationId');
      const decisionId = await recordApplicationDecision(ctx, tx, j);
      let response: { id: number } | Refusal;
      if (j.decision.outcome === 'BLOCK' || j.decision.missingSteps.length > 0) {
        const e = refused(j, decisionId);
        response = {
          refused: { code: e.code, reasons: e.extensions.reasons as unknown[], missingSteps: j.decision.missingSteps, decisionRecordId: String(decisionId) },
        };
      } else {
        response = { id: await disburse(ctx, tx, app, { amount, termMonths, annualRate: details.annualRate, decisionId, outcome: j.decision.outcome }) };
      }
      await storeIdempotentResponse(tx, ctx.principal.subject, key, response);
      return response;
    });
    if ('refused' in stored) {
      const r = stored.refused;
      throw new FinmartError(
        r.code as 'SUITABILITY_BLOCKED',
        r.code === 'SUITABILITY_BLOCKED'
          ? text('贷款规则不通过，不能放款', 'The loan rules block the disbursement')
          : text('尚有未完成的步骤', 'Steps are still missing'),
        {
          reasons: r.reasons,
          missingSteps: r.missingSteps,
          decisionRecordId: r.decisionRecordId,
        },
      );
    }
    return reload(ctx, stored.id);
  }

  @Mutation(() => Loan, {
    description:
      "还款 / Records a repayment received: overdue instalments first, each instalment's interest before its principal; more than the next instalment pays the following ones as scheduled. " +
      'More than is owed is refused (BAD_USER_INPUT). The last payment settles the loan (结清) and releases a pledged position. Idempotent under the key. Audited.',
  })
  async recordRepayment(
    @Arg('input', () => RecordRepaymentInput, { description: 'The loan and the repayment received.' }) input: RecordRepaymentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LoanRow> {
    requireRole(ctx, ...STAFF);
    const key = checkIdempotencyKey(input.idempotencyKey);
    if (!AMOUNT.test(input.amount) || new Decimal(input.amount).lte(0))
      throw badInput(text('金额须为正数，至多两位小数', 'amount must be positive, at most 2 decimals'), 'amount');
    const loan = await findLoan(ctx, input.loanId);
    const hash = requestHash({ operation: 'recordRepayment', input });
    const id = await ctx.db.transaction(async (tx): Promise<number> => {
      const claim = await claimIdempotencyKey<{ id: number }>(tx, ctx.principal.subject, key, 'recordRepayment', hash);
      if (claim.state === 'replay') return claim.response.id;
      await repay(ctx, tx, loan.id, new Decimal(input.amount).toFixed(2));
      await storeIdempotentResponse(tx, ctx.principal.subject, key, { id: loan.id });
      return loan.id;
    });
    return reload(ctx, id);
  }
}

/** Books the loan, its schedule and its pledge, and moves the application to DISBURSED (in `tx`). */
async function disburse(
  ctx: RequestContext,
  tx: Tx,
  app: Awaited<ReturnType<typeof findApplication>>,
  t: { amount: string; termMonths: number; annualRate: string; decisionId: number; outcome: string },
): Promise<number> {
  const row = await move(tx, app, { stage: 'DISBURSED', decisionId: t.decisionId, outcome: t.outcome }, ctx.now);
  const disbursedOn = bankDay(ctx.now);
  const pledged = typeof app.terms.pledgedHoldingId === 'number' ? app.terms.pledgedHoldingId : null;
  const [loan] = await tx
    .insert(loans)
    .values({
      applicationId: app.id,
      customerId: app.customerId,
      productId: app.productId,
      principal: t.amount,
      annualRate: t.annualRate,
      termMonths: t.termMonths,
      repaymentMethod: app.repaymentMethod,
      disbursedOn,
      disbursedAt: ctx.now,
      disbursedBy: ctx.principal.subject,
      outstandingPrincipal: t.amount,
      status: 'ACTIVE',
      pledgedHoldingId: pledged,
    })
    .returning();
  const schedule = repaymentSchedule(t.amount, t.annualRate, t.termMonths, app.repaymentMethod as RepaymentMethod, disbursedOn);
  await tx
    .insert(loanInstalments)
    .values(
      schedule.map((i) => ({ customerId: loan!.customerId, loanId: loan!.id, n: i.n, dueDate: i.dueDate, principal: i.principal, interest: i.interest })),
    );
  if (pledged !== null) await pledgeHolding(ctx, tx, app.customerId, pledged, loanCase(loan!.id));
  await event(tx, ctx, row, 'APPROVED', 'DISBURSED', `loan ${toGlobalId('Loan', loan!.id)}`, t.decisionId);
  return loan!.id;
}

/** Applies a repayment to the schedule (in `tx`, the loan row locked first so two repayments queue). */
async function repay(ctx: RequestContext, tx: Tx, loanId: number, amount: string): Promise<void> {
  const [loan] = await tx.select().from(loans).where(eq(loans.id, loanId)).for('update');
  if (!loan || loan.status !== 'ACTIVE') throw badInput(text('贷款已结清', 'The loan is settled'), 'loanId');
  const open = await tx
    .select()
    .from(loanInstalments)
    .where(and(eq(loanInstalments.loanId, loanId), isNull(loanInstalments.paidAt)))
    .orderBy(asc(loanInstalments.n));
  const allocation = allocateRepayment(amount, open);
  if (allocation === null) {
    const o = owed(open);
    const total = o.principal.add(o.interest).toFixed(2);
    throw badInput(text(`还款 ${amount} 元超过尚欠本息 ${total} 元`, `A repayment of CNY ${amount} is more than the CNY ${total} owed`), 'amount');
  }
  let principal = new Decimal(0);
  let interest = new Decimal(0);
  let cleared = 0;
  for (const a of allocation) {
    const i = open.find((x) => x.n === a.n)!;
    const principalPaid = new Decimal(i.principalPaid).add(a.principal);
    const interestPaid = new Decimal(i.interestPaid).add(a.interest);
    const full = principalPaid.gte(i.principal) && interestPaid.gte(i.interest);
    if (full) cleared += 1;
    await tx
      .update(loanInstalments)
      .set({ principalPaid: principalPaid.toFixed(2), interestPaid: interestPaid.toFixed(2), paidAt: full ? ctx.now : null })
      .where(and(eq(loanInstalments.customerId, loan.customerId), eq(loanInstalments.loanId, loanId), eq(loanInstalments.n, a.n)));
    principal = principal.add(a.principal);
    interest = interest.add(a.interest);
  }
  const settled = cleared === open.length;
  await tx
    .update(loans)
    .set({
      outstandingPrincipal: sql`${loans.outstandingPrincipal} - ${principal.toFixed(2)}::numeric`,
      status: settled ? 'SETTLED' : 'ACTIVE',
      settledAt: settled ? ctx.now : null,
      version: sql`${loans.version} + 1`,
    })
    .where(eq(loans.id, loanId));
  await tx.insert(loanRepayments).values({
    customerId: loan.customerId,
    loanId,
    amount,
    principal: principal.toFixed(2),
    interest: interest.toFixed(2),
    allocation,
    paidAt: ctx.now,
    recordedBy: ctx.principal.subject,
  });
  if (settled && loan.pledgedHoldingId !== null) await releasePledge(tx, loan.pledgedHoldingId, loanCase(loanId), ctx.now);
  await recordAudit(
    { db: tx, principal: ctx.principal, requestId: ctx.requestId },
    {
      action: settled ? 'LOAN_SETTLED' : 'LOAN_REPAYMENT',
      targetType: 'Loan',
      targetId: toGlobalId('Loan', loanId),
      details: { amount, principal: principal.toFixed(2), interest: interest.toFixed(2), instalments: allocation.map((a) => a.n) },
    },
  );
}
