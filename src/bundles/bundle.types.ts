import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { LifeStageEnum, TierEnum } from '../domain/common/enums.js';
import { Money } from '../domain/common/money.type.js';
import { Product } from '../domain/products/product.interface.js';
import { connectionTypes, Node } from '../graphql/relay/types.js';
import { DateTimeScalar, DecimalScalar } from '../graphql/scalars.js';
import { BundleService, BundleStatusEnum } from './bundle-admin.types.js';
import { SuitabilityDecisionType } from '../suitability/decision.types.js';

@ObjectType('BundleTarget', { description: 'The segment a bundle is for (an empty list: any).' })
export class BundleTarget {
  @Field(() => [String], { description: 'CONSERVATIVE (C1–C2), BALANCED (C3), AGGRESSIVE (C4–C5).' }) riskAttitudes!: string[];
  @Field(() => [LifeStageEnum]) lifeStages!: string[];
  @Field(() => [String], { description: 'ULTRA_HIGH, MIDDLE_HIGH, GENERAL (household income; thresholds are a setting).' }) incomeBands!: string[];
  @Field(() => TierEnum, { nullable: true }) minimumTier!: string | null;
}

@ObjectType('BundleFee', { description: 'A fee the bundle waives.' })
export class BundleFee {
  @Field(() => String) code!: string;
  @Field(() => String, { description: 'In the request language.' }) name!: string;
}

@ObjectType('BundlePricing', { description: 'Pricing is data: waived fees, discounts, a note.' })
export class BundlePricing {
  @Field(() => [BundleFee]) waivedFees!: BundleFee[];
  @Field(() => DecimalScalar, { nullable: true, description: 'Discount on subscription fees, in percent.' }) feeDiscountPercent!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => GraphQLJSONObject, { description: 'The pricing record as stored.' }) raw!: Record<string, unknown>;
}

@ObjectType('BundleItem')
export class BundleItem {
  @Field(() => Int) position!: number;
  @Field(() => Product) product!: Product;
  @Field(() => String, { description: 'What the product does in the bundle, in the request language.' }) role!: string;
  @Field(() => Money, { nullable: true }) suggestedAmount!: Money | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Units included (e.g. 1 card), when the bundle counts units.' }) quantity!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Share of the allocation (0–1), when the bundle is an allocation.' }) share!: string | null;
}

@ObjectType('Bundle', { implements: Node, description: 'A named combination of products (产品组合/套餐).' })
export class Bundle extends Node {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String) nameZh!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { description: 'A BundleKind: ACCOUNT_TYPE, RISK_ATTITUDE, LIFE_STAGE, INCOME or PROMOTION (bundles stored before versions may read ACCOUNT_OPENING, INVESTMENT_ACCOUNT, TRANSACTION or RISK_PORTFOLIO).' }) kind!: string;
  @Field(() => Int, { description: 'Version of the bundle code (1, 2, …): updateBundle writes a new one.' }) version!: number;
  @Field(() => BundleStatusEnum) status!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Offered from (null: since it was created).' }) validFrom!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Offered until (null: open-ended).' }) validTo!: Date | null;
  @Field(() => BundleTarget) target!: BundleTarget;
  @Field(() => BundlePricing) pricing!: BundlePricing;
  @Field(() => [BundleItem], { description: 'Items of loaded product lines, in order.' }) items!: BundleItem[];
  @Field(() => [BundleService], { description: 'What it includes besides products: services granted and conditions (setting core.bundleServices).' }) services!: BundleService[];
}

export const { Connection: BundleConnection } = connectionTypes('Bundle', () => Bundle);

@ObjectType('BundleTargetCheck', { description: 'One targeting criterion checked against the customer.' })
export class BundleTargetCheck {
  @Field(() => String, { description: 'RISK_ATTITUDE, LIFE_STAGE, MINIMUM_TIER or INCOME_BAND.' }) criterion!: string;
  @Field(() => Boolean) matched!: boolean;
  @Field(() => String) message!: string;
}

@ObjectType('BundleOfferItem')
export class BundleOfferItem {
  @Field(() => Product) product!: Product;
  @Field(() => String) role!: string;
  @Field(() => Money, { nullable: true }) suggestedAmount!: Money | null;
  @Field(() => SuitabilityDecisionType) decision!: SuitabilityDecisionType;
}

@ObjectType('BundleOffer', { description: 'A bundle for one customer: the decision for it and each item, and whether it fits.' })
export class BundleOffer {
  @Field(() => Bundle) bundle!: Bundle;
  @Field(() => SuitabilityDecisionType, { description: "Strictest of the items' decisions; each reason's message names its item." })
  decision!: SuitabilityDecisionType;
  @Field(() => [BundleOfferItem]) items!: BundleOfferItem[];
  @Field(() => [BundleTargetCheck]) targeting!: BundleTargetCheck[];
  @Field(() => Boolean, { description: 'The customer is in the segment the bundle targets.' }) fits!: boolean;
  @Field(() => Boolean, { description: 'Fits and no item is blocked.' }) recommended!: boolean;
  @Field(() => String, { description: 'Why it fits, or why not, in the request language.' }) explanation!: string;
}
