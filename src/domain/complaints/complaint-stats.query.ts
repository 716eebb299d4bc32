import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { Arg, Ctx, Field, FieldResolver, Float, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import type { Principal } from '../../auth/principal.js';
import { requireRole } from '../../auth/guards.js';
import { bookScope } from '../../access/scope.js';
import { complaints, orders, satisfactionResponses } from '../../db/schema/index.js';
import { toGlobalId } from '../../graphql/relay/global-id.js';
import { ProductLineValues } from '../common/enums.js';
import { KpiPeriodInput } from '../common/kpi-period.input.js';
import { kpiPeriodRange } from '../common/kpi-period.js';
import { branchLoader, managerLoader } from '../core-loaders.js';
import { Branch, CustomerManager } from '../organisation/organisation.types.js';
import { ComplaintCategoryEnum, ComplaintStatsGroupEnum } from './complaint.enums.js';
import { SATISFIED_FROM, satisfactionFiguresOf } from '../satisfaction/satisfaction.definitions.js';

type Group = `${ComplaintStatsGroupEnum}`;

/** One group's figures, with the raw key the typed fields resolve from. */
export interface ComplaintStatRow {
  group: Group;
  rawKey: string | null;
  count: number;
  open: number;
  overdue: number;
  resolvedWithinTarget: number;
  escalated: number;
  averageResponseHours: number | null;
  satisfactionResponses: number;
  csat: number | null;
  averageSatisfactionScore: number | null;
  feedbackWaived: number;
}

@ObjectType('ComplaintStat', {
  description:
    'Complaint figures of one group over a period. The complaints counted are those filed (recordedAt) in the period; every other figure is taken as of ' +
    'the end of the period, or now if the period has not ended ("as of"), so a closed period\'s figures never change. "Answered" means feedback given to ' +
    'the complainant (FEEDBACK_GIVEN, feedbackAt).',
})
export class ComplaintStat {
  @Field(() => Int, { description: 'Complaints filed in the period.' }) count!: number;
  @Field(() => Int, { description: 'Of those, not answered as of.' }) open!: number;
  @Field(() => Int, { description: 'Of those, not answered as of and past their respondBy as of.' }) overdue!: number;
  @Field(() => Int, { description: 'Of those, answered as of and no later than their respondBy.' }) resolvedWithinTarget!: number;
  @Field(() => Int, { description: 'Of those, escalated (at least to BRANCH) as of.' }) escalated!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Average hours from filing to feedback over those answered as of, rounded to 2 decimals; null when none was answered.',
  })
  averageResponseHours!: number | null;
  @Field(() => Int, {
    description: "Of those, with the customer's satisfaction with the handling recorded as of (recordSatisfaction on the complaint).",
  })
  satisfactionResponses!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'CSAT of complaint handling: of satisfactionResponses, the share scoring 4 or 5 on the 1–5 scale (a fraction, 4 decimals); null when none.',
  })
  csat!: number | null;
  @Field(() => Float, { nullable: true, description: 'The mean score of satisfactionResponses (1–5, 2 decimals); null when none.' })
  averageSatisfactionScore!: number | null;
  @Field(() => Int, {
    description: "Of those, answered as of without the customer's feedback: closed with a feedbackWaivedReason (customer unreachable, declined…).",
  })
  feedbackWaived!: number;
}

/** Each group's key as a SQL expression (a closed list: nothing from the caller reaches the SQL text). */
const GROUP_KEY: Record<Group, SQL> = {
  BRANCH: sql`${complaints.branchId}::text`,
  MANAGER: sql`${complaints.managerId}::text`,
  CATEGORY: sql`${complaints.category}`,
  PRODUCT_LINE: sql`${orders.line}`,
};

/**
 * The complaints a caller may count: head office and auditors all; a branch
 * manager those filed at their branch; a relationship manager those they are
 * responsible for. By the responsible branch and manager recorded at filing,
 * as the stats group them.
 */
export function complaintStatsScope(principal: Principal): SQL {
  return bookScope(principal, { branch: complaints.branchId, manager: complaints.managerId });
}

