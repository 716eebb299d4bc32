import { asc, eq, inArray } from 'drizzle-orm';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import {
  assertIndependentDecision,
  badInput,
  checkIdempotencyKey,
  claimIdempotencyKey,
  Customer,
  customerInScope,
  Decimal,
  FinmartError,
  groupByKey,
  judgeApplication,
  leadInScope,
  recordApplicationDecision,
  money,
  Money,
  numericIdOf,
  recordParticipation,
  registerNodeType,
  requestHash,
  requireRole,
  storeIdempotentResponse,
  text,
  toGlobalId,
  type CustomerRecord,
  type RequestContext,
} from '../../../src/sdk/index.js';
import { loanApplicationEvents, loanApplications } from '../schema.js';
import { loanDetailsLoader } from './loaders.js';
import { caseOf, detailsOf, event, findApplication, move, refused, STAFF, visible, type ApplicationRow } from './application.steps.js';
import { ApplyForLoanInput, DecideLoanInput, LoanApplication, LoanApplicationEvent, RecordInvestigationInput } from './application.types.js';

registerNodeType('LoanApplication', async (ctx, key) => {
  if (ctx.principal.role === 'PARTNER') return null;
  const [row] = await ctx.db.select().from(loanApplications).where(eq(loanApplications.id, key));
  return visible(ctx, row);
});

@Resolver(() => LoanApplication)
export class LoanApplicationResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id of the LoanApplication.' })
  id(@Root() a: ApplicationRow): string {
    return toGlobalId('LoanApplication', a.id);
  }
  @FieldResolver(() => Money)
  amount(@Root() a: ApplicationRow) {
    return money(a.amount, 'CNY');
  }
  @FieldResolver(() => String, { nullable: true })
  purpose(@Root() a: ApplicationRow): string | null {
    return typeof a.terms.purpose === 'string' ? a.terms.purpose : null;
  }
  @FieldResolver(() => Money, { nullable: true })
  approvedAmount(@Root() a: ApplicationRow) {
    return a.approvedAmount === null ? null : money(a.approvedAmount, 'CNY');
  }
  @FieldResolver(() => Customer, { description: 'The applicant.' })
  customer(@Root() a: ApplicationRow, @Ctx() ctx: RequestContext) {
    return customerInScope(ctx, a.customerId);
  }
  @FieldResolver(() => ID, { description: 'The loan product.' })
  productId(@Root() a: ApplicationRow): string {
    return toGlobalId('Product', a.productId);
  }
  @FieldResolver(() => ID, { description: 'The latest decision record (purpose APPLICATION).' })
  decisionRecordId(@Root() a: ApplicationRow): string {
    return String(a.decisionId);
  }
  @FieldResolver(() => [LoanApplicationEvent], { description: 'Every step, oldest first.' })
  async history(@Root() a: ApplicationRow, @Ctx() ctx: RequestContext): Promise<LoanApplicationEvent[]> {
    const rows = await ctx
      .loader<number, (typeof loanApplicationEvents.$inferSelect)[]>('loans.applicationEvents', async (ids) => {
        const all = await ctx.db
          .select()
          .from(loanApplicationEvents)
          .where(inArray(loanApplicationEvents.applicationId, [...ids]))
          .orderBy(asc(loanApplicationEvents.id));
        return groupByKey(ids, all, (r) => r.applicationId);
      })
      .load(a.id);
    return rows.map((e) => ({
      fromStage: e.fromStage,
      toStage: e.toStage,
      actor: e.actor,
      note: e.note,
      decisionRecordId: e.decisionId === null ? null : String(e.decisionId),
      at: e.at,
    }));
  }
}

/** `Customer.loanApplications`: batched per page of customers. */
@Resolver(() => Customer)
export class CustomerLoanApplicationsResolver {
  @FieldResolver(() => [LoanApplication], { description: "The customer's loan applications, oldest first." })
  loanApplications(@Root() c: CustomerRecord, @Ctx() ctx: RequestContext) {
    return ctx
      .loader<number, ApplicationRow[]>('loans.applicationsByCustomer', async (ids) =>
        groupByKey(
          ids,
          await ctx.db
            .select()
            .from(loanApplications)
            .where(inArray(loanApplications.customerId, [...ids]))
            .orderBy(asc(loanApplications.id)),
          (r) => r.customerId,
        ),
      )
      .load(c.id);
  }
}

