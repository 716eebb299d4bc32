import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { HostContext } from '../app/runtime.js';
import { requireRole } from '../auth/guards.js';
import { suitabilityDecisions } from '../db/schema/index.js';
import { customerLoader, productLoader } from '../domain/core-loaders.js';
import { Customer } from '../domain/customers/customer.type.js';
import { Product } from '../domain/products/product.interface.js';
import { registerNodeType } from '../graphql/node-registry.js';
import { toGlobalId } from '../graphql/relay/global-id.js';
import { keysetClauses } from '../graphql/relay/keyset-sql.js';
import { keysetPage, toConnection } from '../graphql/relay/paginate.js';
import { ConnectionArgs } from '../graphql/relay/types.js';
import { presentDecision, SuitabilityDecisionType } from '../suitability/decision.types.js';
import { storedDecision, type DecisionRow } from './decision-record.js';
import { ReasonCount, SuitabilityDecisionFilter, SuitabilityDecisionRecordConnection, SuitabilityDecisionRecordType } from './order.types.js';

const COMPLIANCE_ROLES = ['AUDITOR', 'HEAD_OFFICE'] as const;

registerNodeType('SuitabilityDecisionRecord', async (ctx, key) => {
  if (!(COMPLIANCE_ROLES as readonly string[]).includes(ctx.principal.role)) return null;
  const [row] = await ctx.db.select().from(suitabilityDecisions).where(eq(suitabilityDecisions.id, key));
  return row ?? null;
});

/** The filter as SQL over the decision records (array columns answer rule and reason look-ups). */
function filterSql(f: SuitabilityDecisionFilter | undefined): SQL | undefined {
  if (!f) return undefined;
  const d = suitabilityDecisions;
  return and(
    f.ruleId ? sql`${f.ruleId} = any(${d.ruleIds})` : undefined,
    f.reasonCode ? sql`${f.reasonCode} = any(${d.reasonCodes})` : undefined,
    f.outcome ? eq(d.outcome, f.outcome) : undefined,
    f.line ? eq(d.line, f.line) : undefined,
    f.purpose ? eq(d.purpose, f.purpose) : undefined,
    f.from ? gte(d.evaluatedAt, f.from) : undefined,
    f.to ? lt(d.evaluatedAt, f.to) : undefined,
  );
}

@Resolver(() => SuitabilityDecisionRecordType)
export class SuitabilityDecisionRecordResolver {
  @FieldResolver(() => ID)
  id(@Root() r: DecisionRow): string {
    return toGlobalId('SuitabilityDecisionRecord', r.id);
  }

  @FieldResolver(() => SuitabilityDecisionType)
  decision(@Root() r: DecisionRow, @Ctx() ctx: HostContext) {
    return presentDecision(storedDecision(r), ctx.lang);
  }

  @FieldResolver(() => Customer, { nullable: true })
  customer(@Root() r: DecisionRow, @Ctx() ctx: HostContext) {
    return customerLoader(ctx).load(r.customerId);
  }

  @FieldResolver(() => Product, { nullable: true })
  product(@Root() r: DecisionRow, @Ctx() ctx: HostContext) {
    return productLoader(ctx).load(r.productId);
  }
}

@Resolver()
export class ComplianceQueryResolver {
  @Query(() => SuitabilityDecisionRecordConnection, {
    description: 'Auditors and head office: recorded decisions (accepted and refused orders), newest first, by rule, reason, outcome, line, purpose and date.',
  })
  async suitabilityDecisions(
    @Ctx() ctx: HostContext,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => SuitabilityDecisionFilter, { nullable: true }) filter?: SuitabilityDecisionFilter,
  ) {
    requireRole(ctx, ...COMPLIANCE_ROLES);
    const page = keysetPage(args, ctx.settings.get('core.pageSize'));
    const base = filterSql(filter);
    // Newest first: walk the key downwards, so "after" means "older than".
    const flipped = { ...page, direction: page.direction === 'forward' ? 'backward' : 'forward', afterKey: page.beforeKey, beforeKey: page.afterKey } as const;
    const { where } = keysetClauses(flipped, suitabilityDecisions.id, base);
    const rows = await ctx.db
      .select()
      .from(suitabilityDecisions)
      .where(where)
      .orderBy(page.direction === 'forward' ? desc(suitabilityDecisions.id) : suitabilityDecisions.id)
      .limit(page.limit);
    const conn = toConnection(page, rows, (r) => r.id, async () => (await ctx.db.select({ n: count() }).from(suitabilityDecisions).where(base))[0].n);
    return conn;
  }

  @Query(() => [ReasonCount], { description: 'Auditors and head office: how many recorded decisions gave each reason code (same filter), most frequent first.' })
  async suitabilityReasonCounts(
    @Ctx() ctx: HostContext,
    @Arg('filter', () => SuitabilityDecisionFilter, { nullable: true }) filter?: SuitabilityDecisionFilter,
  ): Promise<ReasonCount[]> {
    requireRole(ctx, ...COMPLIANCE_ROLES);
    const where = filterSql(filter);
    const result = await ctx.db.execute<{ code: string; n: string | number }>(sql`
      select rc.code, count(*) as n
      from ${suitabilityDecisions}, unnest(${suitabilityDecisions.reasonCodes}) as rc(code)
      ${where ? sql`where ${where}` : sql``}
      group by rc.code order by n desc, rc.code`);
    const rows = (Array.isArray(result) ? result : (result as { rows: { code: string; n: string | number }[] }).rows) as { code: string; n: string | number }[];
    return rows.map((r) => ({ code: r.code, count: Number(r.n) }));
  }
}
