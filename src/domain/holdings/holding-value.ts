import type { HostContext } from '../../graphql/context.js';
import { exchangeRatesLoader, productLoader } from '../core-loaders.js';
import { prefetched } from '../prefetched.js';
import type { HoldingRow } from './holding.types.js';
import { valueHolding, type HoldingValue } from './valuation.js';

/** A holding's value from what its page fetched ahead (no promise); null when its product or the rates were not. */
export function prefetchedValue(h: HoldingRow, ctx: HostContext): HoldingValue | null {
  const ahead = prefetched(ctx);
  const p = ahead.products.get(h.productId);
  return p && ahead.rates ? valueHolding(ctx.host, h, p, ahead.rates) : null;
}

/** A holding's value, with its product and the rates fetched through the request's loaders. */
export async function holdingValue(h: HoldingRow, ctx: HostContext) {
  const [p, rates] = await Promise.all([productLoader(ctx).load(h.productId), exchangeRatesLoader(ctx).load('all')]);
  return valueHolding(ctx.host, h, p!, rates);
}
