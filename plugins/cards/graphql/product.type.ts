import { Field, ObjectType } from 'type-graphql';
import { Money, Product } from '../../../src/sdk/index.js';
import { CardDailyLimits } from './daily-limits.type.js';
import { AccountClassEnum, CardKindEnum, CreditCardTypeEnum } from './enums.js';

/** A bank card or account product: debit (with its account class) or credit. */
@ObjectType('CardProduct', { implements: Product, description: '银行卡 / A debit card/account or a credit card.' })
export class CardProduct extends Product {
  @Field(() => CardKindEnum, { description: '银行卡种类 / Debit or credit.' })
  cardKind!: CardKindEnum;

  @Field(() => AccountClassEnum, { nullable: true, description: 'Debit only.' })
  accountClass!: AccountClassEnum | null;

  @Field(() => CreditCardTypeEnum, { nullable: true, description: 'Credit only.' })
  creditCardType!: CreditCardTypeEnum | null;

  @Field(() => String, { description: 'Card network: UnionPay, Visa, Mastercard…' })
  network!: string;

  @Field(() => Money, { description: '年费 / The annual fee, before any waiver.' })
  annualFee!: Money;

  @Field(() => String, { nullable: true, description: 'How the annual fee is waived, in the request language.' })
  annualFeeWaiverRule!: string | null;

  @Field(() => Money, { nullable: true, description: 'Credit only.' })
  creditLimitMin!: Money | null;

  @Field(() => Money, { nullable: true, description: 'Credit only.' })
  creditLimitMax!: Money | null;

  @Field(() => CardDailyLimits, { nullable: true, description: 'Class II/III accounts only; from bank settings.' })
  dailyLimits!: CardDailyLimits | null;

  @Field(() => String, { nullable: true, description: 'Co-branded cards: the partner (airline, retailer…).' })
  coBrandPartner!: string | null;
}
