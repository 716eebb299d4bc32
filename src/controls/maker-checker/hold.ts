import { and, eq } from 'drizzle-orm';
import type { HostContext } from '../../graphql/context.js';
import { recordAudit } from '../../audit/record.js';
import { approvals } from '../../db/schema/index.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { conflict } from '../../graphql/errors.js';
import { toGlobalId } from '../../graphql/relay/global-id.js';
import { text } from '../../i18n/localized.js';
import { canonicalJson } from '../../orders/idempotency.js';
import { makerCheckerConfig, type ApprovalAction } from './maker-checker.settings.js';

export type ApprovalRow = typeof approvals.$inferSelect;

/** A sensitive action about to take effect, as its mutation describes it once its input is validated. */
export interface SensitiveAction {
  action: ApprovalAction;
  /** What it changes: a node type and its global id (or a setting key, a bundle code). */
  targetType: string;
  targetId: string;
  /** The branch whose checkers decide it (what branch staff made); null: head office checks it. */
  branchId: number | null;
  /** The validated input, exactly as the action will run it once approved (JSON). */
  input: Record<string, unknown>;
  /** Whether the setting's condition holds (PLACE_ORDER: the amount reaches orderAmountFromCny); default true. */
  applies?: boolean;
  /** The maker's idempotency key, for actions that take one: a replay finds the approval it made. */
  idempotencyKey?: string;
}

/** An input as an approval keeps it: plain JSON (dates become ISO strings; an executor revives what it needs). */
export const heldInput = (input: object): Record<string, unknown> => JSON.parse(JSON.stringify(input)) as Record<string, unknown>;

/** The principal an approved action runs as: the maker, as they were when they made it. */
export const makerOf = (ctx: HostContext) => ({
  subject: ctx.principal.subject,
  role: ctx.principal.role,
  ...(ctx.principal.managerId !== undefined ? { managerId: ctx.principal.managerId } : {}),
  ...(ctx.principal.branchId !== undefined ? { branchId: ctx.principal.branchId } : {}),
});

/**
 * The maker-checker gate every sensitive mutation calls after validating its input and before writing:
 * null when the action may take effect now (core.makerChecker does not list it, its condition does not hold,
 * or it is the approved action now running); otherwise the Approval that holds it (AWAITING_APPROVAL), written
 * and audited (APPROVAL_REQUESTED). A second pending submission of the same action on the same target is a
 * CONFLICT (decided by a unique index, so two at once cannot both pass); a replay of the maker's key returns
 * the approval it made.
 */
export async function holdForApproval(ctx: HostContext, a: SensitiveAction): Promise<ApprovalRow | null> {
  if (ctx.approval?.action === a.action) return null;
  if (a.applies === false || !makerCheckerConfig(ctx.settings).actions.includes(a.action)) return null;
  if (a.idempotencyKey) {
    const [earlier] = await ctx.db
      .select()
      .from(approvals)
      .where(and(eq(approvals.makerSubject, ctx.principal.subject), eq(approvals.idempotencyKey, a.idempotencyKey)));
    if (earlier) {
      if (earlier.action !== a.action || canonicalJson(earlier.input) !== canonicalJson(a.input)) {
        throw conflict(text('该幂等键已用于另一项待复核操作', 'This idempotency key was used for another action held for approval'));
      }
      // Approved: the action ran under this key; the caller's own path replays what it produced.
      return earlier.status === 'APPROVED' ? null : earlier;
    }
  }
  const targetKey = `${a.targetType}:${a.targetId}`;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(approvals)
        .values({
          action: a.action,
          targetType: a.targetType,
          targetId: a.targetId,
          targetKey,
          branchId: a.branchId,
          input: a.input,
          maker: makerOf(ctx),
          makerSubject: ctx.principal.subject,
          idempotencyKey: a.idempotencyKey ?? null,
          requestId: ctx.requestId,
          createdAt: ctx.now,
        })
        .returning();
      await recordAudit(
        { ...ctx, db: tx },
        {
          action: 'APPROVAL_REQUESTED',
          targetType: 'Approval',
          targetId: toGlobalId('Approval', row!.id),
          details: { action: a.action, targetType: a.targetType, targetId: a.targetId },
        },
      );
      return row!;
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const [pending] = await ctx.db
      .select({ id: approvals.id })
      .from(approvals)
      .where(and(eq(approvals.action, a.action), eq(approvals.targetKey, targetKey), eq(approvals.status, 'AWAITING_APPROVAL')));
    throw conflict(
      text('同一对象已有一项相同操作等待复核', 'The same action on the same target is already awaiting approval'),
      pending ? { approvalId: toGlobalId('Approval', pending.id) } : {},
    );
  }
}
