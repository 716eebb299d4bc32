import { and, count, ne } from 'drizzle-orm';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { HostContext } from '../graphql/context.js';
import { bundles } from '../db/schema/index.js';
import { money } from '../domain/common/money.type.js';
import type { CustomerRecord } from '../domain/customers/customer.record.js';
import { Customer } from '../domain/customers/customer.type.js';
import { registerNodeType } from '../graphql/node-registry.js';
import { numericIdOf, toGlobalId } from '../graphql/relay/global-id.js';
import { keysetClauses } from '../graphql/relay/keyset-sql.js';
import { keysetPage, toConnection } from '../graphql/relay/paginate.js';
import { ConnectionArgs } from '../graphql/relay/types.js';
import type { LocalizedText } from '../i18n/localized.js';
import { presentDecision } from '../suitability/decision.types.js';
import { bundleServicesLoader, findBundle, loadedItems, presentService, requireBundleReader, type BundleRow } from './bundle.query.js';
import { BundleService } from './bundle-admin.types.js';
import { Decimal } from 'decimal.js';
import { Bundle, BundleConnection, BundleItem, BundleOffer, BundlePricing, BundleTarget } from './bundle.types.js';
import { bundleOffersFor } from './offers.js';

registerNodeType('Bundle', (ctx, key) => findBundle(ctx, key));

const lt = (v: unknown): LocalizedText | null => (v && typeof v === 'object' && typeof (v as LocalizedText).en === 'string' ? (v as LocalizedText) : null);

@Resolver(() => Bundle)
export class BundleResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id of the Bundle.' })
  id(@Root() b: BundleRow): string {
    return toGlobalId('Bundle', b.id);
  }

  @FieldResolver(() => String)
  name(@Root() b: BundleRow, @Ctx() ctx: HostContext): string {
    return ctx.lang === 'en' ? b.nameEn : b.nameZh;
  }

  @FieldResolver(() => String)
  description(@Root() b: BundleRow, @Ctx() ctx: HostContext): string {
    return ctx.lang === 'en' ? b.descriptionEn : b.descriptionZh;
  }

  @FieldResolver(() => BundleTarget)
  target(@Root() b: BundleRow): BundleTarget {
    return { riskAttitudes: b.targetRiskAttitudes, lifeStages: b.targetLifeStages, incomeBands: b.targetIncomeBands, minimumTier: b.minimumTier };
  }

  @FieldResolver(() => BundlePricing)
  pricing(@Root() b: BundleRow, @Ctx() ctx: HostContext): BundlePricing {
    const p = b.pricing as { waivedFees?: { code: string; name: LocalizedText }[]; feeDiscountPercent?: string; note?: LocalizedText };
    const note = lt(p.note);
    return {
      waivedFees: (p.waivedFees ?? []).map((f) => ({ code: f.code, name: ctx.t(f.name) })),
      feeDiscountPercent: p.feeDiscountPercent ?? null,
      note: note ? ctx.t(note) : null,
      raw: b.pricing,
    };
  }

  @FieldResolver(() => [BundleItem])
  async items(@Root() b: BundleRow, @Ctx() ctx: HostContext): Promise<BundleItem[]> {
    return (await loadedItems(ctx, b.id)).map(({ item, product }) => ({
      position: item.position,
      product: product as never,
      role: ctx.lang === 'en' ? item.roleEn : item.roleZh,
      suggestedAmount: item.suggestedAmount ? money(item.suggestedAmount, product.currency) : null,
      quantity: item.quantity === null ? null : new Decimal(item.quantity).toFixed(),
      share: item.share === null ? null : new Decimal(item.share).toFixed(),
    }));
  }

  @FieldResolver(() => [BundleService])
  async services(@Root() b: BundleRow, @Ctx() ctx: HostContext): Promise<BundleService[]> {
    return (await bundleServicesLoader(ctx).load(b.id)).map((s) => presentService(ctx.settings, ctx.t, s.code, s.amount));
  }
}

@Resolver()
export class BundleQueryResolver {
  @Query(() => Bundle, { nullable: true, description: 'A bundle by id.' })
  bundle(@Arg('id', () => ID, { description: "The bundle's global id (Bundle.id)." }) id: string, @Ctx() ctx: HostContext) {
    requireBundleReader(ctx);
    const key = numericIdOf(id, 'Bundle');
    return key ? findBundle(ctx, key) : null;
  }

  @Query(() => BundleConnection, {
    description: "The bank's bundles, ordered by id: the current version of each (ACTIVE or RETIRED); with includeSuperseded, every version.",
  })
  async bundles(
    @Ctx() ctx: HostContext,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('includeSuperseded', () => Boolean, { defaultValue: false, description: 'Also the versions a newer one replaced.' }) includeSuperseded: boolean,
  ) {
    requireBundleReader(ctx);
    const page = keysetPage(args, ctx.settings.get('core.pageSize'));
    const { where, orderBy } = keysetClauses(page, bundles.id);
    const current = includeSuperseded ? undefined : ne(bundles.status, 'SUPERSEDED');
    const rows = await ctx.db.select().from(bundles).where(and(where, current)).orderBy(orderBy).limit(page.limit);
    return toConnection(
      page,
      rows,
      (r) => r.id,
      async () => (await ctx.db.select({ n: count() }).from(bundles).where(current))[0].n,
    );
  }
}

@Resolver(() => Customer)
export class CustomerBundleOffersResolver {
  @FieldResolver(() => [BundleOffer], {
    description: "Every active bundle for this customer: recommended ones first, each with its decision, each item's decision, and why it fits or not.",
  })
  async bundleOffers(@Root() c: CustomerRecord, @Ctx() ctx: HostContext): Promise<BundleOffer[]> {
    const offers = await bundleOffersFor(ctx, c);
    return offers.map((o) => ({
      bundle: o.bundle as never,
      decision: presentDecision(o.decision, ctx.lang),
      items: o.items.map((i) => ({
        product: i.product as never,
        role: ctx.lang === 'en' ? i.item.roleEn : i.item.roleZh,
        suggestedAmount: i.item.suggestedAmount ? money(i.item.suggestedAmount, i.product.currency) : null,
        decision: presentDecision(i.decision, ctx.lang),
      })),
      targeting: o.targeting.map((t) => ({ criterion: t.criterion, matched: t.matched, message: ctx.t(t.message) })),
      fits: o.fits,
      recommended: o.recommended,
      explanation: ctx.t(o.explanation),
    }));
  }
}
