import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { holdings } from '../../db/schema/index.js';
import { DateTimeScalar, DecimalScalar } from '../../graphql/scalars.js';
import { connectionTypes, Node } from '../../graphql/relay/types.js';
import { Money } from '../common/money.type.js';
import { Product } from '../products/product.interface.js';

export type HoldingRow = typeof holdings.$inferSelect;

/** A position's state; the values are the strings stored in `holdings.status`. */
export enum HoldingStatusEnum {
  ACTIVE = 'ACTIVE',
  PENDING = 'PENDING',
  CLOSED = 'CLOSED',
}
registerEnumType(HoldingStatusEnum, {
  name: 'HoldingStatus',
  description: '持仓状态 / The state of a position',
  valuesConfig: {
    ACTIVE: { description: '持有中 / Held: the purchase settled (or no cooling-off applied).' },
    PENDING: { description: '冷静期内 / Bought, within its cooling-off period: the order may still be cancelled; it becomes ACTIVE when the period ends.' },
    CLOSED: { description: '已结清 / Closed: redeemed or sold in full, or its order cancelled in the cooling-off period.' },
  },
});

@ObjectType('Holding', { implements: Node, description: '客户持仓 / A position a customer holds in one product.' })
export class Holding extends Node {
  @Field(() => Product, { description: '持有的产品 / The product held.' }) product!: Product;
  @Field(() => DecimalScalar, { description: 'Units, grams, currency amount or policies, by line.' }) quantity!: string;
  @Field(() => Money, { description: '持仓成本 / What the position cost, in the product currency (purchases less the cost of what was redeemed).' })
  cost!: Money;
  @Field(() => Money, { description: 'Market value in the product currency, valued by its line.' }) marketValue!: Money;
  @Field(() => Money, { description: 'Market value in CNY.' }) marketValueCny!: Money;
  @Field(() => HoldingStatusEnum, { description: '持仓状态 / ACTIVE, or PENDING during a cooling-off period (CLOSED positions are not listed on a customer).' })
  status!: string;
  @Field(() => DateTimeScalar, { description: '建仓时间 / When the position was opened (its first purchase).' }) openedAt!: Date;
}

export const { Connection: HoldingConnection, Edge: HoldingEdge } = connectionTypes('Holding', () => Holding);
