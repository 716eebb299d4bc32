import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { InitiatorEnum, LifeStageEnum, SaleChannelEnum, TierEnum } from '../domain/common/enums.js';
import { Money } from '../domain/common/money.type.js';
import { Order } from '../orders/order.types.js';
import { Node } from '../graphql/relay/types.js';
import { DateTimeScalar, DecimalScalar } from '../graphql/scalars.js';

export enum BundleKindEnum {
  ACCOUNT_TYPE = 'ACCOUNT_TYPE',
  RISK_ATTITUDE = 'RISK_ATTITUDE',
  LIFE_STAGE = 'LIFE_STAGE',
  INCOME = 'INCOME',
  PROMOTION = 'PROMOTION',
  // Kinds of bundles stored before bundle versions: read only (Bundle.kind), refused by createBundle / updateBundle.
  ACCOUNT_OPENING = 'ACCOUNT_OPENING',
  INVESTMENT_ACCOUNT = 'INVESTMENT_ACCOUNT',
  TRANSACTION = 'TRANSACTION',
  RISK_PORTFOLIO = 'RISK_PORTFOLIO',
}
/** The kinds a bundle may be designed with; the others are only read on bundles stored before versions. */
export const DESIGNABLE_BUNDLE_KINDS: readonly string[] = [
  BundleKindEnum.ACCOUNT_TYPE,
  BundleKindEnum.RISK_ATTITUDE,
  BundleKindEnum.LIFE_STAGE,
  BundleKindEnum.INCOME,
  BundleKindEnum.PROMOTION,
];
const LEGACY_KIND = 'A kind of bundles stored before bundle versions: only read, never accepted by createBundle or updateBundle.';
registerEnumType(BundleKindEnum, {
  name: 'BundleKind',
  description: '套餐类型 / What a bundle is organised by',
  valuesConfig: {
    ACCOUNT_TYPE: { description: '按账户类型（结算、交易、代收费、投资理财账户套餐）/ By account type' },
    RISK_ATTITUDE: { description: '按风险态度（保守型、中庸型、进取型）/ By risk attitude' },
    LIFE_STAGE: { description: '按年龄（人生阶段）/ By age' },
    INCOME: { description: '按收入 / By income' },
    PROMOTION: { description: '促销 / A promotion (usually with validity dates)' },
    ACCOUNT_OPENING: { description: '开户套餐（旧） / Account opening (legacy; now ACCOUNT_TYPE)', deprecationReason: `${LEGACY_KIND} Use ACCOUNT_TYPE.` },
    INVESTMENT_ACCOUNT: {
      description: '投资理财账户套餐（旧） / Investment account (legacy; now ACCOUNT_TYPE)',
      deprecationReason: `${LEGACY_KIND} Use ACCOUNT_TYPE.`,
    },
    TRANSACTION: { description: '交易账户套餐（旧） / Transaction account (legacy; now ACCOUNT_TYPE)', deprecationReason: `${LEGACY_KIND} Use ACCOUNT_TYPE.` },
    RISK_PORTFOLIO: { description: '风险组合（旧） / Risk portfolio (legacy; now RISK_ATTITUDE)', deprecationReason: `${LEGACY_KIND} Use RISK_ATTITUDE.` },
  },
});

export enum BundleStatusEnum {
  ACTIVE = 'ACTIVE',
  SUPERSEDED = 'SUPERSEDED',
  RETIRED = 'RETIRED',
}
registerEnumType(BundleStatusEnum, {
  name: 'BundleStatus',
  description:
    '套餐状态 / ACTIVE (offered within its validity dates), SUPERSEDED (a newer version exists; still sold for core.bundles.supersededGraceDays), RETIRED (withdrawn).',
  valuesConfig: {
    ACTIVE: { description: '有效 / The current version: offered and sold within its validity dates.' },
    SUPERSEDED: { description: '已被新版本取代 / A newer version exists; still sold for core.bundles.supersededGraceDays after it was replaced.' },
    RETIRED: { description: '已下架 / Withdrawn: no longer offered or sold.' },
  },
});