/** The figures of every group in one statement, whatever the number of groups. */
export async function complaintStats(ctx: HostContext, groupBy: Group, period: KpiPeriodInput): Promise<ComplaintStatRow[]> {
  const { start, end } = kpiPeriodRange(period.granularity, period.date);
  const asOf = new Date(Math.min(end.getTime(), ctx.now.getTime())).toISOString();
  const key = GROUP_KEY[groupBy];
  const openAsOf = sql`(${complaints.feedbackAt} is null or ${complaints.feedbackAt} >= ${asOf}::timestamptz)`;
  const answered = sql`${complaints.feedbackAt} < ${asOf}::timestamptz`;
  const rows = await ctx.db
    .select({
      rawKey: sql<string | null>`${key}`,
      count: sql<number>`count(*)::int`,
      open: sql<number>`(count(*) filter (where ${openAsOf}))::int`,
      overdue: sql<number>`(count(*) filter (where ${openAsOf} and ${complaints.respondBy} < ${asOf}::timestamptz))::int`,
      resolvedWithinTarget: sql<number>`(count(*) filter (where ${answered} and ${complaints.feedbackAt} <= ${complaints.respondBy}))::int`,
      escalated: sql<number>`(count(*) filter (where ${complaints.escalatedAt} < ${asOf}::timestamptz))::int`,
      averageResponseHours: sql<
        number | null
      >`round((avg(extract(epoch from ${complaints.feedbackAt} - ${complaints.recordedAt}) / 3600) filter (where ${answered}))::numeric, 2)::float8`,
      feedbackWaived: sql<number>`(count(*) filter (where ${answered} and ${complaints.feedbackWaivedReason} is not null))::int`,
      // The response about each complaint (one at most: unique per subject), as recorded as of; see satisfaction.definitions.ts.
      sat_n: sql<number>`count(${satisfactionResponses.id})::int`,
      sat_satisfied: sql<number>`(count(${satisfactionResponses.id}) filter (where ${satisfactionResponses.score} >= ${SATISFIED_FROM}))::int`,
      sat_score_sum: sql<number>`coalesce(sum(${satisfactionResponses.score}), 0)::int`,
    })
    .from(complaints)
    .leftJoin(orders, eq(orders.id, complaints.orderId))
    .leftJoin(
      satisfactionResponses,
      and(
        eq(satisfactionResponses.subjectType, 'COMPLAINT'),
        eq(satisfactionResponses.subjectId, complaints.id),
        lt(satisfactionResponses.recordedAt, new Date(asOf)),
      ),
    )
    .where(and(gte(complaints.recordedAt, start), lt(complaints.recordedAt, end), complaintStatsScope(ctx.principal)))
    .groupBy(key)
    .orderBy(sql`count(*) desc`, sql`${key} asc nulls last`);
  return rows.map(({ sat_n, sat_satisfied, sat_score_sum, ...r }) => {
    const satisfaction = satisfactionFiguresOf({ sat_n, sat_satisfied, sat_score_sum });
    return {
      ...r,
      group: groupBy,
      averageResponseHours: r.averageResponseHours === null ? null : Number(r.averageResponseHours),
      feedbackWaived: Number(r.feedbackWaived),
      satisfactionResponses: satisfaction.responses,
      csat: satisfaction.csat,
      averageSatisfactionScore: satisfaction.averageScore,
    };
  });
}

@Resolver(() => ComplaintStat)
export class ComplaintStatResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The group: a Branch or CustomerManager id, a category code or a product line; null for complaints with no manager (MANAGER) or no linked order (PRODUCT_LINE).',
  })
  key(@Root() r: ComplaintStatRow): string | null {
    if (r.rawKey === null) return null;
    if (r.group === 'BRANCH') return toGlobalId('Branch', r.rawKey);
    if (r.group === 'MANAGER') return toGlobalId('CustomerManager', r.rawKey);
    return r.rawKey;
  }

  @FieldResolver(() => Branch, { nullable: true, description: 'The branch (groupBy BRANCH only).' })
  branch(@Root() r: ComplaintStatRow, @Ctx() ctx: HostContext) {
    return r.group === 'BRANCH' && r.rawKey !== null ? branchLoader(ctx).load(Number(r.rawKey)) : null;
  }

  @FieldResolver(() => CustomerManager, {
    nullable: true,
    description: 'The responsible manager (groupBy MANAGER only; null for complaints filed while the customer had none).',
  })
  manager(@Root() r: ComplaintStatRow, @Ctx() ctx: HostContext) {
    return r.group === 'MANAGER' && r.rawKey !== null ? managerLoader(ctx).load(Number(r.rawKey)) : null;
  }

  @FieldResolver(() => ComplaintCategoryEnum, { nullable: true, description: 'The category (groupBy CATEGORY only).' })
  category(@Root() r: ComplaintStatRow): string | null {
    return r.group === 'CATEGORY' ? r.rawKey : null;
  }

  @FieldResolver(() => ProductLineValues, {
    nullable: true,
    description: "The linked order's product line (groupBy PRODUCT_LINE only; null: no linked order).",
  })
  line(@Root() r: ComplaintStatRow): string | null {
    return r.group === 'PRODUCT_LINE' ? r.rawKey : null;
  }
}

@Resolver()
export class ComplaintStatsQueryResolver {
  @Query(() => [ComplaintStat], {
    description:
      'Complaints as management data, per group, over a reporting period (see ComplaintStat for each figure). Head office and auditors: every complaint; ' +
      "branch managers: their branch's; relationship managers: those they are responsible for (branch and manager as recorded at filing). " +
      'Most complaints first. One statement whatever the number of groups.',
  })
  complaintStats(
    @Arg('groupBy', () => ComplaintStatsGroupEnum, { description: 'How to group the complaints.' }) groupBy: Group,
    @Arg('period', () => KpiPeriodInput, { description: 'The period the complaints were filed in.' }) period: KpiPeriodInput,
    @Ctx() ctx: HostContext,
  ): Promise<ComplaintStatRow[]> {
    requireRole(ctx, 'RELATIONSHIP_MANAGER', 'BRANCH_MANAGER', 'HEAD_OFFICE', 'AUDITOR');
    return complaintStats(ctx, groupBy, period);
  }
}
