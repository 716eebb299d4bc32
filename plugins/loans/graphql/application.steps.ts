import { and, eq, sql } from 'drizzle-orm';
import {
  badInput,
  conflict,
  customerInScope,
  FinmartError,
  notFound,
  numericIdOf,
  recordAudit,
  text,
  toGlobalId,
  type CaseRef,
  type JudgedApplication,
  type RequestContext,
  type Tx,
} from '../../../src/sdk/index.js';
import { loanApplicationEvents, loanApplications } from '../schema.js';

// The steps every stage of an application shares: finding it in the caller's book, moving it under its version, and recording the move.

export type ApplicationRow = typeof loanApplications.$inferSelect;

export const caseOf = (id: number): CaseRef => ({ type: 'loans.application', id: String(id) });
export const STAFF = ['RELATIONSHIP_MANAGER', 'BRANCH_MANAGER', 'HEAD_OFFICE'] as const;

/** The application if its customer is in the caller's book (else it does not exist for them). */
export async function visible(ctx: RequestContext, row: ApplicationRow | undefined): Promise<ApplicationRow | null> {
  return row && (await customerInScope(ctx, row.customerId)) ? row : null;
}

export async function findApplication(ctx: RequestContext, id: string): Promise<ApplicationRow> {
  const key = numericIdOf(id, 'LoanApplication');
  if (!key) throw badInput(text('申请编号无效', 'applicationId is not a loan application id'), 'applicationId');
  const [row] = await ctx.db.select().from(loanApplications).where(eq(loanApplications.id, key));
  const seen = await visible(ctx, row);
  if (!seen) throw notFound(text('贷款申请', 'loan application'));
  return seen;
}

/** The rules' details of an application's terms (the line's `orders.details`). */
export const detailsOf = (termMonths: number, repaymentMethod: string, terms: Record<string, unknown>) => ({ termMonths, repaymentMethod, ...terms });

/** A refusal carries the decision's reasons, like a refused order. */
export function refused(j: JudgedApplication, decisionId: number): FinmartError {
  const reasons = j.decision.reasons.map((r) => ({ code: r.code, outcome: r.outcome, ruleId: r.ruleId }));
  return j.decision.outcome === 'BLOCK'
    ? new FinmartError('SUITABILITY_BLOCKED', text('贷款规则不通过', 'The loan rules block this application'), {
        reasons,
        decisionRecordId: String(decisionId),
      })
    : new FinmartError('SUITABILITY_STEPS_REQUIRED', text('尚有未完成的步骤', 'Steps are still missing'), {
        reasons,
        missingSteps: j.decision.missingSteps,
        decisionRecordId: String(decisionId),
      });
}

export async function event(
  tx: Tx,
  ctx: RequestContext,
  app: ApplicationRow,
  from: string | null,
  to: string,
  note: string,
  decisionId: number | null,
): Promise<void> {
  await tx
    .insert(loanApplicationEvents)
    .values({ customerId: app.customerId, applicationId: app.id, fromStage: from, toStage: to, actor: ctx.principal.subject, note, decisionId, at: ctx.now });
  await recordAudit(
    { db: tx, principal: ctx.principal, requestId: ctx.requestId },
    {
      action: `LOAN_APPLICATION_${to}`,
      targetType: 'LoanApplication',
      targetId: toGlobalId('LoanApplication', app.id),
      details: { from, to, decisionRecordId: decisionId, amount: app.amount },
    },
  );
}

/** Moves an application from `from` if nobody moved it meanwhile (its version). */
export async function move(tx: Tx, app: ApplicationRow, set: Partial<typeof loanApplications.$inferInsert>, now: Date): Promise<ApplicationRow> {
  const [row] = await tx
    .update(loanApplications)
    .set({ ...set, updatedAt: now, version: sql`${loanApplications.version} + 1` })
    .where(and(eq(loanApplications.id, app.id), eq(loanApplications.version, app.version)))
    .returning();
  if (!row) throw conflict(text('申请已被他人更新，请刷新后重试', 'The application changed meanwhile; reload and retry'));
  return row;
}
