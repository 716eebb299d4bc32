import { and, eq } from 'drizzle-orm';
import { Arg, Ctx, Float, ID, Mutation, Resolver } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { managerScope } from '../../access/scope.js';
import { recordAudit } from '../../audit/record.js';
import { requireRole } from '../../auth/guards.js';
import { branches, managers } from '../../db/schema/index.js';
import { badInput, notFound } from '../../graphql/errors.js';
import { numericIdOf, toGlobalId } from '../../graphql/relay/global-id.js';
import { text } from '../../i18n/localized.js';
import { leadIndustries } from '../leads/lead.settings.js';
import { Branch, CustomerManager } from './organisation.types.js';

const MAX_INDUSTRIES = 10;

/** What lead distribution reads about the roster: the industries a manager covers, where a branch is. */
@Resolver()
export class CoverageMutationResolver {
  @Mutation(() => CustomerManager, {
    description:
      'Sets the industries a manager covers (行业归类, codes of core.leadIndustries, at most 10; empty: none), read by INDUSTRY and COMBINED lead distribution. ' +
      "Head office, or the manager's branch manager; audited (MANAGER_INDUSTRIES_CHANGED).",
  })
  async setManagerIndustries(
    @Arg('managerId', () => ID, { description: 'The manager (CustomerManager id).' }) managerId: string,
    @Arg('industries', () => [String], { description: 'Industry codes; duplicates are kept once.' }) industries: string[],
    @Ctx() ctx: HostContext,
  ) {
    requireRole(ctx, 'BRANCH_MANAGER', 'HEAD_OFFICE');
    const id = numericIdOf(managerId, 'CustomerManager');
    if (!id) throw notFound(text('客户经理', 'relationship manager'));
    const codes = [...new Set(industries)].sort();
    const known = leadIndustries(ctx.settings);
    const unknown = codes.find((c) => !known[c]);
    if (unknown !== undefined)
      throw badInput(text(`行业代码 ${unknown} 不在 core.leadIndustries 中`, `${unknown} is not a code of core.leadIndustries`), 'industries');
    if (codes.length > MAX_INDUSTRIES) throw badInput(text(`最多 ${MAX_INDUSTRIES} 个行业`, `At most ${MAX_INDUSTRIES} industries`), 'industries');
    return ctx.db.transaction(async (tx) => {
      const [before] = await tx
        .select({ industries: managers.industries })
        .from(managers)
        .where(and(eq(managers.id, id), managerScope(ctx.principal)))
        .for('update');
      if (!before) throw notFound(text('客户经理', 'relationship manager'));
      const [row] = await tx.update(managers).set({ industries: codes }).where(eq(managers.id, id)).returning();
      await recordAudit(
        { db: tx, principal: ctx.principal, requestId: ctx.requestId },
        {
          action: 'MANAGER_INDUSTRIES_CHANGED',
          targetType: 'CustomerManager',
          targetId: toGlobalId('CustomerManager', id),
          details: { from: before.industries, to: codes },
        },
      );
      return row;
    });
  }

  @Mutation(() => Branch, {
    description: 'Sets where a branch is (WGS 84), read by NEAREST and COMBINED lead distribution. Head office; audited (BRANCH_LOCATION_CHANGED).',
  })
  async setBranchLocation(
    @Arg('branchId', () => ID, { description: 'The branch (Branch id).' }) branchId: string,
    @Arg('latitude', () => Float, { description: '−90 to 90.' }) latitude: number,
    @Arg('longitude', () => Float, { description: '−180 to 180.' }) longitude: number,
    @Ctx() ctx: HostContext,
  ) {
    requireRole(ctx, 'HEAD_OFFICE');
    const id = numericIdOf(branchId, 'Branch');
    if (!id) throw notFound(text('网点', 'branch'));
    if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) throw badInput(text('坐标超出范围', 'latitude/longitude out of range'), 'latitude');
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(branches)
        .set({ latitude: latitude.toFixed(6), longitude: longitude.toFixed(6) })
        .where(eq(branches.id, id))
        .returning();
      if (!row) throw notFound(text('网点', 'branch'));
      await recordAudit(
        { db: tx, principal: ctx.principal, requestId: ctx.requestId },
        {
          action: 'BRANCH_LOCATION_CHANGED',
          targetType: 'Branch',
          targetId: toGlobalId('Branch', id),
          details: { latitude: row.latitude, longitude: row.longitude },
        },
      );
      return row;
    });
  }
}
