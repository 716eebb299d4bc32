import { asc, eq, inArray } from 'drizzle-orm';
import type { HostContext } from '../graphql/context.js';
import { bundleItems, bundles, bundleServices } from '../db/schema/index.js';
import { forbidden } from '../graphql/errors.js';
import { money } from '../domain/common/money.type.js';
import type { LocalizedText } from '../i18n/localized.js';
import type { SettingsReader } from '../settings/reader.js';
import { bundleServicesOf } from './bundle.settings.js';
import { groupByKey } from '../graphql/loaders.js';
import { productLoader } from '../domain/core-loaders.js';
import type { ProductRecord } from '../domain/products/product.record.js';

export type BundleRow = typeof bundles.$inferSelect;
export type BundleItemRow = typeof bundleItems.$inferSelect;

/** Bundles are the bank's own offer: every role but partners (who see only their own products) may read them. */
export function requireBundleReader(ctx: HostContext): void {
  if (ctx.principal.role === 'PARTNER') throw forbidden();
}

/** Items per bundle, one statement per batch. */
export const bundleItemsLoader = (ctx: HostContext) =>
  ctx.loader<number, BundleItemRow[]>('bundles.items', async (ids) => {
    const rows = await ctx.db
      .select()
      .from(bundleItems)
      .where(inArray(bundleItems.bundleId, [...ids]))
      .orderBy(asc(bundleItems.bundleId), asc(bundleItems.position));
    return groupByKey(ids, rows, (r) => r.bundleId);
  });

/** A bundle's items whose product belongs to a loaded line, with their products. */
export async function loadedItems(ctx: HostContext, bundleId: number): Promise<{ item: BundleItemRow; product: ProductRecord }[]> {
  const items = await bundleItemsLoader(ctx).load(bundleId);
  const products = await productLoader(ctx).loadMany(items.map((i) => i.productId));
  const out: { item: BundleItemRow; product: ProductRecord }[] = [];
  items.forEach((item, i) => {
    const p = products[i];
    if (p && !(p instanceof Error) && ctx.host.pluginByLine.has(p.line)) out.push({ item, product: p });
  });
  return out;
}

export async function findBundle(ctx: HostContext, key: number): Promise<BundleRow | null> {
  if (ctx.principal.role === 'PARTNER') return null;
  const [row] = await ctx.db.select().from(bundles).where(eq(bundles.id, key));
  return row ?? null;
}

/** Services per bundle, one statement per batch. */
export const bundleServicesLoader = (ctx: HostContext) =>
  ctx.loader<number, (typeof bundleServices.$inferSelect)[]>('bundles.services', async (ids) => {
    const rows = await ctx.db
      .select()
      .from(bundleServices)
      .where(inArray(bundleServices.bundleId, [...ids]))
      .orderBy(asc(bundleServices.bundleId), asc(bundleServices.position));
    return groupByKey(ids, rows, (r) => r.bundleId);
  });

/** A bundle's service as the API shows it: its kind and name from the setting, in the request language (an unknown code: itself). */
export function presentService(settings: SettingsReader, t: (l: LocalizedText) => string, code: string, amount: string | null) {
  const d = bundleServicesOf(settings).get(code);
  return { code, kind: d?.kind ?? 'ENTITLEMENT', name: d ? t(d.name) : code, amount: amount === null ? null : money(amount, 'CNY') };
}