@Resolver()
export class LoanApplicationMutationResolver {
  @Mutation(() => LoanApplication, {
    description:
      "调查与成交 (1): applies for a loan for a customer in your book. The rules judge the terms with the server's figures; BLOCK refuses it (SUITABILITY_BLOCKED, with the reasons and the decision record), " +
      'outstanding steps do not (they come with the investigation). The caller is recorded as having marketed it: they can never decide it. Idempotent under the key. Audited.',
  })
  async applyForLoan(
    @Arg('input', () => ApplyForLoanInput, { description: 'The loan applied for: customer, product, amount, term, repayment method and source.' })
    input: ApplyForLoanInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ApplicationRow> {
    requireRole(ctx, ...STAFF);
    const key = checkIdempotencyKey(input.idempotencyKey);
    const customerId = numericIdOf(input.customerId, 'Customer');
    if (!customerId) throw badInput(text('客户编号无效', 'customerId is not a customer id'), 'customerId');
    const productId = numericIdOf(input.productId, 'Product');
    if (!productId) throw badInput(text('产品编号无效', 'productId is not a product id'), 'productId');
    if (!/^\d{1,14}(\.\d{1,2})?$/.test(input.amount) || new Decimal(input.amount).lte(0))
      throw badInput(text('金额须为正数，至多两位小数', 'amount must be positive, at most 2 decimals'), 'amount');
    const leadId = input.leadId ? numericIdOf(input.leadId, 'Lead') : null;
    if (input.leadId && !leadId) throw badInput(text('线索编号无效', 'leadId is not a lead id'), 'leadId');
    if (leadId && input.source !== 'LEAD')
      throw badInput(text('只有来源为 LEAD 的申请可以关联线索', 'Only an application from source LEAD names a lead'), 'leadId');
    const pledgedHoldingId = input.pledgedHoldingId ? numericIdOf(input.pledgedHoldingId, 'Holding') : null;
    if (input.pledgedHoldingId && !pledgedHoldingId) throw badInput(text('质押持仓编号无效', 'pledgedHoldingId is not a holding id'), 'pledgedHoldingId');
    // Reads before any write: the product must be a loan (and a pledge loan to name a pledge), the lead one the caller may see.
    const loanTerms = await loanDetailsLoader(ctx).load(productId);
    if (!loanTerms) throw badInput(text('该产品不是贷款产品', 'The product is not a loan'), 'productId');
    if (pledgedHoldingId && loanTerms.kind !== 'PLEDGE')
      throw badInput(text('只有质押贷款可以指定质押持仓', 'Only a pledge loan names a pledged holding'), 'pledgedHoldingId');
    if (leadId && !(await leadInScope(ctx, leadId))) throw badInput(text('线索不存在或不在您的范围内', 'No such lead in your scope'), 'leadId');
    const terms: Record<string, unknown> = {};
    if (pledgedHoldingId) terms.pledgedHoldingId = pledgedHoldingId;
    if (input.purpose != null) terms.purpose = input.purpose;
    if (input.propertyValue != null) terms.propertyValue = input.propertyValue;
    if (input.declaredMonthlyDebt != null) terms.declaredMonthlyDebt = input.declaredMonthlyDebt;
    if (input.entrustedPayment != null) terms.entrustedPayment = input.entrustedPayment;
    const hash = requestHash({ operation: 'applyForLoan', input });
    type Stored = { id: number } | { refused: { code: string; reasons: unknown[]; decisionRecordId: string } };
    // Judged before the transaction (reads only); recorded in it.
    const j = await judgeApplication(ctx, {
      customerId,
      productId,
      amount: input.amount,
      details: detailsOf(input.termMonths, input.repaymentMethod, terms),
      completedSteps: [],
      channel: 'COUNTER',
      initiator: 'STAFF',
    });
    const stored = await ctx.db.transaction(async (tx): Promise<Stored> => {
      const claim = await claimIdempotencyKey<Stored>(tx, ctx.principal.subject, key, 'applyForLoan', hash);
      if (claim.state === 'replay') return claim.response;
      const decisionId = await recordApplicationDecision(ctx, tx, j);
      let response: Stored;
      if (j.decision.outcome === 'BLOCK') {
        // The refusal commits with its decision record (the evidence), like a refused order; a replay refuses the same way.
        const e = refused(j, decisionId);
        response = { refused: { code: e.code, reasons: e.extensions.reasons as unknown[], decisionRecordId: String(decisionId) } };
      } else {
        const [row] = await tx
          .insert(loanApplications)
          .values({
            customerId,
            productId,
            amount: new Decimal(input.amount).toFixed(2),
            termMonths: input.termMonths,
            repaymentMethod: input.repaymentMethod,
            terms,
            source: input.source,
            leadId,
            stage: 'APPLIED',
            completedSteps: [],
            decisionId,
            outcome: j.decision.outcome,
            createdBy: ctx.principal.subject,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
          .returning();
        await recordParticipation(ctx, tx, caseOf(row!.id), 'MARKETED');
        await event(tx, ctx, row!, null, 'APPLIED', 'applied', decisionId);
        response = { id: row!.id };
      }
      await storeIdempotentResponse(tx, ctx.principal.subject, key, response);
      return response;
    });
    if ('refused' in stored) {
      throw new FinmartError('SUITABILITY_BLOCKED', text('贷款规则不通过', 'The loan rules block this application'), {
        reasons: stored.refused.reasons,
        decisionRecordId: stored.refused.decisionRecordId,
      });
    }
    const [row] = await ctx.db.select().from(loanApplications).where(eq(loanApplications.id, stored.id));
    return row!;
  }

  @Mutation(() => LoanApplication, {
    description:
      '调查与成交 (2): the investigating officer records the credit-report authorisation, the interview and the findings (an APPLIED application → INVESTIGATED); the rules judge it again with the steps. ' +
      'The caller is recorded as having investigated it: they can never decide it. Audited.',
  })
  async recordInvestigation(
    @Arg('input', () => RecordInvestigationInput, { description: 'The application and the findings of the investigation (贷前调查).' })
    input: RecordInvestigationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ApplicationRow> {
    requireRole(ctx, ...STAFF);
    const findings = input.findings.trim();
    if (findings.length === 0 || findings.length > 1000)
      throw badInput(text('调查结论须为 1 到 1000 字', 'findings must be 1 to 1,000 characters'), 'findings');
    const app = await findApplication(ctx, input.applicationId);
    if (app.stage !== 'APPLIED')
      throw badInput(text(`申请已是 ${app.stage}，不能再调查`, `The application is ${app.stage}; it is past investigation`), 'applicationId');
    const steps = [...(input.creditReportAuthorised ? ['CREDIT_REPORT_AUTHORISATION'] : []), ...(input.interviewed ? ['FACE_TO_FACE_INTERVIEW'] : [])];
    const j = await judgeApplication(ctx, {
      customerId: app.customerId,
      productId: app.productId,
      amount: app.amount,
      details: detailsOf(app.termMonths, app.repaymentMethod, app.terms),
      completedSteps: steps,
      channel: 'COUNTER',
      initiator: 'STAFF',
    });
    return ctx.db.transaction(async (tx) => {
      const decisionId = await recordApplicationDecision(ctx, tx, j);
      const row = await move(tx, app, { stage: 'INVESTIGATED', completedSteps: steps, decisionId, outcome: j.decision.outcome }, ctx.now);
      await recordParticipation(ctx, tx, caseOf(app.id), 'INVESTIGATED');
      await event(tx, ctx, row, 'APPLIED', 'INVESTIGATED', findings, decisionId);
      return row;
    });
  }

  @Mutation(() => LoanApplication, {
    description:
      '调查与成交 (3): approves (as applied, or with a lower amount or another term) or declines an INVESTIGATED application. Refused by the host (FORBIDDEN, extensions.reason SELF_APPROVAL) for ' +
      "whoever marketed or investigated it, and (APPROVAL_AUTHORITY) above a branch manager's authority (core.approvalAuthority; head office decides any amount). An approval is judged again on the " +
      'approved terms and must pass every rule with every step (else SUITABILITY_BLOCKED / SUITABILITY_STEPS_REQUIRED). Audited with the decision record.',
  })
  async decideLoan(
    @Arg('input', () => DecideLoanInput, { description: 'The application and the decision (by someone other than the investigator).' }) input: DecideLoanInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ApplicationRow> {
    requireRole(ctx, 'BRANCH_MANAGER', 'HEAD_OFFICE');
    const note = input.note.trim();
    if (note.length === 0 || note.length > 1000) throw badInput(text('审批意见须为 1 到 1000 字', 'note must be 1 to 1,000 characters'), 'note');
    const app = await findApplication(ctx, input.applicationId);
    if (app.stage !== 'INVESTIGATED')
      throw badInput(
        text(`申请为 ${app.stage}，只有已调查的申请可以审批`, `The application is ${app.stage}; only an investigated application is decided`),
        'applicationId',
      );
    const changes = input.decision === 'APPROVE_WITH_CHANGES';
    if (!changes && (input.amount != null || input.termMonths != null))
      throw badInput(text('只有附条件批准可以改变金额或期限', 'Only APPROVE_WITH_CHANGES changes the amount or term'), 'decision');
    const amount = changes && input.amount != null ? input.amount : app.amount;
    const termMonths = changes && input.termMonths != null ? input.termMonths : app.termMonths;
    if (changes && input.amount == null && input.termMonths == null)
      throw badInput(text('附条件批准须给出新的金额或期限', 'APPROVE_WITH_CHANGES gives a new amount or term'), 'decision');
    if (!/^\d{1,14}(\.\d{1,2})?$/.test(amount) || new Decimal(amount).lte(0) || new Decimal(amount).gt(app.amount)) {
      throw badInput(text('批准金额须为正数且不超过申请金额', 'The approved amount is positive and at most the amount applied for'), 'amount');
    }
    // An approval is judged on the approved terms (reads only, before the transaction).
    const j =
      input.decision === 'DECLINE'
        ? null
        : await judgeApplication(ctx, {
            customerId: app.customerId,
            productId: app.productId,
            amount,
            details: detailsOf(termMonths, app.repaymentMethod, app.terms),
            completedSteps: app.completedSteps,
            channel: 'COUNTER',
            initiator: 'STAFF',
          });
    const outcome = await ctx.db.transaction(async (tx): Promise<{ row: ApplicationRow } | { refusal: FinmartError }> => {
      // The host's four-eyes and authority check, on the amount decided, before anything else is written.
      await assertIndependentDecision(ctx, tx, caseOf(app.id), new Decimal(amount).toFixed(2));
      if (j === null) {
        const row = await move(tx, app, { stage: 'DECLINED', decisionNote: note }, ctx.now);
        await event(tx, ctx, row, 'INVESTIGATED', 'DECLINED', note, null);
        return { row };
      }
      const decisionId = await recordApplicationDecision(ctx, tx, j);
      if (j.decision.outcome === 'BLOCK' || j.decision.missingSteps.length > 0) return { refusal: refused(j, decisionId) };
      const row = await move(
        tx,
        app,
        {
          stage: 'APPROVED',
          approvedAmount: new Decimal(amount).toFixed(2),
          approvedTermMonths: termMonths,
          decisionId,
          outcome: j.decision.outcome,
          decisionNote: note,
        },
        ctx.now,
      );
      await event(tx, ctx, row, 'INVESTIGATED', 'APPROVED', note, decisionId);
      return { row };
    });
    if ('refusal' in outcome) throw outcome.refusal;
    return outcome.row;
  }
}
