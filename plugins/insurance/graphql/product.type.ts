import { Field, Int, ObjectType } from 'type-graphql';
import { Product } from '../../../src/sdk/index.js';
import { InsuranceTypeEnum, PremiumModeEnum } from './enums.js';
import { InsuranceRate } from './rate.type.js';

/**
 * A policy the bank sells as the insurer's agent (bancassurance). Core fields
 * come from the host; these from `insurance_details` and `insurance_rates`
 * (see InsuranceProductResolver).
 */
@ObjectType('InsuranceProduct', {
  implements: Product,
  description: '银行代理销售的保险产品 / An insurance policy sold by the bank as agent (bancassurance).',
})
export class InsuranceProduct extends Product {
  @Field(() => String, { description: "The insurer's partner code (e.g. `pingan-life`); its name is `issuer`." })
  insurer!: string;

  @Field(() => InsuranceTypeEnum, { description: '险种 / The kind of insurance.' })
  insuranceType!: InsuranceTypeEnum;

  @Field(() => Boolean, {
    description: 'Benefits fixed by contract (traditional, health, accident, annuity); false for participating, universal and investment-linked.',
  })
  guaranteedBenefits!: boolean;

  @Field(() => Int, { nullable: true, description: 'Cover term in years; null = whole life (终身).' })
  coverTermYears!: number | null;

  @Field(() => [PremiumModeEnum], { description: '缴费方式 / How premiums may be paid.' })
  premiumModes!: PremiumModeEnum[];

  @Field(() => [Int], { description: 'Payment periods offered, in years (1 = single premium).' })
  paymentYearsOptions!: number[];

  @Field(() => Int, { description: 'Youngest insurable age.' })
  insuredAgeMin!: number;

  @Field(() => Int, { description: 'Oldest insurable age.' })
  insuredAgeMax!: number;

  @Field(() => Int, { description: '犹豫期: days after receipt of the policy to cancel for a full refund (0 = none).' })
  coolingOffDays!: number;

  @Field(() => Boolean, { description: "Pays on the insured's death." })
  providesDeathCover!: boolean;

  @Field(() => [InsuranceRate], {
    description: 'Premium rates per 1,000 of sum assured by sex, age band and payment years (a fixed table, not a growing list).',
  })
  rateTable!: InsuranceRate[];
}
