import { Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, DateTimeScalar, DecimalScalar, keysetPage, type ProductRecord, type RequestContext } from '../../../src/sdk/index.js';
import { QUOTE_UNITS } from '../conversion.js';
import { forexDetailsLoader, latestRatesLoader, rateHistoryPage, type ForexDetailsRow } from './loaders.js';
import { ForexProduct, ForexProductKind, ForexRateConnection } from './product.type.js';

async function detailsOf(ctx: RequestContext, p: ProductRecord): Promise<ForexDetailsRow> {
  const d = await forexDetailsLoader(ctx).load(p.id);
  // A forex product without its details row is broken data, not a user error.
  if (!d) throw new Error(`forex details missing for product ${p.id}`);
  return d;
}

const latestOf = async (ctx: RequestContext, p: ProductRecord) => latestRatesLoader(ctx).load((await detailsOf(ctx, p)).currency);

/** The forex line's own fields of `ForexProduct`. */
@Resolver(() => ForexProduct)
export class ForexProductResolver {
  @FieldResolver(() => ForexProductKind)
  async kind(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<string> {
    return (await detailsOf(ctx, p)).kind;
  }

  @FieldResolver(() => Int)
  quoteUnits(): number {
    return QUOTE_UNITS;
  }

  @FieldResolver(() => DecimalScalar, { nullable: true })
  async buyRate(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await latestOf(ctx, p))?.buyRate ?? null;
  }

  @FieldResolver(() => DecimalScalar, { nullable: true })
  async sellRate(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await latestOf(ctx, p))?.sellRate ?? null;
  }

  @FieldResolver(() => DecimalScalar, { nullable: true })
  async middleRate(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await latestOf(ctx, p))?.middleRate ?? null;
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true })
  async ratesAt(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<Date | null> {
    return (await latestOf(ctx, p))?.at ?? null;
  }

  @FieldResolver(() => ForexRateConnection)
  async rateHistory(@Root() p: ProductRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: RequestContext) {
    const page = keysetPage(args, ctx.settings.get<{ default: number; max: number }>('core.pageSize'));
    return rateHistoryPage(ctx, page, (await detailsOf(ctx, p)).currency);
  }

  @FieldResolver(() => Int, { nullable: true })
  async termMonths(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<number | null> {
    return (await detailsOf(ctx, p)).termMonths;
  }

  @FieldResolver(() => DecimalScalar, { nullable: true })
  async annualRatePct(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await detailsOf(ctx, p)).annualRatePct;
  }

  @FieldResolver(() => String, { nullable: true })
  async linkedCurrency(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await detailsOf(ctx, p)).linkedCurrency;
  }
}
