import { and, desc, eq, lt, ne, type SQL } from 'drizzle-orm';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { approvals } from '../../db/schema/index.js';
import { badInput } from '../../graphql/errors.js';
import { registerNodeType } from '../../graphql/node-registry.js';
import { numericIdOf, toGlobalId } from '../../graphql/relay/global-id.js';
import { keysetPage, toConnection } from '../../graphql/relay/paginate.js';
import { ConnectionArgs } from '../../graphql/relay/types.js';
import { text } from '../../i18n/localized.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Branch } from '../../domain/organisation/organisation.types.js';
import { branchLoader } from '../../domain/core-loaders.js';
import { approvalScope } from './checker-scope.js';
import { approve, reject } from './decide.js';
import type { ApprovalRow } from './hold.js';
import { Approval, ApprovalConnection, ApprovalFilter, ApprovalParty } from './approval.types.js';

registerNodeType('Approval', async (ctx, key) => {
  const [row] = await ctx.db
    .select()
    .from(approvals)
    .where(and(eq(approvals.id, key), approvalScope(ctx.principal)));
  return row ?? null;
});

@Resolver(() => Approval)
export class ApprovalResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id.' })
  id(@Root() a: ApprovalRow): string {
    return toGlobalId('Approval', a.id);
  }
  @FieldResolver(() => ApprovalParty, { description: 'Who made it (the action runs as them).' })
  maker(@Root() a: ApprovalRow): ApprovalParty {
    const m = a.maker as { subject: string; role: string };
    return { subject: m.subject, role: m.role };
  }
  @FieldResolver(() => ApprovalParty, { nullable: true, description: 'Who approved or rejected it.' })
  checker(@Root() a: ApprovalRow): ApprovalParty | null {
    return a.checkerSubject ? { subject: a.checkerSubject, role: a.checkerRole! } : null;
  }
  @FieldResolver(() => DateTimeScalar, { description: 'When it was made.' })
  submittedAt(@Root() a: ApprovalRow): Date {
    return a.createdAt;
  }
  @FieldResolver(() => String, {
    nullable: true,
    description: 'APPROVED: the type of what it produced (Order, Bundle, SettingChange, CustomerManager, Customer, PointsEntry).',
  })
  resultType(@Root() a: ApprovalRow): string | null {
    return (a.result?.type as string | undefined) ?? null;
  }
  @FieldResolver(() => String, {
    nullable: true,
    description: 'APPROVED: what it produced — a global id (query it with node) or, for a setting change, the setting key.',
  })
  resultId(@Root() a: ApprovalRow): string | null {
    return (a.result?.id as string | undefined) ?? null;
  }
  @FieldResolver(() => Branch, { nullable: true, description: 'The branch whose checkers decide it (made by branch staff); null: head office checks it.' })
  branch(@Root() a: ApprovalRow, @Ctx() ctx: HostContext) {
    return a.branchId === null ? null : branchLoader(ctx).load(a.branchId);
  }
}

@Resolver()
export class ApprovalQueryResolver {
  @Query(() => ApprovalConnection, {
    description:
      "复核事项 / Held actions, newest first: a checker sees those they may decide (branch checkers their branch's, head-office checkers all), a maker those they made, auditors all; others none.",
  })
  async approvals(
    @Ctx() ctx: HostContext,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => ApprovalFilter, { nullable: true, description: 'Criteria the approvals must all meet; omitted: every approval the caller may see.' })
    filter?: ApprovalFilter,
  ) {
    const page = keysetPage(args, ctx.settings.get('core.pageSize'));
    const branchId = filter?.branchId ? numericIdOf(filter.branchId, 'Branch') : null;
    if (filter?.branchId && !branchId) throw badInput(text('网点编号无效', 'branchId is not a branch id'), 'branchId');
    const mine =
      filter?.mine === true
        ? eq(approvals.makerSubject, ctx.principal.subject)
        : filter?.mine === false
          ? ne(approvals.makerSubject, ctx.principal.subject)
          : undefined;
    const where: (SQL | undefined)[] = [
      approvalScope(ctx.principal),
      filter?.status ? eq(approvals.status, filter.status) : undefined,
      filter?.action ? eq(approvals.action, filter.action) : undefined,
      branchId ? eq(approvals.branchId, branchId) : undefined,
      mine,
    ];
    const after = page.afterKey !== undefined ? lt(approvals.id, page.afterKey) : undefined;
    const rows = await ctx.db
      .select()
      .from(approvals)
      .where(and(...where, after))
      .orderBy(desc(approvals.id))
      .limit(page.limit);
    return toConnection(
      page,
      rows,
      (r) => r.id,
      async () => await ctx.db.$count(approvals, and(...where)),
    );
  }
}

@Resolver()
export class ApprovalMutationResolver {
  @Mutation(() => Approval, {
    description:
      '复核通过 / Approves a held action and runs it as its maker, re-validated against the current state. Only a second person: a principal with the checker permission (the CHECKER role, ' +
      'or head office / a branch manager with the checker claim), in whose scope it is, who did not make it (FORBIDDEN, reason SELF_APPROVAL). If the action is refused now (its target changed, ' +
      'the order is no longer suitable), the error is returned and it stays AWAITING_APPROVAL. Audited (APPROVAL_APPROVED).',
  })
  approve(@Arg('id', () => ID, { description: 'The Approval.' }) id: string, @Ctx() ctx: HostContext) {
    return approve(ctx, id);
  }

  @Mutation(() => Approval, {
    description:
      '复核拒绝 / Rejects a held action with a reason (1–500 characters); it never runs. Same checker rules as approve. Audited (APPROVAL_REJECTED).',
  })
  reject(
    @Arg('id', () => ID, { description: 'The Approval.' }) id: string,
    @Arg('reason', () => String, { description: 'Why (1–500 characters), shown to the maker.' }) reason: string,
    @Ctx() ctx: HostContext,
  ) {
    return reject(ctx, id, reason);
  }
}
