import { and, count, eq, gte, isNotNull, isNull } from 'drizzle-orm';
import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { requireRole } from '../../auth/guards.js';
import { leads } from '../../db/schema/index.js';
import { badInput } from '../../graphql/errors.js';
import { numericIdOf } from '../../graphql/relay/global-id.js';
import { keysetClauses } from '../../graphql/relay/keyset-sql.js';
import { keysetPage, toConnection } from '../../graphql/relay/paginate.js';
import { ConnectionArgs } from '../../graphql/relay/types.js';
import { registerNodeType } from '../../graphql/node-registry.js';
import { text } from '../../i18n/localized.js';
import { LEAD_ROLES } from './lead-roles.js';
import { leadLoader } from './lead.loader.js';
import { leadScope } from './lead.scope.js';
import { LeadConnection, LeadFilter } from './lead.types.js';

registerNodeType('Lead', (ctx, key) => leadLoader(ctx).load(key));

const idOf = (value: string | undefined, type: string, field: string): number | undefined => {
  if (value === undefined || value === null) return undefined;
  const id = numericIdOf(value, type);
  if (!id) throw badInput(text(`${field} 编号无效`, `${field} is not a ${type} id`), field);
  return id;
};

@Resolver()
export class LeadQueryResolver {
  @Query(() => LeadConnection, {
    description:
      "Leads by id (oldest first). Head office and auditors: all; a branch manager: their branch's; a relationship manager: the shared pool of their branch and the leads " +
      'they hold. Partners: FORBIDDEN (leads never leave the bank).',
  })
  async leads(
    @Ctx() ctx: HostContext,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => LeadFilter, { nullable: true, description: 'Criteria the leads must all meet; omitted: every lead in scope.' }) filter?: LeadFilter,
  ) {
    requireRole(ctx, ...LEAD_ROLES);
    const page = keysetPage(args, ctx.settings.get('core.pageSize'));
    const managerId = idOf(filter?.managerId, 'CustomerManager', 'managerId');
    const branchId = idOf(filter?.branchId, 'Branch', 'branchId');
    const base = and(
      leadScope(ctx.principal),
      filter?.stage ? eq(leads.stage, filter.stage) : undefined,
      managerId !== undefined ? eq(leads.managerId, managerId) : undefined,
      filter?.unassigned === true ? isNull(leads.managerId) : filter?.unassigned === false ? isNotNull(leads.managerId) : undefined,
      branchId !== undefined ? eq(leads.branchId, branchId) : undefined,
      filter?.industry ? eq(leads.industry, filter.industry) : undefined,
      filter?.source ? eq(leads.source, filter.source) : undefined,
      filter?.createdAfter ? gte(leads.createdAt, filter.createdAfter) : undefined,
    );
    const { where, orderBy } = keysetClauses(page, leads.id, base);
    const rows = await ctx.db.select().from(leads).where(where).orderBy(orderBy).limit(page.limit);
    return toConnection(
      page,
      rows,
      (r) => r.id,
      async () => (await ctx.db.select({ n: count() }).from(leads).where(base))[0].n,
    );
  }
}
