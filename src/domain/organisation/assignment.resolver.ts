import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HostContext } from '../../app/runtime.js';
import { managerLoader } from '../core-loaders.js';
import { totalAssetsCny } from '../customers/customer.resolver.js';
import type { CustomerRecord } from '../customers/customer.record.js';
import { Customer } from '../customers/customer.type.js';
import { tierOf } from '../customers/derived.js';
import { gradeBelow, minimumGradeFor } from './grades.js';

/** Whether a manager of `grade` serves a customer holding `assetsCny` below 对等配置. */
export function mismatched(grade: string, assetsCny: string, ctx: Pick<HostContext, 'settings'>): boolean {
  return gradeBelow(grade, minimumGradeFor(tierOf(assetsCny, ctx.settings), ctx.settings));
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
    const [manager, assets] = await Promise.all([managerLoader(ctx).load(c.managerId), totalAssetsCny(c, ctx)]);
    return manager ? mismatched(manager.grade, assets, ctx) : false;
  }
}
