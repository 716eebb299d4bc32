import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../../../src/sdk/index.js';

/** A customer's annual FX facilitation quota this calendar year (Asia/Shanghai), in USD. */
@ObjectType('FxQuota', { description: '个人年度结售汇便利化额度 / Annual FX facilitation quota (USD)' })
export class FxQuota {
  @Field(() => Int, { description: 'Calendar year (Asia/Shanghai).' }) year!: number;
  @Field(() => Money, { description: 'Annual quota per person (bank setting, USD 50,000).' }) limit!: Money;
  @Field(() => Money, { description: 'FX bought (购汇) this year, USD equivalent.' }) purchased!: Money;
  @Field(() => Money, { description: 'Purchases still possible on ID alone; 0 for foreign individuals, who have no purchase quota.' })
  remaining!: Money;
  @Field(() => Money, { description: 'FX sold (结汇) this year, USD equivalent.' }) sold!: Money;
  @Field(() => Money, { description: 'Sales still possible on ID alone.' }) sellRemaining!: Money;
  @Field(() => Boolean, { description: 'Whether purchases have a facilitation quota (onshore individuals only).' })
  purchaseQuotaApplies!: boolean;
}
