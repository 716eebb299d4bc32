import { eq } from 'drizzle-orm';
import type { HostContext } from '../../graphql/context.js';
import { recordAudit } from '../../audit/record.js';
import { requireRole } from '../../auth/guards.js';
import { produced, registerApprovalExecutor } from '../../controls/maker-checker/executors.js';
import { holdForApproval, type ApprovalRow } from '../../controls/maker-checker/hold.js';
import type { Tx } from '../../db/client.js';
import { managerGradeChanges, managers } from '../../db/schema/index.js';
import { badInput, notFound } from '../../graphql/errors.js';
import { numericIdOf, toGlobalId } from '../../graphql/relay/global-id.js';
import { text } from '../../i18n/localized.js';
import { checkText } from '../customers/customer.validation.js';

/** A grade change as the API receives it. */
export interface GradeChangeRequest {
  managerId: string;
  grade: string;
  reason: string;
}

type ManagerRow = typeof managers.$inferSelect;

const managerNotFound = () => notFound(text('客户经理', 'relationship manager'));

/** The manager's grade must change: BAD_USER_INPUT when it is already the one asked for. */
function checkChanges(current: ManagerRow, grade: string): void {
  if (current.grade === grade) throw badInput(text(`该客户经理已是 ${grade} 级别`, `The manager is already ${grade}`), 'grade');
}

/**
 * Changes a manager's grade (head office), with a written reason kept in the grade history and the audit
 * trail (MANAGER_GRADE_CHANGE). Held for a second person when core.makerChecker lists CHANGE_MANAGER_GRADE;
 * the approval runs the same checks on the grade of that moment.
 */
export async function changeManagerGrade(ctx: HostContext, input: GradeChangeRequest): Promise<ManagerRow | ApprovalRow> {
  requireRole(ctx, 'HEAD_OFFICE');
  // Everything the caller sent is checked before the first statement.
  const id = numericIdOf(input.managerId, 'CustomerManager');
  if (!id) throw managerNotFound();
  const why = checkText(input.reason, 'reason', 500);
  const [seen] = await ctx.db.select().from(managers).where(eq(managers.id, id));
  if (!seen) throw managerNotFound();
  checkChanges(seen, input.grade);
  const held = await holdForApproval(ctx, {
    action: 'CHANGE_MANAGER_GRADE',
    targetType: 'CustomerManager',
    targetId: toGlobalId('CustomerManager', id),
    branchId: null,
    input: { managerId: input.managerId, grade: input.grade, reason: why },
  });
  if (held) return held;
  return ctx.db.transaction(async (tx: Tx) => {
    // Locked: two changes at once must each record the grade they really replaced.
    const [current] = await tx.select().from(managers).where(eq(managers.id, id)).for('update');
    if (!current) throw managerNotFound();
    checkChanges(current, input.grade);
    await tx
      .insert(managerGradeChanges)
      .values({ managerId: id, fromGrade: current.grade, toGrade: input.grade, reason: why, changedBy: ctx.principal.subject, changedAt: ctx.now });
    const [row] = await tx.update(managers).set({ grade: input.grade }).where(eq(managers.id, id)).returning();
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: 'MANAGER_GRADE_CHANGE',
        targetType: 'CustomerManager',
        targetId: toGlobalId('CustomerManager', id),
        purpose: why,
        details: { fromGrade: current.grade, toGrade: input.grade },
      },
    );
    return row!;
  });
}

registerApprovalExecutor('CHANGE_MANAGER_GRADE', async (ctx, input) => {
  const m = produced(await changeManagerGrade(ctx, input as unknown as GradeChangeRequest));
  return { type: 'CustomerManager', id: toGlobalId('CustomerManager', m.id) };
});
