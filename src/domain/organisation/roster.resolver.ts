import { and, count, eq } from 'drizzle-orm';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { requireRole } from '../../auth/guards.js';
import { managerScope } from '../../access/scope.js';
import { CUSTOMER_READER_ROLES } from '../../auth/principal.js';
import { managers } from '../../db/schema/index.js';
import { badInput } from '../../graphql/errors.js';
import { numericIdOf } from '../../graphql/relay/global-id.js';
import { keysetClauses } from '../../graphql/relay/keyset-sql.js';
import { keysetPage, toConnection } from '../../graphql/relay/paginate.js';
import { ConnectionArgs } from '../../graphql/relay/types.js';
import { text } from '../../i18n/localized.js';
import { CustomerManager } from './organisation.types.js';
import { gradeChangesByManagerLoader, qualificationsByManagerLoader, qualificationValid } from './roster.loaders.js';
import { CustomerManagerConnection, ManagerFilter, ManagerGradeChange, ManagerQualification } from './roster.types.js';

type ManagerRow = typeof managers.$inferSelect;

@Resolver()
export class ManagerRosterQueryResolver {
  @Query(() => CustomerManagerConnection, {
    description:
      'The manager roster, ordered by id: a relationship manager sees only themselves, a branch manager their branch, head office (and auditors) every manager.',
  })
  async managers(
    @Ctx() ctx: HostContext,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => ManagerFilter, { nullable: true, description: 'Branch and grade to narrow the roster to.' }) filter?: ManagerFilter,
  ) {
    requireRole(ctx, ...CUSTOMER_READER_ROLES);
    const page = keysetPage(args, ctx.settings.get('core.pageSize'));
    let branchId: number | undefined;
    if (filter?.branchId) {
      const id = numericIdOf(filter.branchId, 'Branch');
      if (!id) throw badInput(text('网点编号无效', 'branchId is not a branch id'), 'branchId');
      branchId = id;
    }
    const base = and(
      managerScope(ctx.principal),
      branchId !== undefined ? eq(managers.branchId, branchId) : undefined,
      filter?.grade ? eq(managers.grade, filter.grade) : undefined,
    );
    const { where, orderBy } = keysetClauses(page, managers.id, base);
    const rows = await ctx.db.select().from(managers).where(where).orderBy(orderBy).limit(page.limit);
    return toConnection(
      page,
      rows,
      (r) => r.id,
      async () => (await ctx.db.select({ n: count() }).from(managers).where(base))[0].n,
    );
  }
}

/** The roster fields of a manager: qualifications and grade history, batched per page of managers. */
@Resolver(() => CustomerManager)
export class ManagerRosterFieldsResolver {
  @FieldResolver(() => [ManagerQualification], {
    description: 'Qualifications on file (基金销售资格, 保险代理资格, 黄金交易资格…), lapsed ones included, by kind then expiry.',
  })
  async qualifications(@Root() m: ManagerRow, @Ctx() ctx: HostContext): Promise<ManagerQualification[]> {
    const rows = await qualificationsByManagerLoader(ctx).load(m.id);
    return rows.map((q) => ({ kind: q.kind, number: q.number, expiresAt: q.expiresAt, valid: qualificationValid(q, ctx.now) }));
  }

  @FieldResolver(() => [ManagerGradeChange], { description: 'Grade changes by head office, newest first (empty when never changed).' })
  async gradeHistory(@Root() m: ManagerRow, @Ctx() ctx: HostContext): Promise<ManagerGradeChange[]> {
    return gradeChangesByManagerLoader(ctx).load(m.id);
  }
}
