import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/relay/types.js';
import { SuitabilityDecisionType } from '../../suitability/decision.types.js';
import { Product } from './product.interface.js';

@ObjectType('ProductEdge', { description: "One Product of a page, with its cursor and, for a customer's eligible products, the suitability decision." })
export class ProductEdge {
  @Field(() => String, { description: 'Opaque cursor of this item: pass it as `after` (or `before`) to page on from here.' }) cursor!: string;
  @Field(() => Product, { description: 'The Product itself.' }) node!: Product;
  @Field(() => SuitabilityDecisionType, {
    nullable: true,
    description: 'The decision for the customer, on `Customer.eligibleProducts` edges; null elsewhere.',
  })
  decision?: SuitabilityDecisionType | null;
}

@ObjectType('ProductConnection', { description: 'A page of products (Relay connection: page with first/after or last/before).' })
export class ProductConnection {
  @Field(() => [ProductEdge], { description: "The items of this page, in the list's order." }) edges!: ProductEdge[];
  @Field(() => PageInfo, { description: 'Whether more items precede or follow this page, and the cursors to page on.' }) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Total matching items (counted only when asked for).' }) totalCount!: number;
}
