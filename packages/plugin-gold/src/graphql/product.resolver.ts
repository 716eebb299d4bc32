import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  ConnectionArgs,
  type ConnectionResult,
  DecimalScalar,
  keysetPage,
  Money,
  money,
  RiskLevelEnum,
  text,
  type ProductRecord,
  type RequestContext,
} from '@finmart/sdk';
import { SETTING_MINIMUM, SETTING_REQUIRED_LEVEL, SETTING_TRADING_HOURS, type AccountGoldMinimum } from '../settings.js';
import { displayStep, gramTerms, isAccountGold } from '../domain.js';
import { describeWindow, type WeeklyWindow } from '../trading-window.js';
import { goldDetailsLoader, priceHistoryPage, type GoldDetailsRow } from './loaders.js';
import { GoldPriceConnection, GoldProduct, GoldType } from './product.type.js';

async function detailsOf(ctx: RequestContext, p: ProductRecord): Promise<GoldDetailsRow> {
  const d = await goldDetailsLoader(ctx).load(p.id);
  // A gold product without its details row is broken data, not a user error.
  if (!d) throw new Error(`gold details missing for product ${p.id}`);
  return d;
}

/** The gold line's own fields of `GoldProduct`. */
@Resolver(() => GoldProduct)
export class GoldProductResolver {
  @FieldResolver(() => GoldType)
  async goldType(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<string> {
    return (await detailsOf(ctx, p)).goldType;
  }

  @FieldResolver(() => String)
  async purity(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<string> {
    return (await detailsOf(ctx, p)).purity;
  }

  @FieldResolver(() => DecimalScalar, { nullable: true })
  async barWeightGrams(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await detailsOf(ctx, p)).barWeightGrams;
  }

  @FieldResolver(() => Money, { nullable: true })
  latestGramPrice(@Root() p: ProductRecord): Money | null {
    return p.unitPrice === null ? null : money(p.unitPrice, p.currency);
  }

  @FieldResolver(() => GoldPriceConnection)
  async priceHistory(
    @Root() p: ProductRecord,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionResult<unknown>> {
    return priceHistoryPage(ctx, keysetPage(args, ctx.settings.get<{ default: number; max: number }>('core.pageSize')), p.id);
  }

  @FieldResolver(() => DecimalScalar)
  async minimumGrams(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<string> {
    const d = await detailsOf(ctx, p);
    if (!isAccountGold(d.goldType)) return d.minimumGrams;
    return gramTerms(ctx.settings.get<AccountGoldMinimum>(SETTING_MINIMUM), d).minimumGrams;
  }

  @FieldResolver(() => DecimalScalar)
  async gramStep(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<string> {
    const d = await detailsOf(ctx, p);
    if (!isAccountGold(d.goldType)) return d.gramStep;
    return displayStep(ctx.settings.get<AccountGoldMinimum>(SETTING_MINIMUM), d.gramStep);
  }

  @FieldResolver(() => String)
  async tradingHours(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<string> {
    const d = await detailsOf(ctx, p);
    if (!isAccountGold(d.goldType)) {
      return ctx.t(text('网点营业时间内柜台办理', 'At the counter during branch opening hours'));
    }
    return ctx.t(describeWindow(ctx.settings.get<WeeklyWindow>(SETTING_TRADING_HOURS)));
  }

  @FieldResolver(() => RiskLevelEnum, { nullable: true })
  async requiredRiskLevel(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<string | null> {
    const d = await detailsOf(ctx, p);
    return isAccountGold(d.goldType) ? ctx.settings.get<string>(SETTING_REQUIRED_LEVEL) : null;
  }
}
