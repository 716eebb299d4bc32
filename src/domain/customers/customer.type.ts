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
  ProductLineValues,
  ResidencyEnum,
  RiskLevelEnum,
  TierEnum,
} from '../common/enums.js';
import { Money } from '../common/money.type.js';

/** The customer's current risk profile (from the newest assessment). */
@ObjectType('RiskProfile', { description: 'The newest risk assessment and whether it is still valid.' })
export class RiskProfile {
  @Field(() => RiskLevelEnum, { description: '风险等级 / The risk level C1–C5 the assessment found.' }) level!: string;
  @Field(() => Boolean, { description: 'In the lowest category (最低类别): may never buy above level.' }) lowestCategory!: boolean;
  @Field(() => InvestorTypeEnum, { description: '投资者类型 / Ordinary or professional, as recorded with the assessment.' }) investorType!: string;
  @Field(() => Int, { description: '投资经验年限 / Years of investment experience the customer declared (0–80).' }) experienceYears!: number;
  @Field(() => DateTimeScalar, { description: '测评时间 / When the assessment was made.' }) assessedAt!: Date;
  @Field(() => DateTimeScalar, { description: '有效期至 / assessedAt + setting core.riskAssessmentValidityDays (default 365 days).' }) expiresAt!: Date;
  @Field(() => Boolean, { description: '已过期 / expiresAt has passed: sales that need an assessment are refused until the customer is reassessed.' })
  expired!: boolean;
}

/** A customer's contact plan (客户联系计划): cadence from tier × activity, and when the next contact is due. */
@ObjectType('ContactPlan', {
  description:
    'How often the customer should be reached (setting core.contactCadenceDays, by tier × activity; the tier as the tier filter reads it) and when the next contact is due.',
})
export class ContactPlan {
  @Field(() => Int, { description: "Days between contacts for this customer's tier and activity." }) cadenceDays!: number;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'The last contact that reached the customer (outcome REACHED or FOLLOW_UP; NO_ANSWER and DECLINED do not count). Null: never reached.',
  })
  lastReachedAt!: Date | null;
  @Field(() => DateTimeScalar, { description: 'lastReachedAt + cadenceDays; when never reached, the day the customer was created.' }) nextDueAt!: Date;
  @Field(() => Boolean, { description: 'nextDueAt is before now.' }) overdue!: boolean;
}

/** How many product lines a customer holds. */
@ObjectType('ProductCoverage', {
  description: "产品覆盖度 / How many of the bank's product lines a customer holds a position in (open positions: ACTIVE or PENDING).",
})
export class ProductCoverage {
  @Field(() => Int, { description: '持有产品线数 / Loaded product lines the customer holds an open position in.' }) linesHeld!: number;
  @Field(() => Int, { description: '产品线总数 / Product lines loaded on this server (one per plugin).' }) linesTotal!: number;
  @Field(() => DecimalScalar, { description: 'linesHeld / linesTotal, 4 decimals.' }) ratio!: string;
  @Field(() => [ProductLineValues], { description: '持有的产品线 / The lines held, in alphabetical order.' }) lines!: string[];
}

/**
 * A retail customer: the customer 360. Identity numbers and phones are masked;
 * derived fields (tier, activity, life stage) are computed from bank settings.
 */
@ObjectType('Customer', { implements: Node, description: 'A retail customer (customer 360).' })
export class Customer extends Node {
  @Field(() => String, { description: "姓名 / The customer's name as on their ID." }) name!: string;
  @Field(() => IdTypeEnum, { description: '证件类型 / The type of ID the customer was opened with.' }) idType!: string;
  @Field(() => String, { description: 'Masked: first 6 and last 4 characters at most.' }) idNumber!: string;
  @Field(() => String, { description: 'Masked: first 3 and last 4 digits.' }) phone!: string;
  @Field(() => DateScalar, { description: '出生日期 / Date of birth.' }) birthDate!: string;
  @Field(() => Int, { description: '年龄 / Age in whole years today (China date, UTC+8), from birthDate.' }) age!: number;
  @Field(() => GenderEnum, { description: '性别 / Gender.' }) gender!: string;
  @Field(() => LifeStageEnum, {
    description: '人生阶段 / Life stage from age: YOUNG < 35 ≤ MIDDLE_AGED < 60 ≤ SENIOR by default (setting core.lifeStageAges).',
  })
  lifeStage!: string;
  @Field(() => ResidencyEnum, { description: '居民身份 / Whether the customer is resident in mainland China.' }) residency!: string;
  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' }) nationality!: string;
  @Field(() => String, { description: '职业 / Occupation, as declared.' }) occupation!: string;
  @Field(() => String, { description: "所属行业 / The sector of the customer's employer, as declared (lead distribution matches it to managers' industries)." })
  employerSector!: string;
  @Field(() => Money, { description: '个人年收入 / Personal annual income, in CNY, as declared.' }) personalAnnualIncome!: Money;
  @Field(() => Money, { description: '家庭年收入 / Household annual income, in CNY, as declared (sets the IncomeBand).' }) householdAnnualIncome!: Money;
  @Field(() => Money, {
    description: '家庭金融资产 / Household financial assets, in CNY, as declared (professional-investor and private-product checks read it).',
  })
  householdFinancialAssets!: Money;
  @Field(() => Boolean, { description: '在校学生 / The customer is a student (some products, e.g. credit cards, have student rules).' }) student!: boolean;
  @Field(() => LegalCapacityEnum, { description: '民事行为能力 / Legal capacity.' }) legalCapacity!: string;
  @Field(() => Boolean, {
    description: '身份已核验 / The identity was verified (verifyCustomerIdentity: online check, in person or video); false until then or after it lapsed.',
  })
  idVerified!: boolean;
  @Field(() => InvestorTypeEnum, { description: '投资者类型 / Ordinary or professional investor.' }) investorType!: string;
  @Field(() => String, {
    nullable: true,
    description: 'For a professional investor, what qualified them (e.g. FINANCIAL_ASSETS_5M, INCOME_500K); null for ordinary investors or when not recorded.',
  })
  investorTypeBasis!: string | null;
  @Field(() => RiskProfile, { nullable: true, description: 'Null when never assessed.' }) riskProfile!: RiskProfile | null;
  @Field(() => TierEnum, { description: '客户等级 / The tier under setting core.tierBasis (assets, contribution or the higher of the two).' }) tier!: string;
  @Field(() => ActivityEnum, {
    description:
      'By frequency of business (经常联系户 / 流动户 / 休眠户): orders not cancelled plus contacts that reached the customer (REACHED, FOLLOW_UP) within the rolling window of setting core.activityByBusiness; FREQUENT from frequentFrom of them, OCCASIONAL from occasionalFrom, else DORMANT.',
  })
  activity!: string;
  @Field(() => ContactPlan, { description: 'The contact plan: cadence, last reach, next due date.' }) contactPlan!: ContactPlan;
  @Field(() => Money, { description: 'Market value of all holdings, in CNY.' }) totalAssets!: Money;
  @Field(() => ProductCoverage, { description: '产品覆盖度 / How many of the loaded product lines the customer holds an open position in.' })
  productCoverage!: ProductCoverage;
  @Field(() => Int, { description: 'Optimistic-concurrency version; pass it back to updateCustomer.' }) version!: number;
  @Field(() => DateTimeScalar, { nullable: true, description: 'The newest contact (reached or not) or order. Activity no longer follows it: see activity.' })
  lastActivityAt!: Date | null;
}
