import { Ctx, FieldResolver, Resolver, Root, ID } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/relay/global-id.js';
import { Money, money } from '../common/money.type.js';
import { productLoader } from '../core-loaders.js';
import { Product } from '../products/product.interface.js';
import type { ProductRecord } from '../products/product.record.js';
import { prefetched } from '../prefetched.js';
import { Holding, type HoldingRow } from './holding.types.js';
import { holdingValue, prefetchedValue } from './holding-value.js';
import { holdingPositionValue } from './valuation.js';

@Resolver(() => Holding)
export class HoldingResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id of the Holding.' })
  id(@Root() h: HoldingRow): string {
    return toGlobalId('Holding', h.id);
  }

  @FieldResolver(() => Product)
  product(@Root() h: HoldingRow, @Ctx() ctx: HostContext): ProductRecord | Promise<ProductRecord> {
    return (
      prefetched(ctx).products.get(h.productId) ??
      productLoader(ctx)
        .load(h.productId)
        .then((p) => p!)
    );
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
