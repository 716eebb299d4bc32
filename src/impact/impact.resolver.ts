import { and, asc, count, eq, gt, inArray, type SQL } from 'drizzle-orm';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { HostContext } from '../graphql/context.js';
import { recordAudit } from '../audit/record.js';
import { requireRole } from '../auth/guards.js';
import { bundles, impactReportEntries, impactReports } from '../db/schema/index.js';
import { productLoader } from '../domain/core-loaders.js';
import { badInput } from '../graphql/errors.js';
import { byKey } from '../graphql/loaders.js';
import { registerNodeType } from '../graphql/node-registry.js';
import { numericIdOf, toGlobalId } from '../graphql/relay/global-id.js';
import { keysetPage, toConnection } from '../graphql/relay/paginate.js';
import { ConnectionArgs } from '../graphql/relay/types.js';
import { text } from '../i18n/localized.js';
import { runningProgress } from './impact-run.js';
import { impactAnalysisTask, impactJobKey, runImpactInProcess } from '../jobs/impact-analysis.js';
import {
  ChangeSettingInput,
  ImpactBundle,
  ImpactCount,
  ImpactDirectionEnum,
  ImpactEntryConnection,
  ImpactProductCount,
  ImpactProgress,
  ImpactReport,
  PreviewRuleChangeInput,
  SettingChange,
} from './impact.types.js';
import { checkProposal } from './proposal.js';
import { changeSetting } from './change-setting.js';
import { heldOr } from '../controls/maker-checker/approval.types.js';

const ChangeSettingResult = heldOr(
  'ChangeSettingResult',
  'The setting change made, or the Approval holding it (maker-checker).',
  () => SettingChange,
  'SettingChange',
);

type ReportRow = typeof impactReports.$inferSelect;
const READERS = ['HEAD_OFFICE', 'AUDITOR'] as const;
const YEAR_MS = 366 * 86_400_000;

registerNodeType('ImpactReport', async (ctx, key) => {
  if (!(READERS as readonly string[]).includes(ctx.principal.role)) return null;
  const [row] = await ctx.db.select().from(impactReports).where(eq(impactReports.id, key));
  return row ?? null;
});

const summaryOf = (r: ReportRow) => (r.summary ?? {}) as Record<string, unknown>;
const counts = (m: unknown): ImpactCount[] =>
  Object.entries((m ?? {}) as Record<string, Record<string, number>>).map(([key, c]) => ({
    key,
    loses: c.LOSES ?? 0,
    gains: c.GAINS ?? 0,
    changes: c.CHANGES ?? 0,
  }));

