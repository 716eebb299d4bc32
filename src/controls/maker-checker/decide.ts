import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { HostContext } from '../../graphql/context.js';
import { recordAudit } from '../../audit/record.js';
import type { Principal, Role } from '../../auth/principal.js';
import { approvals } from '../../db/schema/index.js';
import { checkText } from '../../domain/customers/customer.validation.js';
import { conflict, FinmartError, forbidden, notFound } from '../../graphql/errors.js';
import { numericIdOf, toGlobalId } from '../../graphql/relay/global-id.js';
import { createRequestContext } from '../../http/context.js';
import { text } from '../../i18n/localized.js';
import { checkerScope, hasCheckerPermission } from './checker-scope.js';
import { executorOf } from './executors.js';
import type { ApprovalRow } from './hold.js';

/** A checker's hold on an approval while its action runs; a hold older than this is stale (the node died). */
const CLAIM_STALE_MS = 120_000;

const approvalNotFound = () => notFound(text('待复核事项', 'approval'));

/**
 * The approval a checker decides, after the checks every decision makes: the checker permission, the
 * approval in the checker's scope (else NOT_FOUND, as if it did not exist), never the maker's own
 * (FORBIDDEN, reason SELF_APPROVAL), still awaiting approval (else CONFLICT).
 */
async function decidable(ctx: HostContext, id: string): Promise<ApprovalRow> {
  if (!hasCheckerPermission(ctx.principal)) throw forbidden(text('没有复核权限', 'You do not hold the checker permission'));
  const key = numericIdOf(id, 'Approval');
  if (!key) throw approvalNotFound();
  const [row] = await ctx.db
    .select()
    .from(approvals)
    .where(and(eq(approvals.id, key), checkerScope(ctx.principal)));
  if (!row) throw approvalNotFound();
  if (row.makerSubject === ctx.principal.subject) {
    throw new FinmartError('FORBIDDEN', text('经办人不能复核本人提交的操作', 'The maker may not approve or reject their own action'), {
      reason: 'SELF_APPROVAL',
    });
  }
  if (row.status !== 'AWAITING_APPROVAL')
    throw conflict(text(`该事项已${row.status === 'APPROVED' ? '批准' : '拒绝'}`, `The approval is already ${row.status}`), { status: row.status });
  return row;
}

/** The maker's context: the action runs as they made it, with fresh loaders, on the checker's request. */
function makerContext(ctx: HostContext, row: ApprovalRow): HostContext {
  const m = row.maker as { subject: string; role: Role; managerId?: number; branchId?: number };
  const maker: Principal = Object.freeze({ subject: m.subject, role: m.role, managerId: m.managerId, branchId: m.branchId });
  return { ...createRequestContext(ctx.host, maker, ctx.lang, ctx.requestId, ctx.now), approval: { id: row.id, action: row.action } };
}

/**
 * Approves and runs a held action. The approval is claimed first (one statement: only one checker's approve
 * runs it; a claim left by a node that died lapses after two minutes), then the action runs as its maker,
 * re-validated against the current state. Success: APPROVED with what it produced, audited (APPROVAL_APPROVED).
 * A refusal by the action (the bundle changed meanwhile, the order is no longer suitable…) is returned to the
 * checker and the approval stays AWAITING_APPROVAL — to approve again once the state allows, or to reject.
 */
export async function approve(ctx: HostContext, id: string): Promise<ApprovalRow> {
  const row = await decidable(ctx, id);
  const stale = new Date(ctx.now.getTime() - CLAIM_STALE_MS);
  const [claimed] = await ctx.db
    .update(approvals)
    .set({ claimedBy: ctx.principal.subject, claimedAt: ctx.now })
    .where(and(eq(approvals.id, row.id), eq(approvals.status, 'AWAITING_APPROVAL'), or(isNull(approvals.claimedAt), lt(approvals.claimedAt, stale))))
    .returning({ id: approvals.id });
  if (!claimed) throw conflict(text('该事项正由其他复核人处理', 'Another checker is deciding this approval'));
  let result;
  try {
    result = await executorOf(row.action)(makerContext(ctx, row), row.input);
  } catch (e) {
    await ctx.db.update(approvals).set({ claimedBy: null, claimedAt: null }).where(eq(approvals.id, row.id));
    throw e;
  }
  return ctx.db.transaction(async (tx) => {
    const [done] = await tx
      .update(approvals)
      .set({
        status: 'APPROVED',
        checkerSubject: ctx.principal.subject,
        checkerRole: ctx.principal.role,
        decidedAt: ctx.now,
        result: { ...result },
        claimedBy: null,
        claimedAt: null,
      })
      .where(eq(approvals.id, row.id))
      .returning();
    await recordAudit(
      { ...ctx, db: tx },
      { action: 'APPROVAL_APPROVED', targetType: 'Approval', targetId: toGlobalId('Approval', row.id), details: { action: row.action, result } },
    );
    return done!;
  });
}

/** Rejects a held action with the checker's reason (1–500 characters): it never runs. Audited (APPROVAL_REJECTED). */
export async function reject(ctx: HostContext, id: string, reason: string): Promise<ApprovalRow> {
  const why = checkText(reason, 'reason', 500);
  const row = await decidable(ctx, id);
  const stale = new Date(ctx.now.getTime() - CLAIM_STALE_MS);
  return ctx.db.transaction(async (tx) => {
    // Conditional: an approve that claimed it meanwhile wins; this reject then finds nothing to change.
    const [done] = await tx
      .update(approvals)
      .set({ status: 'REJECTED', checkerSubject: ctx.principal.subject, checkerRole: ctx.principal.role, decidedAt: ctx.now, reason: why })
      .where(and(eq(approvals.id, row.id), eq(approvals.status, 'AWAITING_APPROVAL'), or(isNull(approvals.claimedAt), lt(approvals.claimedAt, stale))))
      .returning();
    if (!done) throw conflict(text('该事项正由其他复核人处理', 'Another checker is deciding this approval'));
    await recordAudit(
      { ...ctx, db: tx },
      { action: 'APPROVAL_REJECTED', targetType: 'Approval', targetId: toGlobalId('Approval', row.id), details: { action: row.action } },
    );
    return done;
  });
}
