import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes, DateTimeScalar, DecimalScalar, Product } from '../../../src/sdk/index.js';

/** Kind of forex product. */
export enum ForexProductKind {
  SPOT_EXCHANGE = 'SPOT_EXCHANGE',
  CASH_EXCHANGE = 'CASH_EXCHANGE',
  FX_DEPOSIT = 'FX_DEPOSIT',
  STRUCTURED_DEPOSIT = 'STRUCTURED_DEPOSIT',
  FX_MARGIN = 'FX_MARGIN',
}

registerEnumType(ForexProductKind, {
  name: 'ForexProductKind',
  description: '外汇产品类型 / Kind of forex product',
  valuesConfig: {
    SPOT_EXCHANGE: { description: '现汇结售汇 / Spot exchange (buy or sell FX against CNY, account to account)' },
    CASH_EXCHANGE: { description: '外币现钞兑换 / Foreign banknote exchange' },
    FX_DEPOSIT: { description: '外币存款 / Foreign-currency deposit' },
    STRUCTURED_DEPOSIT: { description: '外币结构性存款（含双币存款） / FX structured deposit, incl. dual-currency' },
    FX_MARGIN: { description: '个人外汇保证金交易 / FX margin trading' },
  },
});

/** Board rates of a currency at one instant, CNY per 100 units. */
@ObjectType('ForexRate', { description: '外汇牌价（人民币/100外币） / Board rates, CNY per 100 units' })
export class ForexRate {
  @Field(() => DateTimeScalar, { description: 'When the board published these rates.' }) at!: Date;
  @Field(() => DecimalScalar, { description: 'Bank buys FX (customer sells) at this rate, CNY per 100 units.' }) buyRate!: string;
  @Field(() => DecimalScalar, { description: 'Bank sells FX (customer buys) at this rate, CNY per 100 units.' }) sellRate!: string;
  @Field(() => DecimalScalar, { description: 'Middle rate, CNY per 100 units.' }) middleRate!: string;
}

export const { Connection: ForexRateConnection, Edge: ForexRateEdge } = connectionTypes('ForexRate', () => ForexRate);

/**
 * A forex product (外汇): one per currency and kind offered to retail
 * customers. The core `currency` field is the foreign currency; amounts and
 * holdings are in it. Rates follow Chinese bank boards: CNY per 100 units.
 */
@ObjectType('ForexProduct', { implements: Product, description: '外汇产品 / Forex product' })
export class ForexProduct extends Product {
  @Field(() => ForexProductKind, { description: '外汇产品类型 / What kind of forex product it is.' }) kind!: ForexProductKind;
  @Field(() => Int, { description: 'Rates are quoted per this many units of the currency (100).' }) quoteUnits!: number;
  @Field(() => DecimalScalar, { nullable: true, description: 'Latest rate at which the bank buys the currency, CNY per 100 units.' })
  buyRate!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Latest rate at which the bank sells the currency, CNY per 100 units.' })
  sellRate!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Latest middle rate, CNY per 100 units.' }) middleRate!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the latest rates were published.' }) ratesAt!: Date | null;
  @Field(() => ForexRateConnection, { description: 'Board rates of the currency, oldest first (use `last` for the newest).' })
  rateHistory!: unknown;
  @Field(() => Int, { nullable: true, description: 'Term in months (deposits, structured deposits).' }) termMonths!: number | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Deposit rate, or highest expected rate of a structured deposit (% a year).' })
  annualRatePct!: string | null;
  @Field(() => String, { nullable: true, description: 'Dual-currency deposits: the currency principal may be repaid in.' })
  linkedCurrency!: string | null;
}