@Resolver(() => ImpactReport)
export class ImpactReportResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id of the ImpactReport.' })
  id(@Root() r: ReportRow): string {
    return toGlobalId('ImpactReport', r.id);
  }
  @FieldResolver(() => ImpactProgress, { description: 'Customers judged so far, of how many.' })
  progress(@Root() r: ReportRow): ImpactProgress {
    return runningProgress.get(r.id) ?? { done: r.customersDone, total: r.customersTotal };
  }
  @FieldResolver(() => ImpactCount, { nullable: true, description: 'All pairs, by direction (key "all"); null until DONE.' })
  totals(@Root() r: ReportRow): ImpactCount | null {
    const d = summaryOf(r).byDirection as Record<string, number> | undefined;
    return d ? { key: 'all', loses: d.LOSES ?? 0, gains: d.GAINS ?? 0, changes: d.CHANGES ?? 0 } : null;
  }
  @FieldResolver(() => [ImpactCount], { description: 'By product line.' })
  byLine(@Root() r: ReportRow): ImpactCount[] {
    return counts(summaryOf(r).byLine);
  }
  @FieldResolver(() => [ImpactCount], { description: 'By the customer\'s branch (key: the Branch id, or "none").' })
  byBranch(@Root() r: ReportRow): ImpactCount[] {
    return counts(summaryOf(r).byBranch).map((c) => ({ ...c, key: c.key === 'none' ? c.key : toGlobalId('Branch', Number(c.key)) }));
  }
  @FieldResolver(() => [ImpactCount], { description: 'By the customer\'s manager (key: the CustomerManager id, or "none").' })
  byManager(@Root() r: ReportRow): ImpactCount[] {
    return counts(summaryOf(r).byManager).map((c) => ({ ...c, key: c.key === 'none' ? c.key : toGlobalId('CustomerManager', Number(c.key)) }));
  }
  @FieldResolver(() => [ImpactProductCount], { description: 'By product.' })
  async byProduct(@Root() r: ReportRow, @Ctx() ctx: HostContext): Promise<ImpactProductCount[]> {
    const rows = counts(summaryOf(r).byProduct);
    const found = await productLoader(ctx).loadMany(rows.map((c) => Number(c.key)));
    return rows.map((c, i) => ({ product: found[i] instanceof Error ? null : found[i], loses: c.loses, gains: c.gains, changes: c.changes }));
  }
  @FieldResolver(() => Int, { description: 'Open positions whose product their holder could no longer be sold (LOSES).' })
  holdingsNoLongerSellable(@Root() r: ReportRow): number {
    return Number(summaryOf(r).holdingsNoLongerSellable ?? 0);
  }
  @FieldResolver(() => [ID], { description: 'Orders in their cooling-off period that the proposal would now refuse.' })
  pendingOrdersRefused(@Root() r: ReportRow): string[] {
    return ((summaryOf(r).pendingOrdersRefused as number[] | undefined) ?? []).map((id) => toGlobalId('Order', id));
  }
  @FieldResolver(() => [ImpactBundle], { description: 'Active bundles with an item some customers would lose.' })
  async bundles(@Root() r: ReportRow, @Ctx() ctx: HostContext): Promise<ImpactBundle[]> {
    const list = (summaryOf(r).bundles as { bundleId: number; customersLosingAnItem: number }[] | undefined) ?? [];
    if (list.length === 0) return [];
    const ids = list.map((b) => b.bundleId);
    const found = byKey(ids, await ctx.db.select().from(bundles).where(inArray(bundles.id, ids)), (b) => b.id);
    return list.map((b, i) => ({ bundle: found[i], customersLosingAnItem: b.customersLosingAnItem }));
  }
  @FieldResolver(() => Int, {
    description:
      "Products on sale the proposal can reach: a rule judging them is switched on or off, or reads a changed setting (rules read only the settings they declare, or their own plugin's). Only these are judged; for the others both sides are the same by construction.",
  })
  productsReached(@Root() r: ReportRow): number {
    return Number(summaryOf(r).productsReached ?? 0);
  }

  @FieldResolver(() => [String], {
    description:
      "Lines (ProductLine codes) among the reached products that a partner judges (remote lines, docs/federation.md). A preview does not call partners, and a partner's verdict does not depend on the bank's settings: those products are judged on the bank's own rules alone, so a pair counted as moving there does not move if the partner refuses it anyway.",
  })
  partnerJudgedLines(@Root() r: ReportRow): string[] {
    return (summaryOf(r).partnerJudgedLines as string[] | undefined) ?? [];
  }

  @FieldResolver(() => Int, {
    description:
      'Verdicts the report covers: two per customer × product on sale (as the rules stand and as proposed), whether judged or settled as unreachable.',
  })
  evaluations(@Root() r: ReportRow): number {
    return Number(summaryOf(r).evaluations ?? 0);
  }
  @FieldResolver(() => Int, { description: 'How long the run took, milliseconds.' })
  elapsedMs(@Root() r: ReportRow): number {
    return Number(summaryOf(r).elapsedMs ?? 0);
  }
  @FieldResolver(() => ImpactEntryConnection, { description: 'The customer × product pairs that move, by id; filter by direction, line or product.' })
  async entries(
    @Root() r: ReportRow,
    @Ctx() ctx: HostContext,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('direction', () => ImpactDirectionEnum, { nullable: true, description: 'Only pairs moving this way.' }) direction?: string,
    @Arg('line', () => String, { nullable: true, description: 'Only pairs of products of this line (a ProductLine code).' }) line?: string,
    @Arg('productId', () => ID, { nullable: true, description: 'Only pairs of this product (global id).' }) productId?: string,
  ) {
    const page = keysetPage(args, ctx.settings.get('core.pageSize'));
    const pid = productId ? numericIdOf(productId, 'Product') : null;
    if (productId && !pid) throw badInput(text('产品编号无效', 'productId is not a product id'), 'productId');
    const filters: (SQL | undefined)[] = [
      eq(impactReportEntries.reportId, r.id),
      direction ? eq(impactReportEntries.direction, direction) : undefined,
      line ? eq(impactReportEntries.line, line) : undefined,
      pid ? eq(impactReportEntries.productId, pid) : undefined,
    ];
    const after = page.afterKey !== undefined ? gt(impactReportEntries.id, page.afterKey) : undefined;
    const rows = await ctx.db
      .select()
      .from(impactReportEntries)
      .where(and(...filters, after))
      .orderBy(asc(impactReportEntries.id))
      .limit(page.limit);
    const conn = toConnection(
      page,
      rows,
      (e) => e.id,
      async () =>
        (
          await ctx.db
            .select({ n: count() })
            .from(impactReportEntries)
            .where(and(...filters))
        )[0]!.n,
    );
    conn.edges = conn.edges.map((e) => {
      const x = e.node as (typeof rows)[number];
      return {
        cursor: e.cursor,
        node: {
          customerId: toGlobalId('Customer', x.customerId),
          productId: toGlobalId('Product', x.productId),
          line: x.line,
          direction: x.direction,
          before: x.before,
          after: x.after,
          codesAdded: x.codesAdded,
          codesRemoved: x.codesRemoved,
          branchId: x.branchId === null ? null : toGlobalId('Branch', x.branchId),
          managerId: x.managerId === null ? null : toGlobalId('CustomerManager', x.managerId),
        },
      };
    });
    return conn;
  }
}

