import { Decimal } from 'decimal.js';
import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root, ID } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { maskIdNumber, maskPhone } from '../../access/masking.js';
import { complaints, contacts, type riskAssessments } from '../../db/schema/index.js';
import { toGlobalId } from '../../graphql/relay/global-id.js';
import { keysetPage, pageList } from '../../graphql/relay/paginate.js';
import { childPage } from '../../graphql/relay/child-pages.js';
import { ConnectionArgs, type ConnectionResult } from '../../graphql/relay/types.js';
import { ActivityEnum, LifeStageEnum, ProductLineValues, TierEnum } from '../common/enums.js';
import { Money, money } from '../common/money.type.js';
import { branchLoader, holdingsByCustomerLoader, latestAssessmentLoader, managerLoader, productLoader } from '../core-loaders.js';
import { HoldingConnection } from '../holdings/holding.types.js';
import { holdingValue, prefetchedValue } from '../holdings/holding-value.js';
import type { HoldingValue } from '../holdings/valuation.js';
import { prefetched, type Business } from '../prefetched.js';
import { activityOfCount } from './activity.js';
import { businessLoader } from './business.loader.js';
import { contactPlanOf, type ContactPlanValue } from './contact-plan.js';
import { sumCny } from '../holdings/valuation.js';
import { Branch, CustomerManager } from '../organisation/organisation.types.js';
import { ComplaintConnection, ContactConnection } from '../relationship/relationship.types.js';
import type { CustomerRecord } from './customer.record.js';
import { ContactPlan, Customer, ProductCoverage, RiskProfile } from './customer.type.js';
import { ageAt, assessmentExpiry, lifeStageOf } from './derived.js';
import { liveTier } from './measures.js';

const pageLimits = (ctx: HostContext) => ctx.settings.get<{ default: number; max: number }>('core.pageSize');

/** Total assets in CNY of one customer: from what its page fetched ahead when it can (no promise), else the request's loaders. */
export function totalAssetsCny(c: CustomerRecord, ctx: HostContext): string | Promise<string> {
  const hs = prefetched(ctx).holdings.get(c.id);
  if (hs) {
    const values = hs.map((h) => prefetchedValue(h, ctx));
    if (values.every((v) => v !== null)) return sumCny(values as HoldingValue[]);
  }
  return holdingsByCustomerLoader(ctx)
    .load(c.id)
    .then((list) => Promise.all(list.map((h) => holdingValue(h, ctx))))
    .then(sumCny);
}

/** A customer's business: fetched with its page when it was, else batched per request. */
function businessOf(c: CustomerRecord, ctx: HostContext): Business | Promise<Business> {
  return prefetched(ctx).business.get(c.id) ?? businessLoader(ctx).load(c.id);
}

type RiskAssessmentRow = typeof riskAssessments.$inferSelect;

/** The risk profile of an assessment (null: never assessed). */
function riskProfileOf(c: CustomerRecord, a: RiskAssessmentRow | null, ctx: HostContext): RiskProfile | null {
  if (!a) return null;
  const expiresAt = assessmentExpiry(a.assessedAt, ctx.settings);
  return {
    level: a.level,
    lowestCategory: a.lowestCategory,
    investorType: c.investorType,
    experienceYears: a.experienceYears,
    assessedAt: a.assessedAt,
    expiresAt,
    expired: expiresAt.getTime() <= ctx.now.getTime(),
  };
}

