import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root, ID } from 'type-graphql';
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

@ObjectType('Holding', { implements: Node, description: 'A position a customer holds.' })
export class Holding extends Node {
  @Field(() => Product) product!: Product;
  @Field(() => DecimalScalar, { description: 'Units, grams, currency amount or policies, by line.' }) quantity!: string;
  @Field(() => Money) cost!: Money;
  @Field(() => Money, { description: 'Market value in the product currency, valued by its line.' }) marketValue!: Money;
  @Field(() => Money, { description: 'Market value in CNY.' }) marketValueCny!: Money;
  @Field(() => String, { description: 'ACTIVE, or PENDING during a cooling-off period.' }) status!: string;
  @Field(() => DateTimeScalar) openedAt!: Date;
}

export const { Connection: HoldingConnection, Edge: HoldingEdge } = connectionTypes('Holding', () => Holding);

@Resolver(() => Holding)
export class HoldingResolver {
  @FieldResolver(() => ID)
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
