import type { PluginServices } from '../../src/sdk/index.js';
import { loadCardDetails, toProductDetails } from './details.js';

/** Product details (`facts.product.details`), one statement per batch. */
export async function cardsProductFacts(services: PluginServices, productIds: readonly number[]): Promise<Map<number, Record<string, unknown>>> {
  const rows = await loadCardDetails(services.db, productIds);
  return new Map(rows.map((row) => [row.productId, toProductDetails(row)]));
}
