import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { HostContext } from '../../graphql/context.js';
import { branchOfManagerSql, mayReadManager } from '../../access/scope.js';
import { requireRole } from '../../auth/guards.js';
import type { Principal } from '../../auth/principal.js';
import { resultRows } from '../../db/result-rows.js';
import { branches, managers } from '../../db/schema/index.js';
import { forbidden } from '../../graphql/errors.js';
import { text } from '../../i18n/localized.js';
import { KpiPeriodInput } from '../common/kpi-period.input.js';
import { kpiPeriodRange } from '../common/kpi-period.js';
import { Branch, CustomerManager } from '../organisation/organisation.types.js';
import { kpisOf } from './kpi.figures.js';
import { kpiSql, type KpiLevel } from './kpi.sql.js';
import { Kpis } from './kpi.types.js';

type ManagerRow = typeof managers.$inferSelect;
type BranchRow = typeof branches.$inferSelect;

/** A manager's KPIs are read as their queue is; a branch's by head office, auditors and its branch manager. */
function mayRead(principal: Principal, level: KpiLevel, row: { id: number; branchId: number }): boolean {
  return level === 'MANAGER' ? mayReadManager(principal, row) : principal.role !== 'RELATIONSHIP_MANAGER' && mayReadManager(principal, row);
}

/**
 * The KPIs of a manager or branch for `period`: every manager (or branch) asked
 * for with the same period in this request is answered by one statement (a
 * page of 16 managers: one).
 */
async function kpisFor(
  ctx: HostContext,
  info: GraphQLResolveInfo,
  level: KpiLevel,
  row: { id: number; branchId: number },
  period: KpiPeriodInput,
): Promise<Kpis> {
  requireRole(ctx, 'RELATIONSHIP_MANAGER', 'BRANCH_MANAGER', 'HEAD_OFFICE', 'AUDITOR');
  if (!mayRead(ctx.principal, level, row)) {
    throw forbidden(
      level === 'MANAGER'
        ? text('只能查看本人（或本网点客户经理）的考核指标', "Only your own (or your branch's managers') KPIs")
        : text('只能查看本网点的考核指标', "Only your own branch's KPIs"),
    );
  }
  const range = kpiPeriodRange(period.granularity, period.date);
  const live = ctx.now.getTime() < range.end.getTime();
  const asOf = live ? ctx.now : range.end;
  const key = `core.kpis:${level}:${info.path.key}:${period.granularity}:${period.date}`;
  return ctx
    .loader<number, Kpis>(key, async (ids) => {
      const rows = resultRows(
        await ctx.db.execute(
          kpiSql({
            level,
            ids: [...ids],
            firstDay: range.firstDay,
            lastDay: range.lastDay,
            start: range.start,
            asOf,
            live,
            now: ctx.now,
            settings: ctx.settings,
          }),
        ),
      );
      const byId = new Map(rows.map((r) => [Number(r.g), kpisOf(r, { firstDay: range.firstDay, lastDay: range.lastDay, asOf })]));
      return ids.map((id) => byId.get(id)!);
    })
    .load(row.id);
}

const PERIOD_DESCRIPTION = 'The reporting period: a granularity and any day inside it.';

@Resolver(() => CustomerManager)
export class ManagerKpisResolver {
  @FieldResolver(() => Kpis, {
    description:
      "The manager's KPIs (考核) over a period, their book being the customers assigned to them (see Kpis). A relationship manager: their own; a branch manager: " +
      "their branch's managers; head office and auditors: any; others FORBIDDEN. One statement for every manager of the request asked for the same period.",
  })
  kpis(
    @Root() m: ManagerRow,
    @Arg('period', () => KpiPeriodInput, { description: PERIOD_DESCRIPTION }) period: KpiPeriodInput,
    @Ctx() ctx: HostContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return kpisFor(ctx, info, 'MANAGER', { id: m.id, branchId: m.branchId }, period);
  }
}

@Resolver(() => Branch)
export class BranchKpisResolver {
  @FieldResolver(() => Kpis, {
    description:
      "The branch's KPIs over a period, its book being the customers of the branch (see Kpis). Head office and auditors: any branch; a branch manager: their own; " +
      'others FORBIDDEN. One statement for every branch of the request asked for the same period.',
  })
  kpis(
    @Root() b: BranchRow,
    @Arg('period', () => KpiPeriodInput, { description: PERIOD_DESCRIPTION }) period: KpiPeriodInput,
    @Ctx() ctx: HostContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return kpisFor(ctx, info, 'BRANCH', { id: b.id, branchId: b.id }, period);
  }
}

@Resolver()
export class BranchesQueryResolver {
  @Query(() => [Branch], {
    description: 'The branches the caller may see, by code: head office and auditors every branch; a branch manager or relationship manager their own.',
  })
  async branches(@Ctx() ctx: HostContext): Promise<BranchRow[]> {
    requireRole(ctx, 'RELATIONSHIP_MANAGER', 'BRANCH_MANAGER', 'HEAD_OFFICE', 'AUDITOR');
    return ctx.db.select().from(branches).where(branchScope(ctx.principal)).orderBy(asc(branches.code));
  }
}

/** The branches a caller sees: all (head office, auditors), their own (branch manager; a relationship manager's is their manager row's), else none. */
function branchScope(p: Principal): SQL {
  switch (p.role) {
    case 'HEAD_OFFICE':
    case 'AUDITOR':
      return sql`true`;
    case 'BRANCH_MANAGER':
      return p.branchId ? eq(branches.id, p.branchId) : sql`false`;
    case 'RELATIONSHIP_MANAGER':
      return sql`${branches.id} = ${branchOfManagerSql(p.managerId ?? 0)}`;
    default:
      return sql`false`;
  }
}
