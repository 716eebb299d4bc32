import { and, asc, count, eq } from 'drizzle-orm';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
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
import { loadCustomers, prefetchFor } from './customer-prefetch.js';
import { parseCustomerSearch } from './customer-search.js';
import type { CustomerRecord } from './customer.record.js';
import { Customer } from './customer.type.js';

export const { Connection: CustomerConnection } = connectionTypes('Customer', () => Customer);

/** A customer by global id, within scope; null otherwise (no difference is visible). */
export async function findCustomer(ctx: HostContext, id: string): Promise<CustomerRecord | null> {
  const key = numericIdOf(id, 'Customer');
  return key ? customerLoader(ctx).load(key) : null;
}

/**
 * One customer by key, within scope, with what the selection below `info`
 * will read (holdings, products, rates, newest assessment) in the same
 * statement; null when out of scope or missing.
 */
export async function loadCustomerFor(ctx: HostContext, key: number, info: GraphQLResolveInfo): Promise<CustomerRecord | null> {
  const [row] = await loadCustomers(ctx, and(eq(customers.id, key), customerScope(ctx.principal)), asc(customers.id), 1, prefetchFor(info, []));
  return row ?? null;
}

@Resolver()
export class CustomerQueryResolver {
  @Query(() => Customer, { nullable: true, description: 'One customer, if in your book.' })
  customer(
    @Arg('id', () => ID, { description: "The customer's global id (Customer.id); null when missing or out of the caller's scope." }) id: string,
    @Ctx() ctx: HostContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CustomerRecord | null> {
    const key = numericIdOf(id, 'Customer');
    return key ? loadCustomerFor(ctx, key, info) : Promise.resolve(null);
  }

  @Query(() => CustomerConnection, { description: 'Your book of customers, filtered; ordered by id.' })
  async customers(
    @Ctx() ctx: HostContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => CustomerFilter, { nullable: true, description: 'Criteria the customers must all meet; omitted: every customer in scope.' })
    filter?: CustomerFilter,
  ) {
    const page = keysetPage(args, ctx.settings.get('core.pageSize'));
    const search = filter?.search != null ? parseCustomerSearch(filter.search) : null;
    // A search by phone or ID number confirms who holds it: only for roles that may reveal identities.
    if (search?.kind === 'IDENTIFIER') requireRole(ctx, ...IDENTITY_REVEAL_ROLES);
    const base = and(customerScope(ctx.principal), customerFilterSql(filter, ctx.settings, ctx.now));
    const { where, orderBy } = keysetClauses(page, customers.id, base);
    // The page with what its selection reads next (holdings, products, rates, assessments): one statement.
    const rows = await loadCustomers(ctx, where, orderBy, page.limit, prefetchFor(info, ['edges', 'node']));
    if (search?.kind === 'IDENTIFIER') {
      // Every row fetched counts as found (even the one that only tells "there is a next page").
      auditIdentifierSearch(ctx, {
        matches: rows.map((r) => ({ customerId: r.id, by: r.phone === search.phone ? ('phone' as const) : ('idNumber' as const) })),
      });
    }
    return toConnection(
      page,
      rows,
      (r) => r.id,
      async () => (await ctx.db.select({ n: count() }).from(customers).where(base))[0].n,
    );
  }
}
