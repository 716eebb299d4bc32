import { Ctx, FieldResolver, Resolver, Root, ID } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/relay/global-id.js';
import { Money, money } from '../common/money.type.js';
import { Product } from './product.interface.js';
import type { ProductRecord } from './product.record.js';

/** Core fields of every product, whatever its line. */
@Resolver(() => Product)
export class ProductCoreResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id of the Product.' })
  id(@Root() p: ProductRecord): string {
    return toGlobalId('Product', p.id);
  }

  @FieldResolver(() => String)
  name(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): string {
    return ctx.lang === 'en' ? p.nameEn : p.nameZh;
  }

  @FieldResolver(() => Money)
  minimumAmount(@Root() p: ProductRecord): Money {
    return money(p.minimumAmount, p.currency);
  }
}
