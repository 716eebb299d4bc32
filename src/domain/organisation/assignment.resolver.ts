import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { managerLoader } from '../core-loaders.js';
import type { CustomerRecord } from '../customers/customer.record.js';
import { Customer } from '../customers/customer.type.js';
import { liveTier } from '../customers/measures.js';
import { gradeBelow, minimumGradeFor } from './grades.js';

/** Whether a manager of `grade` serves a customer of `tier` below 对等配置. */
export function mismatched(grade: string, tier: string, ctx: Pick<HostContext, 'settings'>): boolean {
  return gradeBelow(grade, minimumGradeFor(tier, ctx.settings));
}

/** 对等配置 on the customer 360: does the assigned manager's grade fit the customer's tier? */
@Resolver(() => Customer)
export class CustomerAssignmentResolver {
  @FieldResolver(() => Boolean, {
    description:
      'true when the assigned manager’s grade is below what the customer’s current tier needs (setting core.minimumManagerGradeByTier, 对等配置); ' +
      'false without a manager. Read with the page: no statement per customer.',
  })
  async assignmentMismatch(@Root() c: CustomerRecord, @Ctx() ctx: HostContext): Promise<boolean> {
    if (c.managerId === null) return false;
    const [manager, tier] = await Promise.all([managerLoader(ctx).load(c.managerId), liveTier(c, ctx)]);
    return manager ? mismatched(manager.grade, tier, ctx) : false;
  }
}