/** The customer 360's fields. Every value is derived here from the row and settings, in one place. */
@Resolver(() => Customer)
export class CustomerResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id of the customer.' })
  id(@Root() c: CustomerRecord): string {
    return toGlobalId('Customer', c.id);
  }

  @FieldResolver(() => String)
  idNumber(@Root() c: CustomerRecord): string {
    return maskIdNumber(c.idNumber);
  }

  @FieldResolver(() => String)
  phone(@Root() c: CustomerRecord): string {
    return maskPhone(c.phone);
  }

  @FieldResolver(() => Int)
  age(@Root() c: CustomerRecord, @Ctx() ctx: HostContext): number {
    return ageAt(c.birthDate, ctx.now);
  }

  @FieldResolver(() => LifeStageEnum)
  lifeStage(@Root() c: CustomerRecord, @Ctx() ctx: HostContext): string {
    return lifeStageOf(ageAt(c.birthDate, ctx.now), ctx.settings);
  }

  @FieldResolver(() => Money)
  personalAnnualIncome(@Root() c: CustomerRecord): Money {
    return money(c.personalAnnualIncome, 'CNY');
  }

  @FieldResolver(() => Money)
  householdAnnualIncome(@Root() c: CustomerRecord): Money {
    return money(c.householdAnnualIncome, 'CNY');
  }

  @FieldResolver(() => Money)
  householdFinancialAssets(@Root() c: CustomerRecord): Money {
    return money(c.householdFinancialAssets, 'CNY');
  }

  @FieldResolver(() => RiskProfile, { nullable: true })
  riskProfile(@Root() c: CustomerRecord, @Ctx() ctx: HostContext): RiskProfile | null | Promise<RiskProfile | null> {
    const ahead = prefetched(ctx).assessments;
    if (ahead.has(c.id)) return riskProfileOf(c, ahead.get(c.id)!, ctx);
    return latestAssessmentLoader(ctx)
      .load(c.id)
      .then((a) => riskProfileOf(c, a, ctx));
  }

  @FieldResolver(() => Money)
  totalAssets(@Root() c: CustomerRecord, @Ctx() ctx: HostContext): Money | Promise<Money> {
    const total = totalAssetsCny(c, ctx);
    return typeof total === 'string' ? money(total, 'CNY') : total.then((t) => money(t, 'CNY'));
  }

  @FieldResolver(() => TierEnum, {
    description:
      'Tier under setting core.tierBasis: by total assets (core.tierThresholdsCny), by contribution over the trailing window ' +
      '(fee income + interest-margin estimate, core.tierContributionThresholdsCny and core.contributionRates), or the higher of the two. ' +
      'The tier filter, bundle minimum tier and 对等配置 read the same.',
  })
  tier(@Root() c: CustomerRecord, @Ctx() ctx: HostContext): Promise<string> {
    return liveTier(c, ctx);
  }

  @FieldResolver(() => ActivityEnum)
  activity(@Root() c: CustomerRecord, @Ctx() ctx: HostContext): string | Promise<string> {
    const b = businessOf(c, ctx);
    return 'then' in b ? b.then((x) => activityOfCount(x.count, ctx.settings)) : activityOfCount(b.count, ctx.settings);
  }

  @FieldResolver(() => ContactPlan)
  contactPlan(@Root() c: CustomerRecord, @Ctx() ctx: HostContext): ContactPlanValue | Promise<ContactPlanValue> {
    const plan = (x: Business) => contactPlanOf(c, activityOfCount(x.count, ctx.settings), x.lastReachedAt, ctx.now, ctx.settings);
    const b = businessOf(c, ctx);
    return 'then' in b ? b.then(plan) : plan(b);
  }

  @FieldResolver(() => ProductCoverage)
  async productCoverage(@Root() c: CustomerRecord, @Ctx() ctx: HostContext): Promise<ProductCoverage> {
    const hs = await holdingsByCustomerLoader(ctx).load(c.id);
    const ps = await productLoader(ctx).loadMany(hs.map((h) => h.productId));
    const installed = new Set(ctx.host.plugins.map((p) => p.line));
    const held = new Set<string>();
    for (const p of ps) if (p && !(p instanceof Error) && installed.has(p.line)) held.add(p.line);
    const total = installed.size;
    return {
      linesHeld: held.size,
      linesTotal: total,
      ratio: total === 0 ? '0' : new Decimal(held.size).div(total).toDecimalPlaces(4).toFixed(),
      lines: [...held].sort(),
    };
  }

  @FieldResolver(() => CustomerManager, { nullable: true, description: '客户经理 / The relationship manager the customer is assigned to; null when none is.' })
  async manager(@Root() c: CustomerRecord, @Ctx() ctx: HostContext) {
    return c.managerId ? managerLoader(ctx).load(c.managerId) : null;
  }

  @FieldResolver(() => Branch, { description: '所属网点 / The branch the customer belongs to.' })
  async branch(@Root() c: CustomerRecord, @Ctx() ctx: HostContext) {
    return branchLoader(ctx).load(c.branchId);
  }

  @FieldResolver(() => HoldingConnection, { description: 'Open positions, optionally of one line.' })
  holdings(
    @Root() c: CustomerRecord,
    @Ctx() ctx: HostContext,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('line', () => ProductLineValues, { nullable: true, description: 'Only positions in products of this line; omitted: every line.' }) line?: string,
  ): ConnectionResult<unknown> | Promise<ConnectionResult<unknown>> {
    const page = keysetPage(args, pageLimits(ctx));
    const ahead = prefetched(ctx);
    const fetched = ahead.holdings.get(c.id);
    if (fetched && (!line || fetched.every((h) => ahead.products.has(h.productId)))) {
      return pageList(page, line ? fetched.filter((h) => ahead.products.get(h.productId)!.line === line) : fetched, (h) => h.id);
    }
    return (async () => {
      let hs = await holdingsByCustomerLoader(ctx).load(c.id);
      if (line) {
        const ps = await productLoader(ctx).loadMany(hs.map((h) => h.productId));
        hs = hs.filter((_, i) => {
          const p = ps[i];
          return p && !(p instanceof Error) && p.line === line;
        });
      }
      return pageList(page, hs, (h) => h.id);
    })();
  }

  @FieldResolver(() => ContactConnection, { description: 'Contact history, newest first.' })
  contacts(@Root() c: CustomerRecord, @Ctx() ctx: HostContext, @Args(() => ConnectionArgs) args: ConnectionArgs) {
    return childPage(
      ctx,
      {
        name: 'core.contacts',
        table: contacts,
        parent: contacts.customerId,
        key: contacts.id,
        newestFirst: true,
        node: (r) => ({ ...r, id: toGlobalId('Contact', r.id) }),
      },
      keysetPage(args, pageLimits(ctx)),
      c.id,
    );
  }

  @FieldResolver(() => ComplaintConnection, { description: 'Complaints, oldest first.' })
  complaints(@Root() c: CustomerRecord, @Ctx() ctx: HostContext, @Args(() => ConnectionArgs) args: ConnectionArgs) {
    return childPage(
      ctx,
      {
        name: 'core.complaints',
        table: complaints,
        parent: complaints.customerId,
        key: complaints.id,
        node: (r) => ({ ...r, id: toGlobalId('Complaint', r.id) }),
      },
      keysetPage(args, pageLimits(ctx)),
      c.id,
    );
  }
}
