import { Field, ObjectType } from 'type-graphql';
import { Money } from '../../../src/sdk/index.js';

/** Limits of a Class II/III account, from the bank setting `cards.accountClassLimits`. */
@ObjectType('CardDailyLimits', { description: 'Ⅱ、Ⅲ类户限额 / Limits of a Class II or III account (bank setting).' })
export class CardDailyLimits {
  @Field(() => Money, { description: 'Inflows from accounts not linked to it, per day.' })
  nonLinkedInflowDaily!: Money;
  @Field(() => Money, { description: 'Spending and outflows, per day.' })
  outflowDaily!: Money;
  @Field(() => Money, { description: 'Non-linked inflows, and spending/outflows, each per year.' })
  annualLimit!: Money;
  @Field(() => Money, { nullable: true, description: 'Most the account may hold (Class III only).' })
  balanceCap!: Money | null;
}
