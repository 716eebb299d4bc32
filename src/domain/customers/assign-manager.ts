import { and, eq, sql } from 'drizzle-orm';
import type { HostContext } from '../../graphql/context.js';
import { customerScope, managerScope } from '../../access/scope.js';
import { recordAudit } from '../../audit/record.js';
import { requireRole } from '../../auth/guards.js';
import { produced, registerApprovalExecutor } from '../../controls/maker-checker/executors.js';
import { holdForApproval, type ApprovalRow } from '../../controls/maker-checker/hold.js';
import type { Db } from '../../db/client.js';
import { customers, managers } from '../../db/schema/index.js';
import { badInput, FinmartError, forbidden, notFound } from '../../graphql/errors.js';
import { numericIdOf, toGlobalId } from '../../graphql/relay/global-id.js';
import { text } from '../../i18n/localized.js';
import { customerLoader } from '../core-loaders.js';
import { GRADE_LABELS, gradeBelow, minimumGradeFor } from '../organisation/grades.js';
import type { CustomerRecord } from './customer.record.js';
import { checkText } from './customer.validation.js';
import { liveTier } from './measures.js';

/** An assignment as the API receives it. */
export interface AssignManagerRequest {
  customerId: string;
  managerId: string;
  /** Head office's reason for a manager below the grade the tier needs (对等配置 override). */
  overrideReason: string | null;
}

const customerNotFound = () => notFound(text('客户', 'customer'));
const managerNotFound = () => notFound(text('客户经理', 'relationship manager'));

/**
 * Assigns a customer to a manager of their branch (branch manager of that branch, or head office), audited
 * as MANAGER_ASSIGNMENT. A manager below the grade the customer's tier needs is refused unless head office
 * gives a reason (MANAGER_ASSIGNMENT_OVERRIDE) — held for a second person when core.makerChecker lists
 * ASSIGNMENT_OVERRIDE; the approval re-reads tier, grade and branch.
 */
export async function assignManager(ctx: HostContext, input: AssignManagerRequest): Promise<CustomerRecord | ApprovalRow> {
  const { customerId, managerId, overrideReason } = input;
  requireRole(ctx, 'BRANCH_MANAGER', 'HEAD_OFFICE');
  // Everything the caller sent is checked before the first statement.
  const id = numericIdOf(customerId, 'Customer');
  if (!id) throw customerNotFound();
  const mId = numericIdOf(managerId, 'CustomerManager');
  if (!mId) throw managerNotFound();
  let override: string | null = null;
  if (overrideReason != null) {
    if (ctx.principal.role !== 'HEAD_OFFICE') throw forbidden(text('只有总行可以越级指派客户经理', 'Only head office may override the required manager grade'));
    override = checkText(overrideReason, 'overrideReason', 500);
  }
  const current = await customerLoader(ctx).load(id);
  if (!current) throw customerNotFound();
  const [m] = await ctx.db
    .select()
    .from(managers)
    .where(and(eq(managers.id, mId), managerScope(ctx.principal)));
  if (!m) throw managerNotFound();
  if (m.branchId !== current.branchId) throw badInput(text('客户经理须与客户属于同一网点', 'the manager must work at the customer’s branch'), 'managerId');
  // The live tier, as the customer's `tier` field shows it.
  const tier = await liveTier(current, ctx);
  const required = minimumGradeFor(tier, ctx.settings);
  const below = m.id !== current.managerId && gradeBelow(m.grade, required);
  if (below && override === null) {
    const need = GRADE_LABELS[required];
    throw new FinmartError(
      'BAD_USER_INPUT',
      text(
        `${tier} 客户须由${need['zh-CN']}（${required}）或以上级别服务，该客户经理为 ${m.grade}；总行可填写理由越级指派`,
        `A ${tier} customer needs a ${need.en} (${required}) or above; this manager is ${m.grade}. Head office may override with a reason`,
      ),
      { field: 'managerId', requiredGrade: required, managerGrade: m.grade, tier },
    );
  }
  if (below) {
    const held = await holdForApproval(ctx, {
      action: 'ASSIGNMENT_OVERRIDE',
      targetType: 'Customer',
      targetId: toGlobalId('Customer', current.id),
      branchId: null,
      input: { customerId, managerId, overrideReason: override },
    });
    if (held) return held;
  }
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(customers)
      .set({ managerId: m.id, version: sql`${customers.version} + 1`, updatedAt: ctx.now })
      .where(and(eq(customers.id, current.id), customerScope(ctx.principal)))
      .returning();
    if (!row) throw customerNotFound();
    // Codes and grades only in details: the reason is the caller's own words, kept as the purpose.
    await recordAudit(
      { ...ctx, db: tx as unknown as Db },
      {
        action: below ? 'MANAGER_ASSIGNMENT_OVERRIDE' : 'MANAGER_ASSIGNMENT',
        targetType: 'Customer',
        targetId: toGlobalId('Customer', current.id),
        purpose: below ? override! : undefined,
        details: {
          managerId: toGlobalId('CustomerManager', m.id),
          previousManagerId: current.managerId ? toGlobalId('CustomerManager', current.managerId) : null,
          tier,
          requiredGrade: required,
          managerGrade: m.grade,
        },
      },
    );
    return row;
  });
}

registerApprovalExecutor('ASSIGNMENT_OVERRIDE', async (ctx, input) => {
  const c = produced(await assignManager(ctx, input as unknown as AssignManagerRequest));
  return { type: 'Customer', id: toGlobalId('Customer', c.id) };
});
