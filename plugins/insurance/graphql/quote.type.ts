import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, Money } from '../../../src/sdk/index.js';

/** A premium quote from the product's rate table. */
@ObjectType('InsuranceQuote', { description: '保费试算 / A premium quote from the rate table.' })
export class InsuranceQuote {
  @Field(() => Money, { description: 'Sum assured ÷ 1,000 × rate, rounded half up to the cent.' })
  annualPremium!: Money;
  @Field(() => Money, { description: 'Annual premium × payment years.' })
  totalPremium!: Money;
  @Field(() => Int, { description: 'Payment period in years (1 = single premium).' })
  paymentYears!: number;
  @Field(() => Money, { description: '保额 / The sum assured quoted for.' })
  sumAssured!: Money;
  @Field(() => DecimalScalar, { description: 'The rate used, per 1,000 of sum assured.' })
  ratePerThousand!: string;
}
