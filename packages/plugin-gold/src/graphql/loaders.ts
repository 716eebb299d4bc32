import { inArray } from 'drizzle-orm';
import { byKey, childPage, type ConnectionResult, type KeysetPage, type RequestContext } from '@finmart/sdk';
import { goldDetails, goldPrices } from '../schema.js';

type Ctx = Pick<RequestContext, 'loader' | 'db'>;
export type GoldDetailsRow = typeof goldDetails.$inferSelect;

/** Gold details by product id: one statement per batch. */
export const goldDetailsLoader = (ctx: Ctx) =>
  ctx.loader<number, GoldDetailsRow | null>('gold.details', async (ids) => {
    const rows = await ctx.db
      .select()
      .from(goldDetails)
      .where(inArray(goldDetails.productId, [...ids]));
    return byKey(ids, rows, (r) => r.productId);
  });

/**
 * One page of a product's gram-price history, oldest first, through the host's
 * child-list loader: every product asking for the same page shares ONE
 * statement, and the counts one more when `totalCount` is read.
 */
export const priceHistoryPage = (ctx: Ctx, page: KeysetPage, productId: number): Promise<ConnectionResult<unknown>> =>
  childPage(
    ctx,
    {
      name: 'gold.priceHistory',
      table: goldPrices,
      parent: goldPrices.productId,
      key: goldPrices.id,
      node: (r) => ({ at: r.at, pricePerGram: r.pricePerGram }),
    },
    page,
    productId,
  );
