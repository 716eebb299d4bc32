import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { IncomeBandEnum, RiskAttitudeEnum, SizeClassEnum, TierEnum, TierMeasureEnum } from '../common/enums.js';
import { Money, money } from '../common/money.type.js';
import { incomeBandOf, nextTierOf, riskAttitudeOf, sizeClassOf, basisMeasures } from './classification.js';
import type { CustomerRecord } from './customer.record.js';
import { Customer } from './customer.type.js';
import { liveMeasures } from './measures.js';

@ObjectType('NextTier', { description: 'The tier above the customer’s current one and what is missing to reach it (临界区间客户拓展上移).' })
export class NextTierType {
  @Field(() => TierEnum, { description: "下一等级 / The tier right above the customer's current one." }) tier!: string;
  @Field(() => Money, {
    description:
      'CNY missing to the next tier’s threshold, on the measure `basis` names: assets (core.tierThresholdsCny) or contribution (core.tierContributionThresholdsCny). ' +
      'Under core.tierBasis HIGHER, the measure on which the smaller share of its threshold is missing.',
  })
  gap!: Money;
  @Field(() => TierMeasureEnum, { description: 'The measure `gap` is in.' }) basis!: string;
}

/** The customer classifications beyond activity (classification.ts): size, risk attitude, income band, next tier. */
@Resolver(() => Customer)
export class CustomerClassificationResolver {
  @FieldResolver(() => SizeClassEnum, {
    description:
      'Size class (大型 / 中等 / 小客户, 以业务规模状况为定量评价指标): LARGE or MEDIUM when total assets or the business volume ' +
      '(CNY amount of orders placed and not cancelled, either side, in the setting core.sizeClass window) reach that class’s threshold; else SMALL.',
  })
  async sizeClass(@Root() c: CustomerRecord, @Ctx() ctx: HostContext): Promise<string> {
    const m = await liveMeasures(c, ctx);
    return sizeClassOf(m.assetsCny, m.volumeCny, ctx.settings);
  }

  @FieldResolver(() => RiskAttitudeEnum, {
    nullable: true,
    description:
      'Risk attitude (保守 / 中庸 / 进取) from the risk level of the newest assessment: C1–C2, C3, C4–C5; null when never assessed. Bundle targeting reads the same.',
  })
  riskAttitude(@Root() c: CustomerRecord): string | null {
    return riskAttitudeOf(c.riskLevel);
  }

  @FieldResolver(() => IncomeBandEnum, {
    description:
      'Income band from household annual income (setting bundles.incomeBandsCny: ULTRA_HIGH, MIDDLE_HIGH from their thresholds, else GENERAL). Bundle targeting reads the same.',
  })
  incomeBand(@Root() c: CustomerRecord, @Ctx() ctx: HostContext): string {
    return incomeBandOf(c.householdAnnualIncome, ctx.settings);
  }

  @FieldResolver(() => NextTierType, {
    nullable: true,
    description: 'The next tier above `tier` and the gap to it (same basis and valuation as `tier`); null at the top tier.',
  })
  async nextTier(@Root() c: CustomerRecord, @Ctx() ctx: HostContext): Promise<NextTierType | null> {
    const m = await liveMeasures(c, ctx, basisMeasures(ctx.settings).includes('CONTRIBUTION'));
    const next = nextTierOf(m, ctx.settings);
    return next && { tier: next.tier, gap: money(next.gap, 'CNY'), basis: next.basis };
  }
}