@Resolver()
export class ImpactMutationResolver {
  @Mutation(() => ImpactReport, {
    description:
      '规则变更影响分析 / Previews a change of bank settings or rules over the whole book × the whole catalog, before anyone applies it: who loses eligibility (LOSES), who gains it, whose reasons change, ' +
      'which holdings their holders could no longer be sold, which pending orders would be refused, which bundles lose an item, by line, product, branch and manager. Returns at once with status RUNNING ' +
      '(progress moves); the report is DONE when the run ends (poll node(id)). Reads one consistent snapshot and writes nothing but the report. Head office and auditors only; audited.',
  })
  async previewRuleChange(
    @Arg('input', () => PreviewRuleChangeInput, { description: 'The settings to try, with their proposed values.' }) input: PreviewRuleChangeInput,
    @Ctx() ctx: HostContext,
  ): Promise<ReportRow> {
    requireRole(ctx, ...READERS);
    const asOf = input.asOf ?? ctx.now;
    if (Math.abs(asOf.getTime() - ctx.now.getTime()) > YEAR_MS) throw badInput(text('评估时点须在一年以内', 'asOf must be within a year of now'), 'asOf');
    const checked = checkProposal(
      { settings: input.settings, disableRules: input.disableRules, enableRules: input.enableRules },
      ctx.host.settings,
      ctx.host.rules,
    );
    const proposal = {
      settings: input.settings.map((s) => ({ key: s.key, value: checked.overrides[s.key] })),
      disableRules: input.disableRules,
      enableRules: input.enableRules,
    };
    const queue = ctx.host.jobs;
    const row = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(impactReports)
        // The version of the snapshot the run judges under (the request's), not whatever this node has heard since.
        .values({ status: 'RUNNING', proposal, settingsVersion: ctx.settings.version ?? 0, asOf, requestedBy: ctx.principal.subject, createdAt: ctx.now })
        .returning();
      await recordAudit(
        { db: tx, principal: ctx.principal, requestId: ctx.requestId },
        { action: 'IMPACT_PREVIEW_STARTED', targetType: 'ImpactReport', targetId: toGlobalId('ImpactReport', row!.id), details: { proposal } },
      );
      // With a job queue the run is a job committed with its report: whichever node takes it runs it, and a
      // node killed mid-run hands it to another (src/jobs/impact-analysis.ts). Never a report without its run.
      if (queue) await queue.enqueue(tx, impactAnalysisTask, { reportId: row!.id, requestId: ctx.requestId }, { jobKey: impactJobKey(row!.id) });
      return row!;
    });
    // Without one (PGlite, JOBS=off) it runs here, outliving the request: it reads through its own snapshot and writes only its report.
    if (!queue) runImpactInProcess(ctx.host, row.id, ctx.requestId);
    return row;
  }

  @Mutation(() => ChangeSettingResult, {
    description:
      'Applies a bank setting change — only one an impact report previewed: the DONE report named must have proposed exactly this key and value (rules switched on or off: key core.disabledRules ' +
      'with the list the report ran with). Records who, why, before and after and the report; bumps the settings version decision records cite. Head office only; audited (SETTING_CHANGED). ' +
      'Takes effect on this node at once and on the other nodes when they hear of it (PostgreSQL LISTEN/NOTIFY, within moments). Held for a second person (an Approval) when core.makerChecker lists CHANGE_SETTING.',
  })
  changeSetting(
    @Arg('input', () => ChangeSettingInput, { description: 'The setting, its new value and why.' }) input: ChangeSettingInput,
    @Ctx() ctx: HostContext,
  ) {
    return changeSetting(ctx, input);
  }
}
