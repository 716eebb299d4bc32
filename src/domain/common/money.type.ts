import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../graphql/scalars.js';

/** An amount of money: an exact decimal and an ISO 4217 currency. */
@ObjectType('Money', { description: 'An exact amount and its ISO 4217 currency.' })
export class Money {
  @Field(() => DecimalScalar, { description: '金额 / The amount, as an exact decimal string (never a float).' }) amount!: string;
  @Field(() => String, { description: '币种 / ISO 4217 currency code (CNY, USD…).' }) currency!: string;
}

/** Builds a {@link Money}. */
export const money = (amount: string, currency: string): Money => ({ amount, currency });
