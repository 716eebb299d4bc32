import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  ConnectionArgs,
  DateScalar,
  Decimal,
  DecimalScalar,
  keysetPage,
  Money,
  money,
  toConnection,
  type ProductRecord,
  type RequestContext,
} from '../../../src/sdk/index.js';
import { loadFundDetails } from './details-loader.js';
import { FundAssetClass, FundIssuerType, FundType } from './enums.js';
import { countNavs, dateKey, loadNavPages, type NavRow } from './nav-history.js';
import { FundNavConnection } from './nav.type.js';
import { FundProduct } from './product.type.js';

/** Beijing time has no daylight saving: a fixed offset gives the local date exactly. */
const CST_OFFSET_MS = 8 * 3_600_000;

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
    return new Date(new Date(p.unitPriceAt).getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
  }

  @FieldResolver(() => FundNavConnection)
  async navHistory(@Root() p: ProductRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: RequestContext) {
    const page = keysetPage(args, ctx.settings.get<{ default: number; max: number }>('core.pageSize'));
    // One loader per distinct page request, so products asking for the same page share a statement.
    const name = `funds.navHistory:${page.direction}:${page.afterKey ?? ''}:${page.beforeKey ?? ''}:${page.limit}`;
    const rows = await ctx
      .loader<number, NavRow[]>(name, async (ids) => {
        const pages = await loadNavPages(ctx.db, ids, page);
        return ids.map((id) => pages.get(id) ?? []);
      })
      .load(p.id);
    const total = () =>
      ctx
        .loader<number, number>('funds.navCount', async (ids) => {
          const counts = await countNavs(ctx.db, ids);
          return ids.map((id) => counts.get(id) ?? 0);
        })
        .load(p.id);
    return toConnection(
      page,
      rows,
      (r) => dateKey(r.navDate),
      total,
      (r) => ({
        date: r.navDate,
        nav: r.nav,
        accumulatedNav: r.accumulatedNav,
      }),
    );
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
