import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root, ID, registerEnumType } from 'type-graphql';
import type { HostContext } from '../../app/runtime.js';
import type { holdings } from '../../db/schema/index.js';
import { DateTimeScalar, DecimalScalar } from '../../graphql/scalars.js';
import { toGlobalId } from '../../graphql/relay/global-id.js';
import { connectionTypes, Node } from '../../graphql/relay/types.js';
import { Money, money } from '../common/money.type.js';
import { exchangeRatesLoader, productLoader } from '../core-loaders.js';
import { Product } from '../products/product.interface.js';
import type { ProductRecord } from '../products/product.record.js';
import { prefetched } from '../prefetched.js';
import { holdingPositionValue, valueHolding, type HoldingValue } from './valuation.js';

type HoldingRow = typeof holdings.$inferSelect;

/** A position's state; the values are the strings stored in `holdings.status`. */
export enum HoldingStatusEnum { ACTIVE = 'ACTIVE', PENDING = 'PENDING', CLOSED = 'CLOSED' }
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
  @Field(() => Money, { description: '持仓成本 / What the position cost, in the product currency (purchases less the cost of what was redeemed).' }) cost!: Money;
  @Field(() => Money, { description: 'Market value in the product currency, valued by its line.' }) marketValue!: Money;
  @Field(() => Money, { description: 'Market value in CNY.' }) marketValueCny!: Money;
  @Field(() => HoldingStatusEnum, { description: '持仓状态 / ACTIVE, or PENDING during a cooling-off period (CLOSED positions are not listed on a customer).' }) status!: string;
  @Field(() => DateTimeScalar, { description: '建仓时间 / When the position was opened (its first purchase).' }) openedAt!: Date;
}

export const { Connection: HoldingConnection, Edge: HoldingEdge } = connectionTypes('Holding', () => Holding);

@Resolver(() => Holding)
export class HoldingResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id of the Holding.' })
  id(@Root() h: HoldingRow): string {
    return toGlobalId('Holding', h.id);
  }

  @FieldResolver(() => Product)
  product(@Root() h: HoldingRow, @Ctx() ctx: HostContext): ProductRecord | Promise<ProductRecord> {
    return prefetched(ctx).products.get(h.productId) ?? productLoader(ctx).load(h.productId).then((p) => p!);
  }

  @FieldResolver(() => Money)
  cost(@Root() h: HoldingRow): Money {
    return money(h.costAmount, h.costCurrency);
  }

  @FieldResolver(() => Money)
  marketValue(@Root() h: HoldingRow, @Ctx() ctx: HostContext): Money | Promise<Money> {
    // Only the position's own currency: converting to CNY is left to marketValueCny.
    const p = prefetched(ctx).products.get(h.productId);
    if (p) {
      const v = holdingPositionValue(ctx.host, h, p);
      return money(v.amount, v.currency);
    }
    return productLoader(ctx)
      .load(h.productId)
      .then((product) => {
        const v = holdingPositionValue(ctx.host, h, product!);
        return money(v.amount, v.currency);
      });
  }

  @FieldResolver(() => Money)
  marketValueCny(@Root() h: HoldingRow, @Ctx() ctx: HostContext): Money | Promise<Money> {
    const known = prefetchedValue(h, ctx);
    if (known) return money(known.amountCny, 'CNY');
    return holdingValue(h, ctx).then((v) => money(v.amountCny, 'CNY'));
  }
}

/** A holding's value from what its page fetched ahead (no promise); null when its product or the rates were not. */
export function prefetchedValue(h: HoldingRow, ctx: HostContext): HoldingValue | null {
  const ahead = prefetched(ctx);
  const p = ahead.products.get(h.productId);
  return p && ahead.rates ? valueHolding(ctx.host, h, p, ahead.rates) : null;
}

/** A holding's value, with its product and the rates fetched through the request's loaders. */
export async function holdingValue(h: HoldingRow, ctx: HostContext) {
  const [p, rates] = await Promise.all([productLoader(ctx).load(h.productId), exchangeRatesLoader(ctx).load('all')]);
  return valueHolding(ctx.host, h, p!, rates);
}
