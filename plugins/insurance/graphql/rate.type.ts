import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../../src/sdk/index.js';

/** One row of a product's premium rate table. */
@ObjectType('InsuranceRate', { description: '费率表中的一行：每千元保额的年交保费 / A rate-table row: yearly premium per 1,000 of sum assured.' })
export class InsuranceRate {
  @Field(() => String, { description: 'Sex of the insured: MALE or FEMALE (the `Gender` values).' })
  sex!: string;
  @Field(() => Int, { description: 'Youngest insured age of the band (inclusive).' })
  ageFrom!: number;
  @Field(() => Int, { description: 'Oldest insured age of the band (inclusive).' })
  ageTo!: number;
  @Field(() => Int, { description: 'Payment period in years (1 = single premium).' })
  paymentYears!: number;
  @Field(() => DecimalScalar, { description: 'Premium per 1,000 of sum assured, per year of payment.' })
  ratePerThousand!: string;
}
