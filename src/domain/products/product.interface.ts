import { Field, Int, InterfaceType } from 'type-graphql';
import { DateTimeScalar, DecimalScalar } from '../../graphql/scalars.js';
import { Node } from '../../graphql/relay/types.js';
import { Money } from '../common/money.type.js';
import { LiquidityEnum, ProductFunctionEnum, ProductLineValues, ProductRiskEnum, ProductStatusEnum } from '../common/enums.js';

/**
 * A product of any line. Each plugin contributes one implementation
 * (`FundProduct`, `GoldProduct`…); the core fields resolve from the core row
 * (see `ProductCoreResolver`), the line's own fields from the plugin.
 */
@InterfaceType('Product', {
  implements: Node,
  autoRegisterImplementations: false,
  description: 'A product of any line; each line adds its own fields.',
  resolveType: (value: { line: string }) => lineTypeNames.get(value.line),
})
export abstract class Product extends Node {
  @Field(() => String, { description: 'Product code, unique across lines.' }) code!: string;
  @Field(() => String, { description: 'Name in the request language.' }) name!: string;
  @Field(() => String) nameZh!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => ProductLineValues) line!: string;
  @Field(() => String, { description: 'Issuer (fund house, insurer, bank…).' }) issuer!: string;
  @Field(() => ProductRiskEnum) riskRating!: string;
  @Field(() => String) currency!: string;
  @Field(() => Money) minimumAmount!: Money;
  @Field(() => DecimalScalar, { description: 'Amounts must be the minimum plus a multiple of this step (0 = any).' })
  amountStep!: string;
  @Field(() => ProductStatusEnum) status!: string;
  @Field(() => DateTimeScalar, { nullable: true }) saleStart!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) saleEnd!: Date | null;
  @Field(() => LiquidityEnum) liquidity!: string;
  @Field(() => ProductFunctionEnum) function!: string;
  @Field(() => Int, { description: 'Cooling-off period after purchase, in hours (0 = none).' }) coolingOffHours!: number;
}

/** Product line → GraphQL type name, filled from the loaded plugins at schema build. */
export const lineTypeNames = new Map<string, string>();
