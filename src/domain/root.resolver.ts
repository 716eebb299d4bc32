import { eq } from 'drizzle-orm';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, ID, Info, ObjectType, Query, Resolver } from 'type-graphql';
import type { HostContext } from '../graphql/context.js';
import { complaints, contacts, holdings } from '../db/schema/index.js';
import { fromGlobalId, int4Key, toGlobalId } from '../graphql/relay/global-id.js';
import { Node } from '../graphql/relay/types.js';
import { fetchNode, registerNodeType } from '../graphql/node-registry.js';
import { RoleEnum } from './common/enums.js';
import { branchLoader, customerLoader, managerLoader } from './core-loaders.js';
import { loadCustomerFor } from './customers/customer.query.js';
import { findProduct } from './products/product.query.js';
import { lineTypeNames } from './products/product.interface.js';

@ObjectType('Me', { description: 'The caller.' })
export class Me {
  @Field(() => String, { description: "The token's subject (JWT sub): who the audit trail names." }) subject!: string;
  @Field(() => RoleEnum, { description: "The caller's role: it sets what they see and may do." }) role!: string;
  @Field(() => ID, { nullable: true, description: "A relationship manager's own CustomerManager id; null for other roles." }) managerId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The Branch a branch manager (or a branch-bound checker) works for; null otherwise.' }) branchId!:
    string | null;
  @Field(() => String, { nullable: true, description: "A partner's code (the products it may see); null for bank staff." }) partnerCode!: string | null;
}

/** A row of a table keyed by customer, visible only when its customer is. */
async function viaCustomer<T extends { customerId: number }>(ctx: HostContext, row: T | undefined): Promise<T | null> {
  if (!row) return null;
  return (await customerLoader(ctx).load(row.customerId)) ? row : null;
}

registerNodeType('Customer', (ctx, key) => customerLoader(ctx).load(key));
registerNodeType(
  'Product',
  (ctx, key) => findProduct(ctx, toGlobalId('Product', key)),
  (p: { line: string }) => lineTypeNames.get(p.line),
);
registerNodeType('Branch', (ctx, key) => (ctx.principal.role === 'PARTNER' ? Promise.resolve(null) : branchLoader(ctx).load(key)));
registerNodeType('CustomerManager', (ctx, key) => (ctx.principal.role === 'PARTNER' ? Promise.resolve(null) : managerLoader(ctx).load(key)));
registerNodeType('Holding', async (ctx, key) => viaCustomer(ctx, (await ctx.db.select().from(holdings).where(eq(holdings.id, key)))[0]));
registerNodeType('Contact', async (ctx, key) => {
  const row = await viaCustomer(ctx, (await ctx.db.select().from(contacts).where(eq(contacts.id, key)))[0]);
  return row ? { ...row, id: toGlobalId('Contact', row.id) } : null;
});
registerNodeType('Complaint', async (ctx, key) => {
  const row = await viaCustomer(ctx, (await ctx.db.select().from(complaints).where(eq(complaints.id, key)))[0]);
  return row ? { ...row, id: toGlobalId('Complaint', row.id) } : null;
});

@Resolver()
export class RootResolver {
  @Query(() => Me, { description: 'Who is calling.' })
  me(@Ctx() ctx: HostContext): Me {
    const p = ctx.principal;
    return {
      subject: p.subject,
      role: p.role,
      managerId: p.managerId ? toGlobalId('CustomerManager', p.managerId) : null,
      branchId: p.branchId ? toGlobalId('Branch', p.branchId) : null,
      partnerCode: p.partnerCode ?? null,
    };
  }

  @Query(() => Node, { nullable: true, description: 'Any object by its global id (null when not visible to you).' })
  async node(
    @Arg('id', () => ID, { description: "Any object's global id (Node.id); objects out of the caller's scope answer null like missing ones." }) id: string,
    @Ctx() ctx: HostContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown | null> {
    const decoded = fromGlobalId(id);
    const key = decoded ? int4Key(decoded.key) : null;
    if (!decoded || !key) return null;
    // A customer comes with what the selection reads of it, in one statement (as `customer(id)`).
    if (decoded.type === 'Customer') {
      const c = await loadCustomerFor(ctx, key, info);
      return c ? { ...c, __typename: 'Customer' } : null;
    }
    return fetchNode(ctx, decoded.type, key);
  }
}
