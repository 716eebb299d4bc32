import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes, DateTimeScalar, DecimalScalar, Money, Product, RiskLevelEnum } from '@finmart/sdk';

/** Kind of gold product. */
export enum GoldType {
  PHYSICAL_BAR = 'PHYSICAL_BAR',
  ACCOUNT_GOLD = 'ACCOUNT_GOLD',
  GOLD_SAVINGS_PLAN = 'GOLD_SAVINGS_PLAN',
}

registerEnumType(GoldType, {
  name: 'GoldType',
  description: '黄金产品类型 / Kind of gold product',
  valuesConfig: {
    PHYSICAL_BAR: { description: '实物金条 / Physical bar (retail goods, identity check only)' },
    ACCOUNT_GOLD: { description: '积存金、纸黄金 / Account gold, traded at the live gram price' },
    GOLD_SAVINGS_PLAN: { description: '黄金定投计划 / Gold savings plan (regular contributions)' },
  },
});

/** One gram price of a gold product. */
@ObjectType('GoldPrice', { description: '金价（人民币元/克） / Gram price in CNY' })
export class GoldPrice {
  @Field(() => DateTimeScalar, { description: 'When the price was published.' }) at!: Date;
  @Field(() => DecimalScalar, { description: 'CNY per gram.' }) pricePerGram!: string;
}

export const { Connection: GoldPriceConnection, Edge: GoldPriceEdge } = connectionTypes('GoldPrice', () => GoldPrice);

/**
 * A precious-metals product (贵金属). Holdings are counted in grams, valued at
 * grams × the latest gram price.
 */
@ObjectType('GoldProduct', { implements: Product, description: '贵金属产品 / Precious-metals product' })
export class GoldProduct extends Product {
  @Field(() => GoldType, { description: '黄金产品类型 / Physical bar, account gold or a savings plan.' }) goldType!: GoldType;
  @Field(() => String, { description: 'Fineness, e.g. "Au99.99".' }) purity!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Weight of one bar in grams; null unless a physical bar.' })
  barWeightGrams!: string | null;
  @Field(() => Money, { nullable: true, description: 'Latest price per gram (CNY); null before the first price.' })
  latestGramPrice!: Money | null;
  @Field(() => GoldPriceConnection, { description: 'Gram prices, oldest first (use `last` for the newest).' })
  priceHistory!: unknown;
  @Field(() => DecimalScalar, { description: 'Smallest purchase in grams (the stricter of the product terms and the bank setting).' })
  minimumGrams!: string;
  @Field(() => DecimalScalar, { description: 'Grams are bought in multiples of this.' }) gramStep!: string;
  @Field(() => String, { description: 'When the product can be traded, in the request language.' }) tradingHours!: string;
  @Field(() => RiskLevelEnum, { nullable: true, description: 'Lowest customer risk level to buy; null for physical bars.' })
  requiredRiskLevel!: string | null;
}
