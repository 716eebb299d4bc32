import { inArray } from 'drizzle-orm';
import type { Db, PluginServices } from '../../src/sdk/index.js';
import { toProductDetails, type CardDetailsRow } from './domain.js';
import { cardsDetails } from './schema.js';

/** Details rows of the given products, in one statement. */
export async function loadCardDetails(db: Db, productIds: readonly number[]): Promise<CardDetailsRow[]> {
  if (productIds.length === 0) return [];
  return db
    .select()
    .from(cardsDetails)
    .where(inArray(cardsDetails.productId, [...productIds]));
}

/** Product details (`facts.product.details`), one statement per batch. */
export async function cardsProductFacts(services: PluginServices, productIds: readonly number[]): Promise<Map<number, Record<string, unknown>>> {
  const rows = await loadCardDetails(services.db, productIds);
  return new Map(rows.map((row) => [row.productId, toProductDetails(row)]));
}