@ObjectType('BundleService', { description: '套餐内的非产品内容 / A service entitlement or a condition a bundle includes (setting core.bundleServices).' })
export class BundleService {
  @Field(() => String, {
    description: 'ONLINE_BANKING, MOBILE_BANKING, SMS_ALERTS, PAYROLL, BILL_PAYMENT, SECURITIES_LINK, MINIMUM_DEPOSIT, PERSONAL_CREDIT_LINE…',
  })
  code!: string;
  @Field(() => String, { description: 'ENTITLEMENT (granted with the bundle) or CONDITION (kept by the customer, or approved separately).' }) kind!: string;
  @Field(() => String, { description: 'In the request language.' }) name!: string;
  @Field(() => Money, { nullable: true, description: 'The amount a condition states (minimum deposit, credit line applied for).' }) amount!: Money | null;
}

@InputType('BundleTargetInput', { description: 'The segment (an empty list: any).' })
export class BundleTargetInput {
  @Field(() => [String], { nullable: true, description: 'CONSERVATIVE, BALANCED, AGGRESSIVE.' }) riskAttitudes?: string[];
  @Field(() => [LifeStageEnum], { nullable: true, description: 'Life stages the bundle is for.' }) lifeStages?: string[];
  @Field(() => [String], { nullable: true, description: 'ULTRA_HIGH, MIDDLE_HIGH, GENERAL.' }) incomeBands?: string[];
  @Field(() => TierEnum, { nullable: true, description: 'The lowest tier it is offered to; omitted: any.' }) minimumTier?: string;
}

@InputType('BundleFeeInput', { description: 'A fee the bundle waives.' })
export class BundleFeeInput {
  @Field(() => String, { description: 'UPPER_CASE code.' }) code!: string;
  @Field(() => String, { description: "The fee's Chinese name, 1–60 characters." }) nameZh!: string;
  @Field(() => String, { description: "The fee's English name, 1–60 characters." }) nameEn!: string;
}

@InputType('BundlePricingInput', { description: 'Waived fees, a discount on subscription fees (percent), a note.' })
export class BundlePricingInput {
  @Field(() => [BundleFeeInput], { nullable: true, description: 'Fees the bundle waives.' }) waivedFees?: BundleFeeInput[];
  @Field(() => DecimalScalar, { nullable: true, description: '0–100.' }) feeDiscountPercent?: string;
  @Field(() => String, { nullable: true, description: 'A note in Chinese, 1–200 characters (with noteEn).' }) noteZh?: string;
  @Field(() => String, { nullable: true, description: 'The note in English, 1–200 characters (with noteZh).' }) noteEn?: string;
}

@InputType('BundleItemInput', {
  description: 'A product in the bundle, with its role and, optionally, a suggested amount, units or a share of the allocation.',
})
export class BundleItemInput {
  @Field(() => ID, { description: 'The product (on sale, of a loaded line that sells rather than takes applications).' }) productId!: string;
  @Field(() => String, { description: 'What the product does in the bundle, in Chinese, 1–100 characters.' }) roleZh!: string;
  @Field(() => String, { description: 'The same in English, 1–100 characters.' }) roleEn!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'What a bundle order buys by default (else the product minimum).' }) suggestedAmount?: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Units included (e.g. 1 card).' }) quantity?: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Share of the allocation, 0–1; the shares of a bundle add up to at most 1.' }) share?: string;
}

@InputType('BundleServiceInput', { description: 'A service or condition by code (core.bundleServices), with the amount a condition states.' })
export class BundleServiceInput {
  @Field(() => String, { description: 'A service or condition code of setting core.bundleServices (ONLINE_BANKING, MINIMUM_DEPOSIT…).' }) code!: string;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'The amount a condition states, in CNY (required for conditions that state one, refused otherwise).',
  })
  amount?: string;
}

