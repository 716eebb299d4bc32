import { Decimal } from 'decimal.js';
import type { HostContext } from '../../graphql/context.js';
import { exchangeRatesLoader, holdingsByCustomerLoader, productLoader } from '../core-loaders.js';
import { valueHolding } from '../holdings/valuation.js';
import { prefetched } from '../prefetched.js';
import { basisMeasures, tierFor } from './classification.js';
import { marginOf, NO_ORDERS, orderStatsLoader } from './contribution.js';
import type { CustomerRecord } from './customer.record.js';
import type { Tier } from './derived.js';

/** What the customer's classifications are computed from, live (positions at today's prices), in CNY. */
export interface LiveMeasures {
  assetsCny: string;
  marginCny: string;
  feeCny: string;
  /** fee income + interest margin (contribution.ts). */
  contributionCny: string;
  /** Business volume in the size-class window. */
  volumeCny: string;
}

/**
 * The live measures of one customer: its open positions valued as `totalAssets`
 * values them (from the page's look-ahead when fetched, else the request's
 * loaders), and its order sums through a batched loader (primed by the page).
 * No statement per customer.
 */
export async function liveMeasures(c: CustomerRecord, ctx: HostContext, needOrders = true): Promise<LiveMeasures> {
  const ahead = prefetched(ctx);
  const [hs, rates, stats] = await Promise.all([
    ahead.holdings.get(c.id) ?? holdingsByCustomerLoader(ctx).load(c.id),
    ahead.rates ?? exchangeRatesLoader(ctx).load('all'),
    needOrders ? orderStatsLoader(ctx).load(c.id) : NO_ORDERS,
  ]);
  const products = await Promise.all(hs.map((h) => ahead.products.get(h.productId) ?? productLoader(ctx).load(h.productId)));
  const valued = hs.map((h, i) => {
    const p = products[i]!;
    return { line: p.line, amountCny: valueHolding(ctx.host, h, p, rates).amountCny };
  });
  const assetsCny = valued.reduce((acc, v) => acc.add(v.amountCny), new Decimal(0)).toFixed(2);
  const marginCny = marginOf(valued, ctx.settings);
  return {
    assetsCny,
    marginCny,
    feeCny: stats.feeCny,
    contributionCny: new Decimal(marginCny).add(stats.feeCny).toFixed(2),
    volumeCny: stats.volumeCny,
  };
}

/** The customer's live tier under core.tierBasis — the `tier` field, bundle minimum tier and 对等配置 all read this. */
export async function liveTier(c: CustomerRecord, ctx: HostContext): Promise<Tier> {
  // Orders are read only when the basis looks at contribution.
  const needOrders = basisMeasures(ctx.settings).includes('CONTRIBUTION');
  return tierFor(await liveMeasures(c, ctx, needOrders), ctx.settings);
}
