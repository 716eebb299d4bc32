import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../graphql/scalars.js';
import { Node } from '../../graphql/relay/types.js';
import {
  ActivityEnum,
  GenderEnum,
  IdTypeEnum,
  InvestorTypeEnum,
  LegalCapacityEnum,
  LifeStageEnum,
  ResidencyEnum,
  RiskLevelEnum,
  TierEnum,
} from '../common/enums.js';
import { Money } from '../common/money.type.js';

/** The customer's current risk profile (from the newest assessment). */
@ObjectType('RiskProfile', { description: 'The newest risk assessment and whether it is still valid.' })
export class RiskProfile {
  @Field(() => RiskLevelEnum) level!: string;
  @Field(() => Boolean, { description: 'In the lowest category (最低类别): may never buy above level.' }) lowestCategory!: boolean;
  @Field(() => InvestorTypeEnum) investorType!: string;
  @Field(() => Int) experienceYears!: number;
  @Field(() => DateTimeScalar) assessedAt!: Date;
  @Field(() => DateTimeScalar) expiresAt!: Date;
  @Field(() => Boolean) expired!: boolean;
}

/** A customer's contact plan (客户联系计划): cadence from tier × activity, and when the next contact is due. */
@ObjectType('ContactPlan', {
  description:
    'How often the customer should be reached (setting core.contactCadenceDays, by tier × activity; the tier as the tier filter reads it) and when the next contact is due.',
})
export class ContactPlan {
  @Field(() => Int, { description: 'Days between contacts for this customer\'s tier and activity.' }) cadenceDays!: number;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'The last contact that reached the customer (outcome REACHED or FOLLOW_UP; NO_ANSWER and DECLINED do not count). Null: never reached.',
  })
  lastReachedAt!: Date | null;
  @Field(() => DateTimeScalar, { description: 'lastReachedAt + cadenceDays; when never reached, the day the customer was created.' }) nextDueAt!: Date;
  @Field(() => Boolean, { description: 'nextDueAt is before now.' }) overdue!: boolean;
}

/** How many product lines a customer holds. */
@ObjectType('ProductCoverage')
export class ProductCoverage {
  @Field(() => Int) linesHeld!: number;
  @Field(() => Int) linesTotal!: number;
  @Field(() => DecimalScalar, { description: 'linesHeld / linesTotal, 4 decimals.' }) ratio!: string;
  @Field(() => [String], { description: 'Codes of the lines held.' }) lines!: string[];
}

/**
 * A retail customer: the customer 360. Identity numbers and phones are masked;
 * derived fields (tier, activity, life stage) are computed from bank settings.
 */
@ObjectType('Customer', { implements: Node, description: 'A retail customer (customer 360).' })
export class Customer extends Node {
  @Field(() => String) name!: string;
  @Field(() => IdTypeEnum) idType!: string;
  @Field(() => String, { description: 'Masked: first 6 and last 4 characters at most.' }) idNumber!: string;
  @Field(() => String, { description: 'Masked: first 3 and last 4 digits.' }) phone!: string;
  @Field(() => DateScalar) birthDate!: string;
  @Field(() => Int) age!: number;
  @Field(() => GenderEnum) gender!: string;
  @Field(() => LifeStageEnum) lifeStage!: string;
  @Field(() => ResidencyEnum) residency!: string;
  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' }) nationality!: string;
  @Field(() => String) occupation!: string;
  @Field(() => String) employerSector!: string;
  @Field(() => Money) personalAnnualIncome!: Money;
  @Field(() => Money) householdAnnualIncome!: Money;
  @Field(() => Money) householdFinancialAssets!: Money;
  @Field(() => Boolean) student!: boolean;
  @Field(() => LegalCapacityEnum) legalCapacity!: string;
  @Field(() => Boolean) idVerified!: boolean;
  @Field(() => InvestorTypeEnum) investorType!: string;
  @Field(() => String, { nullable: true }) investorTypeBasis!: string | null;
  @Field(() => RiskProfile, { nullable: true, description: 'Null when never assessed.' }) riskProfile!: RiskProfile | null;
  @Field(() => TierEnum) tier!: string;
  @Field(() => ActivityEnum, {
    description:
      'By frequency of business (经常联系户 / 流动户 / 休眠户): orders not cancelled plus contacts that reached the customer (REACHED, FOLLOW_UP) within the rolling window of setting core.activityByBusiness; FREQUENT from frequentFrom of them, OCCASIONAL from occasionalFrom, else DORMANT.',
  })
  activity!: string;
  @Field(() => ContactPlan, { description: 'The contact plan: cadence, last reach, next due date.' }) contactPlan!: ContactPlan;
  @Field(() => Money, { description: 'Market value of all holdings, in CNY.' }) totalAssets!: Money;
  @Field(() => ProductCoverage) productCoverage!: ProductCoverage;
  @Field(() => Int, { description: 'Optimistic-concurrency version; pass it back to updateCustomer.' }) version!: number;
  @Field(() => DateTimeScalar, { nullable: true, description: 'The newest contact (reached or not) or order. Activity no longer follows it: see activity.' })
  lastActivityAt!: Date | null;
}
