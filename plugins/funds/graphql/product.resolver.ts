import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  bankDay,
  ConnectionArgs,
  DateScalar,
  Decimal,
  DecimalScalar,
  keysetPage,
  Money,
  money,
  type ProductRecord,
  type RequestContext,
} from '../../../src/sdk/index.js';
import { loadFundDetails } from './details-loader.js';
import { FundAssetClass, FundIssuerType, FundType } from './enums.js';
import { navHistoryPage } from './nav-history.js';
import { FundNavConnection } from './nav.type.js';
import { FundProduct } from './product.type.js';

/**
 * The funds line's own fields of `FundProduct`. The root is the core product
 * row; details come from the per-request `funds.details` loader, so a page of
 * products costs one extra statement whatever its size.
 */
@Resolver(() => FundProduct)
export class FundProductResolver {
  @FieldResolver(() => FundType)
  async fundType(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<FundType> {
    return (await loadFundDetails(ctx, p.id)).fundType as FundType;
  }

  @FieldResolver(() => String)
  async fundHouse(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<string> {
    return (await loadFundDetails(ctx, p.id)).fundHouse;
  }

  @FieldResolver(() => String)
  async fundManagerName(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<string> {
    return (await loadFundDetails(ctx, p.id)).managerName;
  }

  @FieldResolver(() => Boolean)
  async isPrivate(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await loadFundDetails(ctx, p.id)).isPrivate;
  }

  @FieldResolver(() => FundAssetClass)
  async assetClass(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<FundAssetClass> {
    return (await loadFundDetails(ctx, p.id)).assetClass as FundAssetClass;
  }

  @FieldResolver(() => Boolean)
  async isBankWealth(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await loadFundDetails(ctx, p.id)).isBankWealth;
  }

  @FieldResolver(() => FundIssuerType)
  async issuerType(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<FundIssuerType> {
    return (await loadFundDetails(ctx, p.id)).issuerType as FundIssuerType;
  }

  /** The core row's unit price is the latest NAV: no query needed. */
  @FieldResolver(() => DecimalScalar, { nullable: true })
  latestNav(@Root() p: ProductRecord): string | null {
    return p.unitPrice;
  }

  /** NAVs are published with the valuation date's close; the Beijing date of that instant is the NAV date. */
  @FieldResolver(() => DateScalar, { nullable: true })
  navDate(@Root() p: ProductRecord): string | null {
    if (!p.unitPriceAt) return null;
    return bankDay(new Date(p.unitPriceAt));
  }

  @FieldResolver(() => FundNavConnection)
  async navHistory(@Root() p: ProductRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: RequestContext) {
    return navHistoryPage(ctx, keysetPage(args, ctx.settings.get<{ default: number; max: number }>('core.pageSize')), p.id);
  }

  @FieldResolver(() => Money)
  subscriptionMinimum(@Root() p: ProductRecord): Money {
    return money(p.minimumAmount, p.currency);
  }

  @FieldResolver(() => Boolean)
  async sipSupported(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await loadFundDetails(ctx, p.id)).sipSupported;
  }

  @FieldResolver(() => Money, { nullable: true })
  async sipMinimum(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<Money | null> {
    const d = await loadFundDetails(ctx, p.id);
    return d.sipSupported && d.sipMinimum !== null ? money(new Decimal(d.sipMinimum).toFixed(), p.currency) : null;
  }

  @FieldResolver(() => DecimalScalar)
  async managementFeeRate(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<string> {
    return new Decimal((await loadFundDetails(ctx, p.id)).managementFeeRate).toFixed();
  }

  @FieldResolver(() => DateScalar, { nullable: true })
  async establishedOn(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await loadFundDetails(ctx, p.id)).establishedOn;
  }
}
