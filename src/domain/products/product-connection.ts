import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/relay/types.js';
import { SuitabilityDecisionType } from '../../suitability/decision.types.js';
import { Product } from './product.interface.js';

@ObjectType('ProductEdge')
export class ProductEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Product) node!: Product;
  @Field(() => SuitabilityDecisionType, {
    nullable: true,
    description: 'The decision for the customer, on `Customer.eligibleProducts` edges; null elsewhere.',
  })
  decision?: SuitabilityDecisionType | null;
}

@ObjectType('ProductConnection', { description: 'A page of products.' })
export class ProductConnection {
  @Field(() => [ProductEdge]) edges!: ProductEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}
