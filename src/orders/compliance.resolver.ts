import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { HostContext } from '../graphql/context.js';
import type { Principal } from '../auth/principal.js';
import { badInput } from '../graphql/errors.js';
import { numericIdOf } from '../graphql/relay/global-id.js';
import { text } from '../i18n/localized.js';
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
import { resultRows } from '../db/result-rows.js';

/** Auditors and head office see every record; branch managers their branch's (compliance checks by branch, 定期对分行销售合规性开展检查). */
const COMPLIANCE_ROLES = ['AUDITOR', 'HEAD_OFFICE', 'BRANCH_MANAGER'] as const;

/** The records a compliance reader may see: a branch manager only those of customers of their branch when recorded. */
function decisionScope(principal: Principal): SQL {
  if (principal.role === 'BRANCH_MANAGER') return principal.branchId ? eq(suitabilityDecisions.branchId, principal.branchId) : sql`false`;
  return (COMPLIANCE_ROLES as readonly string[]).includes(principal.role) ? sql`true` : sql`false`;
}

registerNodeType('SuitabilityDecisionRecord', async (ctx, key) => {
  if (!(COMPLIANCE_ROLES as readonly string[]).includes(ctx.principal.role)) return null;
  const [row] = await ctx.db
    .select()
    .from(suitabilityDecisions)
    .where(and(eq(suitabilityDecisions.id, key), decisionScope(ctx.principal)));
  return row ?? null;
});

/** A branch or manager id of the filter as its key; a malformed one is BAD_USER_INPUT (before any statement). */
function idFilter(id: string | null | undefined, type: 'Branch' | 'CustomerManager', field: string): number | undefined {
  if (id == null) return undefined;
  const key = numericIdOf(id, type);
  if (key === null) throw badInput(text(`${field} 不是有效的标识`, `${field} is not a ${type} id`), field);
  return key;
}

/** The filter and the caller's scope as SQL over the decision records (array columns answer rule and reason look-ups). */
function filterSql(f: SuitabilityDecisionFilter | undefined, principal: Principal): SQL | undefined {
  const scope = decisionScope(principal);
  if (!f) return scope;
  const d = suitabilityDecisions;
  const branchId = idFilter(f.branchId, 'Branch', 'branchId');
  const managerId = idFilter(f.managerId, 'CustomerManager', 'managerId');
  return and(
    scope,
    branchId !== undefined ? eq(d.branchId, branchId) : undefined,
    managerId !== undefined ? eq(d.managerId, managerId) : undefined,
    f.initiator ? eq(d.initiator, f.initiator) : undefined,
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
  @FieldResolver(() => ID, { description: 'Opaque global id of the SuitabilityDecisionRecord.' })
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
    description:
      "Auditors and head office (every record) and branch managers (their branch's): recorded decisions (accepted and refused orders), newest first, " +
      "by rule, reason, outcome, line, purpose, date, branch, manager and initiator. Branch and manager are the customer's when the decision was recorded.",
  })
  async suitabilityDecisions(
    @Ctx() ctx: HostContext,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => SuitabilityDecisionFilter, {
      nullable: true,
      description: 'Criteria the decision records must all meet; omitted: every record in scope.',
    })
    filter?: SuitabilityDecisionFilter,
  ) {
    requireRole(ctx, ...COMPLIANCE_ROLES);
    const page = keysetPage(args, ctx.settings.get('core.pageSize'));
    const base = filterSql(filter, ctx.principal);
    // Newest first: walk the key downwards, so "after" means "older than".
    const flipped = { ...page, direction: page.direction === 'forward' ? 'backward' : 'forward', afterKey: page.beforeKey, beforeKey: page.afterKey } as const;
    const { where } = keysetClauses(flipped, suitabilityDecisions.id, base);
    const rows = await ctx.db
      .select()
      .from(suitabilityDecisions)
      .where(where)
      .orderBy(page.direction === 'forward' ? desc(suitabilityDecisions.id) : suitabilityDecisions.id)
      .limit(page.limit);
    const conn = toConnection(
      page,
      rows,
      (r) => r.id,
      async () => (await ctx.db.select({ n: count() }).from(suitabilityDecisions).where(base))[0].n,
    );
    return conn;
  }

  @Query(() => [ReasonCount], {
    description:
      'Auditors, head office and branch managers (their branch): how many recorded decisions gave each reason code, per decision outcome (same filter and scope as suitabilityDecisions), most frequent first.',
  })
  async suitabilityReasonCounts(
    @Ctx() ctx: HostContext,
    @Arg('filter', () => SuitabilityDecisionFilter, {
      nullable: true,
      description: 'Criteria the decision records must all meet; omitted: every record in scope.',
    })
    filter?: SuitabilityDecisionFilter,
  ): Promise<ReasonCount[]> {
    requireRole(ctx, ...COMPLIANCE_ROLES);
    const where = filterSql(filter, ctx.principal);
    const result = await ctx.db.execute<{ code: string; outcome: string; n: string | number }>(sql`
      select rc.code, ${suitabilityDecisions.outcome} as outcome, count(*) as n
      from ${suitabilityDecisions}, unnest(${suitabilityDecisions.reasonCodes}) as rc(code)
      ${where ? sql`where ${where}` : sql``}
      group by rc.code, ${suitabilityDecisions.outcome} order by n desc, rc.code, outcome`);
    const rows = resultRows<{ code: string; outcome: string; n: string | number }>(result);
    return rows.map((r) => ({ code: r.code, outcome: r.outcome, count: Number(r.n) }));
  }
}
