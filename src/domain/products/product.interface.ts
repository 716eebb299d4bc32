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
  @Field(() => String, { description: "中文名称 / The product's Chinese name." }) nameZh!: string;
  @Field(() => String, { description: "英文名称 / The product's English name." }) nameEn!: string;
  @Field(() => ProductLineValues, { description: '产品线 / The line (plugin) the product belongs to.' }) line!: string;
  @Field(() => String, { description: 'Issuer (fund house, insurer, bank…).' }) issuer!: string;
  @Field(() => ProductRiskEnum, {
    description: "产品风险等级 / The product's risk rating R1–R5, matched against the customer's risk level by the suitability rules.",
  })
  riskRating!: string;
  @Field(() => String, { description: '币种 / Currency the product is bought and valued in (ISO 4217, e.g. CNY, USD).' }) currency!: string;
  @Field(() => Money, { description: '起购金额 / Smallest amount one purchase may be, in the product currency.' }) minimumAmount!: Money;
  @Field(() => DecimalScalar, { description: 'Amounts must be the minimum plus a multiple of this step (0 = any).' })
  amountStep!: string;
  @Field(() => ProductStatusEnum, { description: '产品状态 / Whether the product is sold.' }) status!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: '销售起始 / When sales open; null: since it was listed.' }) saleStart!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '销售截止 / When sales close; null: open-ended.' }) saleEnd!: Date | null;
  @Field(() => LiquidityEnum, { description: '流动性 / How readily a position can be turned back into cash.' }) liquidity!: string;
  @Field(() => ProductFunctionEnum, { description: '产品功能 / What the product is for: preserving value, tax advantage or investment.' }) function!: string;
  @Field(() => Int, { description: 'Cooling-off period after purchase, in hours (0 = none).' }) coolingOffHours!: number;
}

/** Product line → GraphQL type name, filled from the loaded plugins at schema build. */
export const lineTypeNames = new Map<string, string>();
