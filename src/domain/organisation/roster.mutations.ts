import { eq } from 'drizzle-orm';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { HostContext } from '../../app/runtime.js';
import { recordAudit } from '../../audit/record.js';
import { requireRole } from '../../auth/guards.js';
import type { Db } from '../../db/client.js';
import { managerGradeChanges, managers } from '../../db/schema/index.js';
import { badInput, notFound } from '../../graphql/errors.js';
import { numericIdOf, toGlobalId } from '../../graphql/relay/global-id.js';
import { text } from '../../i18n/localized.js';
import { ManagerGradeEnum } from '../common/enums.js';
import { checkText } from '../customers/customer.validation.js';
import { CustomerManager } from './organisation.types.js';

const managerNotFound = () => notFound(text('客户经理', 'relationship manager'));

@Resolver()
export class ManagerRosterMutationResolver {
  @Mutation(() => CustomerManager, {
    description:
      'Changes a manager’s grade (head office only), with a written reason: kept in the manager’s gradeHistory and audited as MANAGER_GRADE_CHANGE. ' +
      'Customers already assigned stay assigned; assignmentMismatch shows those the new grade no longer fits.',
  })
  async changeManagerGrade(
    @Arg('managerId', () => ID, { description: 'The manager whose grade changes.' }) managerId: string,
    @Arg('grade', () => ManagerGradeEnum, { description: 'The new grade; must differ from the current one.' }) grade: string,
    @Arg('reason', () => String, { description: 'Why (1–500 characters); recorded in the history and the audit trail.' }) reason: string,
    @Ctx() ctx: HostContext,
  ) {
    requireRole(ctx, 'HEAD_OFFICE');
    // Everything the caller sent is checked before the first statement.
    const id = numericIdOf(managerId, 'CustomerManager');
    if (!id) throw managerNotFound();
    const why = checkText(reason, 'reason', 500);
    return ctx.db.transaction(async (tx) => {
      // Locked: two changes at once must each record the grade they really replaced.
      const [current] = await tx.select().from(managers).where(eq(managers.id, id)).for('update');
      if (!current) throw managerNotFound();
      if (current.grade === grade) {
        throw badInput(text(`该客户经理已是 ${grade} 级别`, `The manager is already ${grade}`), 'grade');
      }
      await tx.insert(managerGradeChanges).values({ managerId: id, fromGrade: current.grade, toGrade: grade, reason: why, changedBy: ctx.principal.subject, changedAt: ctx.now });
      const [row] = await tx.update(managers).set({ grade }).where(eq(managers.id, id)).returning();
      await recordAudit(
        { ...ctx, db: tx as unknown as Db },
        { action: 'MANAGER_GRADE_CHANGE', targetType: 'CustomerManager', targetId: toGlobalId('CustomerManager', id), purpose: why, details: { fromGrade: current.grade, toGrade: grade } },
      );
      return row;
    });
  }
}