@InputType('BundleDesignInput', {
  description: 'A bundle as head office designs it. Every item must exist, be on sale and be sellable to some customer of the target segment.',
})
export class BundleDesignInput {
  @Field(() => String, { description: 'Upper-case letters, digits and hyphens, 3–40 (createBundle only; a new version keeps its code).' }) code!: string;
  @Field(() => String, { description: 'Chinese name, 1–100 characters.' }) nameZh!: string;
  @Field(() => String, { description: 'English name, 1–100 characters.' }) nameEn!: string;
  @Field(() => String, { description: 'Chinese description, 1–500 characters.' }) descriptionZh!: string;
  @Field(() => String, { description: 'English description, 1–500 characters.' }) descriptionEn!: string;
  @Field(() => BundleKindEnum, {
    description:
      'What the bundle is organised by: ACCOUNT_TYPE, RISK_ATTITUDE, LIFE_STAGE, INCOME or PROMOTION (the deprecated kinds are refused, BAD_USER_INPUT).',
  })
  kind!: string;
  @Field(() => BundleTargetInput, { nullable: true, description: 'The target segment; omitted: everyone.' }) target?: BundleTargetInput;
  @Field(() => BundlePricingInput, { nullable: true, description: 'Waived fees, discount, note; omitted: none.' }) pricing?: BundlePricingInput;
  @Field(() => [BundleItemInput], { description: 'The products, in order, each once (at most maxItems of setting core.bundles, default 12).' })
  items!: BundleItemInput[];
  @Field(() => [BundleServiceInput], {
    nullable: true,
    description: 'Services and conditions besides products (each once); items and services together at least two.',
  })
  services?: BundleServiceInput[];
  @Field(() => DateTimeScalar, { nullable: true, description: 'Offered from (default: now).' }) validFrom?: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Offered until (default: open-ended).' }) validTo?: Date;
  @Field(() => String, { description: 'Why (kept in the audit trail), 1–500 characters.' }) reason!: string;
}

@InputType('UpdateBundleInput', { description: 'A new version of an ACTIVE bundle: the whole design again; the current version becomes SUPERSEDED.' })
export class UpdateBundleInput extends BundleDesignInput {
  @Field(() => ID, { description: 'The current (ACTIVE) version.' }) bundleId!: string;
}

@InputType('RetireBundleInput', { description: 'Withdraws a bundle: no longer offered or sold.' })
export class RetireBundleInput {
  @Field(() => ID, { description: 'The bundle version to withdraw.' }) bundleId!: string;
  @Field(() => String, { description: 'Why, 1–500 characters.' }) reason!: string;
}

@InputType('BundleOrderAmountInput', {
  description: "The amount to buy of one of the bundle's products (default: its suggested amount, else the product minimum).",
})
export class BundleOrderAmountInput {
  @Field(() => ID, { description: "One of the bundle's products." }) productId!: string;
  @Field(() => DecimalScalar, { description: "The amount to buy, in the product currency (sized and checked as placeOrder's)." }) amount!: string;
}

@InputType('PlaceBundleOrderInput', { description: 'Buys a bundle: every product item in one transaction, all or nothing, each re-checked for suitability.' })
export class PlaceBundleOrderInput {
  @Field(() => ID, { description: 'The bundle version offered (an ACTIVE one, or a SUPERSEDED one within core.bundles.supersededGraceDays).' })
  bundleId!: string;
  @Field(() => ID, { description: "The customer buying (in the caller's scope)." }) customerId!: string;
  @Field(() => [BundleOrderAmountInput], {
    nullable: true,
    description: 'Amounts per product; a product not listed buys its suggested amount, else its minimum.',
  })
  amounts?: BundleOrderAmountInput[];
  @Field(() => SaleChannelEnum, { description: 'Where the sale is made.' }) channel!: string;
  @Field(() => InitiatorEnum, { description: 'Who initiated it.' }) initiator!: string;
  @Field(() => [String], { defaultValue: [], description: 'Steps already recorded for the items (signed warnings, recordings…).' }) completedSteps!: string[];
  @Field(() => String, { description: "As placeOrder's: the same key and input replay the first result (the bundle order or its refusal)." })
  idempotencyKey!: string;
}

@ObjectType('BundleOrder', {
  implements: Node,
  description: '一笔套餐办理 / A bundle bought: the version, its orders (one per product), the services granted.',
})
export class BundleOrder extends Node {
  @Field(() => [Order], { description: "The orders, in the bundle's item order." }) orders!: Order[];
  @Field(() => [BundleService], { description: 'Services granted and conditions taken on.' }) services!: BundleService[];
  @Field(() => DateTimeScalar, { description: '办理时间 / When the bundle was bought.' }) placedAt!: Date;
}
