import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../graphql/scalars.js';
import { connectionTypes, Node } from '../graphql/relay/types.js';

export enum PointsEntryKindEnum {
  EARNED = 'EARNED',
  REVERSED = 'REVERSED',
  ADJUSTED = 'ADJUSTED',
  REDEEMED = 'REDEEMED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(PointsEntryKindEnum, {
  name: 'PointsEntryKind',
  description: "积分流水类型 / What moved a customer's points",
  valuesConfig: {
    EARNED: { description: "Earned by a purchase, in the order's transaction (core.points: per line, per CNY 100, times the tier's multiplier)." },
    REVERSED: { description: 'Taken back: the order that earned them was cancelled in its cooling-off period.' },
    ADJUSTED: { description: 'Granted or deducted by head office, with a written reason.' },
    REDEEMED: { description: 'Spent on an item of the redemption catalogue (fee discounts, services).' },
    EXPIRED: { description: 'Lapsed: points past core.points.validityDays, first earned first lapsed.' },
  },
});

@ObjectType('PointsEntry', {
  implements: Node,
  description: "积分流水 / One line of a customer's points ledger (append-only: lines are never changed or removed)",
})
export class PointsEntry extends Node {
  @Field(() => PointsEntryKindEnum, { description: 'What moved the points.' }) kind!: string;
  @Field(() => Int, { description: 'Signed: positive when points come in, negative when they go out.' }) points!: number;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the points of a positive line lapse; null for lines that take points away.' })
  expiresAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'EARNED / REVERSED: the product line of the order.' }) line!: string | null;
  @Field(() => String, { nullable: true, description: 'REDEEMED: the catalogue item (core.points.redemptions).' }) item!: string | null;
  @Field(() => String, { nullable: true, description: "ADJUSTED: head office's written reason." }) reason!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the line was booked.' }) at!: Date;
}
export const { Connection: PointsEntryConnection } = connectionTypes('PointsEntry', () => PointsEntry);

@ObjectType('CustomerPoints', { description: "客户积分 / A customer's points: balance, what lapses soon, and the ledger" })
export class CustomerPoints {
  @Field(() => Int, { description: 'Points the customer may spend now (points past their day no longer count, booked or not).' }) balance!: number;
  @Field(() => Int, { description: 'Points of the balance that lapse within core.points.expiringSoonDays unless spent first.' }) expiringSoon!: number;
  @Field(() => Int, { description: 'The look-ahead expiringSoon counts over, in days (core.points.expiringSoonDays).' }) expiringWithinDays!: number;
}

@ObjectType('PointsRedemptionItem', { description: '积分兑换项目 / What points buy (core.points.redemptions)' })
export class PointsRedemptionItem {
  @Field(() => String, { description: 'The item code redeemPoints takes.' }) code!: string;
  @Field(() => String, { description: "What the customer gets, in the caller's language." }) label!: string;
  @Field(() => Int, { description: 'What it costs, in points.' }) points!: number;
}

@InputType('RedeemPointsInput', { description: "A redemption at the customer's request." })
export class RedeemPointsInput {
  @Field(() => ID, { description: "The customer (in the caller's scope)." }) customerId!: string;
  @Field(() => String, { description: 'The catalogue item (pointsRedemptionCatalogue).' }) item!: string;
  @Field(() => String, { description: 'Idempotency key (8–100 printable characters): the same key replays the first redemption.' }) idempotencyKey!: string;
}

@InputType('AdjustPointsInput', { description: "A head-office adjustment of a customer's points." })
export class AdjustPointsInput {
  @Field(() => ID, { description: 'The customer.' }) customerId!: string;
  @Field(() => Int, {
    description: 'Signed, non-zero, at most 1,000,000 either way: a grant (valid for core.points.validityDays) or a deduction (never below a zero balance).',
  })
  points!: number;
  @Field(() => String, { description: 'Why (1–500 characters); kept in the ledger.' }) reason!: string;
}
