import { Field, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar, Money, Product } from '../../../src/sdk/index.js';
import { FundAssetClass, FundIssuerType, FundType } from './enums.js';
import { FundNavConnection } from './nav.type.js';

/**
 * A fund or bank wealth product. The core fields come from the `Product`
 * interface; these are the funds line's own, resolved by `FundProductResolver`
 * from the core row (`latestNav`, `navDate`, `subscriptionMinimum`) or the
 * `funds_details` / `funds_nav_history` tables.
 */
@ObjectType('FundProduct', {
  implements: Product,
  description: '基金及理财产品 / A fund or bank wealth management product.',
})
export class FundProduct extends Product {
  @Field(() => FundType, { description: '基金类型 / The fund type.' }) fundType!: FundType;
  @Field(() => String, { description: 'Fund house or wealth issuer (基金管理人).' }) fundHouse!: string;
  @Field(() => String, { description: 'Fund manager (基金经理).' }) fundManagerName!: string;
  @Field(() => Boolean, { description: 'Private product (私募): qualified investors only, private minimums, cooling-off.' })
  isPrivate!: boolean;
  @Field(() => FundAssetClass, { description: '资产类别 / The asset class under the 2018 asset-management guidelines.' }) assetClass!: FundAssetClass;
  @Field(() => Boolean, { description: 'A bank wealth product (理财) rather than a fund.' }) isBankWealth!: boolean;
  @Field(() => FundIssuerType, { description: '发行机构类型 / Who issues it: a fund house, the bank or its wealth subsidiary.' }) issuerType!: FundIssuerType;
  @Field(() => DecimalScalar, { nullable: true, description: 'Latest unit NAV (null before the first valuation).' })
  latestNav!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Date of the latest NAV (Beijing time).' })
  navDate!: string | null;
  @Field(() => FundNavConnection, { description: 'Published NAVs, newest first.' })
  navHistory!: InstanceType<typeof FundNavConnection>;
  @Field(() => Money, { description: 'Minimum first subscription (the product minimum, for convenience).' })
  subscriptionMinimum!: Money;
  @Field(() => Boolean, { description: 'Offers a regular investment plan (定投).' }) sipSupported!: boolean;
  @Field(() => Money, { nullable: true, description: 'Minimum plan instalment; null when none or no plan.' })
  sipMinimum!: Money | null;
  @Field(() => DecimalScalar, { description: 'Annual management fee as a fraction (0.012 = 1.2 %).' })
  managementFeeRate!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Inception date (成立日); null while still raising money.' })
  establishedOn!: string | null;
}
