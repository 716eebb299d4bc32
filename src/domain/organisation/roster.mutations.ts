import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { heldOr } from '../../controls/maker-checker/approval.types.js';
import { ManagerGradeEnum } from '../common/enums.js';
import { changeManagerGrade } from './grade-change.js';
import { CustomerManager } from './organisation.types.js';

const ManagerGradeChangeResult = heldOr(
  'ManagerGradeChangeResult',
  'The manager with the new grade, or the Approval holding the change (maker-checker).',
  () => CustomerManager,
  'CustomerManager',
);

@Resolver()
export class ManagerRosterMutationResolver {
  @Mutation(() => ManagerGradeChangeResult, {
    description:
      'Changes a manager’s grade (head office only), with a written reason: kept in the manager’s gradeHistory and audited as MANAGER_GRADE_CHANGE. ' +
      'Customers already assigned stay assigned; assignmentMismatch shows those the new grade no longer fits. Held for a second person when core.makerChecker lists CHANGE_MANAGER_GRADE.',
  })
  changeManagerGrade(
    @Arg('managerId', () => ID, { description: 'The manager whose grade changes.' }) managerId: string,
    @Arg('grade', () => ManagerGradeEnum, { description: 'The new grade; must differ from the current one.' }) grade: string,
    @Arg('reason', () => String, { description: 'Why (1–500 characters); recorded in the history and the audit trail.' }) reason: string,
    @Ctx() ctx: HostContext,
  ) {
    return changeManagerGrade(ctx, { managerId, grade, reason });
  }
}
