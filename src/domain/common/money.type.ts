import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../graphql/scalars.js';

/** An amount of money: an exact decimal and an ISO 4217 currency. */
@ObjectType('Money', { description: 'An exact amount and its ISO 4217 currency.' })
export class Money {
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => String) currency!: string;
}

/** Builds a {@link Money}. */
export const money = (amount: string, currency: string): Money => ({ amount, currency });
