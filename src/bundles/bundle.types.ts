import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { LifeStageEnum, TierEnum } from '../domain/common/enums.js';
import { Money } from '../domain/common/money.type.js';
import { Product } from '../domain/products/product.interface.js';
import { connectionTypes, Node } from '../graphql/relay/types.js';
import { DateTimeScalar, DecimalScalar } from '../graphql/scalars.js';
import { BundleKindEnum, BundleService, BundleStatusEnum } from './bundle-admin.types.js';
import { SuitabilityDecisionType } from '../suitability/decision.types.js';

@ObjectType('BundleTarget', { description: 'The segment a bundle is for (an empty list: any).' })
export class BundleTarget {
  @Field(() => [String], { description: 'CONSERVATIVE (C1–C2), BALANCED (C3), AGGRESSIVE (C4–C5).' }) riskAttitudes!: string[];
  @Field(() => [LifeStageEnum], { description: '人生阶段 / Life stages the bundle is for (empty: any).' }) lifeStages!: string[];
  @Field(() => [String], { description: 'ULTRA_HIGH, MIDDLE_HIGH, GENERAL (household income; thresholds are a setting).' }) incomeBands!: string[];
  @Field(() => TierEnum, { nullable: true, description: '最低客户等级 / The lowest tier the bundle is offered to; null: any tier.' }) minimumTier!:
    string | null;
}

@ObjectType('BundleFee', { description: 'A fee the bundle waives.' })
export class BundleFee {
  @Field(() => String, { description: "The fee's code (UPPER_CASE), as designed." }) code!: string;
  @Field(() => String, { description: 'In the request language.' }) name!: string;
}

@ObjectType('BundlePricing', { description: 'Pricing is data: waived fees, discounts, a note.' })
export class BundlePricing {
  @Field(() => [BundleFee], { description: 'Fees the bundle waives.' }) waivedFees!: BundleFee[];
  @Field(() => DecimalScalar, { nullable: true, description: 'Discount on subscription fees, in percent.' }) feeDiscountPercent!: string | null;
  @Field(() => String, { nullable: true, description: 'A note on the pricing, in the request language; null: none.' }) note!: string | null;
  @Field(() => GraphQLJSONObject, { description: 'The pricing record as stored.' }) raw!: Record<string, unknown>;
}

@ObjectType('BundleItem', { description: '套餐内产品 / A product in a bundle, with its role and what a bundle order buys of it.' })
export class BundleItem {
  @Field(() => Int, { description: 'Place of the item in the bundle (1, 2, …).' }) position!: number;
  @Field(() => Product, { description: 'The product.' }) product!: Product;
  @Field(() => String, { description: 'What the product does in the bundle, in the request language.' }) role!: string;
  @Field(() => Money, { nullable: true, description: 'What a bundle order buys by default, in the product currency; null: the product minimum.' })
  suggestedAmount!: Money | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Units included (e.g. 1 card), when the bundle counts units.' }) quantity!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Share of the allocation (0–1), when the bundle is an allocation.' }) share!: string | null;
}

@ObjectType('Bundle', { implements: Node, description: 'A named combination of products (产品组合/套餐).' })
export class Bundle extends Node {
  @Field(() => String, { description: "套餐代码 / The bundle's code; every version of a bundle shares it." }) code!: string;
  @Field(() => String, { description: '套餐名称 / The name in the request language.' }) name!: string;
  @Field(() => String, { description: '中文名称 / The Chinese name.' }) nameZh!: string;
  @Field(() => String, { description: '英文名称 / The English name.' }) nameEn!: string;
  @Field(() => String, { description: '套餐说明 / What the bundle combines and for whom, in the request language.' }) description!: string;
  @Field(() => BundleKindEnum, {
    description:
      '套餐类型 / What the bundle is organised by: ACCOUNT_TYPE, RISK_ATTITUDE, LIFE_STAGE, INCOME or PROMOTION (bundles stored before versions may read the deprecated ACCOUNT_OPENING, INVESTMENT_ACCOUNT, TRANSACTION or RISK_PORTFOLIO).',
  })
  kind!: string;
  @Field(() => Int, { description: 'Version of the bundle code (1, 2, …): updateBundle writes a new one.' }) version!: number;
  @Field(() => BundleStatusEnum, { description: '套餐状态 / Whether this version is offered.' }) status!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Offered from (null: since it was created).' }) validFrom!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Offered until (null: open-ended).' }) validTo!: Date | null;
  @Field(() => BundleTarget, { description: '目标客群 / The segment the bundle is for.' }) target!: BundleTarget;
  @Field(() => BundlePricing, { description: '定价 / Waived fees, discount and note.' }) pricing!: BundlePricing;
  @Field(() => [BundleItem], { description: 'Items of loaded product lines, in order.' }) items!: BundleItem[];
  @Field(() => [BundleService], { description: 'What it includes besides products: services granted and conditions (setting core.bundleServices).' })
  services!: BundleService[];
}

export const { Connection: BundleConnection } = connectionTypes('Bundle', () => Bundle);

@ObjectType('BundleTargetCheck', { description: 'One targeting criterion checked against the customer.' })
export class BundleTargetCheck {
  @Field(() => String, { description: 'RISK_ATTITUDE, LIFE_STAGE, MINIMUM_TIER or INCOME_BAND.' }) criterion!: string;
  @Field(() => Boolean, { description: 'The customer meets this criterion.' }) matched!: boolean;
  @Field(() => String, { description: 'What was checked and found, in the request language.' }) message!: string;
}

@ObjectType('BundleOfferItem', { description: '套餐推荐项 / One product of a bundle offered to a customer, with its suitability decision.' })
export class BundleOfferItem {
  @Field(() => Product, { description: 'The product.' }) product!: Product;
  @Field(() => String, { description: 'What the product does in the bundle, in the request language.' }) role!: string;
  @Field(() => Money, { nullable: true, description: 'The amount a bundle order buys by default; null: the product minimum.' }) suggestedAmount!: Money | null;
  @Field(() => SuitabilityDecisionType, { description: '适当性结论 / The suitability decision for this customer and product, at the suggested amount.' })
  decision!: SuitabilityDecisionType;
}

@ObjectType('BundleOffer', { description: 'A bundle for one customer: the decision for it and each item, and whether it fits.' })
export class BundleOffer {
  @Field(() => Bundle, { description: 'The bundle offered.' }) bundle!: Bundle;
  @Field(() => SuitabilityDecisionType, { description: "Strictest of the items' decisions; each reason's message names its item." })
  decision!: SuitabilityDecisionType;
  @Field(() => [BundleOfferItem], { description: "Its products, in the bundle's order, each with its decision." }) items!: BundleOfferItem[];
  @Field(() => [BundleTargetCheck], { description: 'Each targeting criterion of the bundle checked against the customer.' }) targeting!: BundleTargetCheck[];
  @Field(() => Boolean, { description: 'The customer is in the segment the bundle targets.' }) fits!: boolean;
  @Field(() => Boolean, { description: 'Fits and no item is blocked.' }) recommended!: boolean;
  @Field(() => String, { description: 'Why it fits, or why not, in the request language.' }) explanation!: string;
}
