import { and, count } from 'drizzle-orm';
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { HostContext } from '../../app/runtime.js';
import { IDENTITY_REVEAL_ROLES } from '../../audit/identity.resolver.js';
import { auditIdentifierSearch } from '../../audit/pii-search-audit.js';
import { requireRole } from '../../auth/guards.js';
import { customerScope } from '../../access/scope.js';
import { customers } from '../../db/schema/index.js';
import { numericIdOf } from '../../graphql/relay/global-id.js';
import { keysetClauses } from '../../graphql/relay/keyset-sql.js';
import { keysetPage, toConnection } from '../../graphql/relay/paginate.js';
import { ConnectionArgs, connectionTypes } from '../../graphql/relay/types.js';
import { customerLoader } from '../core-loaders.js';
import { CustomerFilter, customerFilterSql } from './customer-filter.js';
import { parseCustomerSearch } from './customer-search.js';
import type { CustomerRecord } from './customer.record.js';
import { Customer } from './customer.type.js';

export const { Connection: CustomerConnection } = connectionTypes('Customer', () => Customer);

/** A customer by global id, within scope; null otherwise (no difference is visible). */
export async function findCustomer(ctx: HostContext, id: string): Promise<CustomerRecord | null> {
  const key = numericIdOf(id, 'Customer');
  return key ? customerLoader(ctx).load(key) : null;
}

@Resolver()
export class CustomerQueryResolver {
  @Query(() => Customer, { nullable: true, description: 'One customer, if in your book.' })
  customer(@Arg('id', () => ID) id: string, @Ctx() ctx: HostContext): Promise<CustomerRecord | null> {
    return findCustomer(ctx, id);
  }

  @Query(() => CustomerConnection, { description: 'Your book of customers, filtered; ordered by id.' })
  async customers(
    @Ctx() ctx: HostContext,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => CustomerFilter, { nullable: true }) filter?: CustomerFilter,
  ) {
    const page = keysetPage(args, ctx.settings.get('core.pageSize'));
    const search = filter?.search != null ? parseCustomerSearch(filter.search) : null;
    // A search by phone or ID number confirms who holds it: only for roles that may reveal identities.
    if (search?.kind === 'IDENTIFIER') requireRole(ctx, ...IDENTITY_REVEAL_ROLES);
    const base = and(customerScope(ctx.principal), customerFilterSql(filter, ctx.settings, ctx.now));
    const { where, orderBy } = keysetClauses(page, customers.id, base);
    const rows = await ctx.db.select().from(customers).where(where).orderBy(orderBy).limit(page.limit);
    if (search?.kind === 'IDENTIFIER') {
      // Every row fetched counts as found (even the one that only tells "there is a next page").
      auditIdentifierSearch(ctx, { matches: rows.map((r) => ({ customerId: r.id, by: r.phone === search.phone ? ('phone' as const) : ('idNumber' as const) })) });
    }
    // Prime the loader: nested look-ups of these customers need no further statement.
    for (const r of rows) customerLoader(ctx).prime(r.id, r);
    return toConnection(page, rows, (r) => r.id, async () => (await ctx.db.select({ n: count() }).from(customers).where(base))[0].n);
  }
}
