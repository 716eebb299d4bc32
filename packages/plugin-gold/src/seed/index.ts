import { insertInBatches, randomOf, type SeedContext } from '@finmart/sdk';
import { goldDetails, goldPrices } from '../schema.js';
import { SETTING_MINIMUM, type AccountGoldMinimum } from '../settings.js';
import { GOLD_CATALOG, toNewProduct } from './catalog.js';
import { holdingsFor } from './holdings.js';
import { basePrices, productPrice } from './prices.js';

const HOLDER_SHARE = 0.15;

/**
 * Demo gold line: the catalog, 120 daily gram prices per product, and positions
 * (in grams) for about 15 % of customers. Account gold goes mostly to customers
 * at or above the required level; a few below it keep positions opened before
 * the bank raised the level (they may still redeem).
 */
export async function seedGold(ctx: SeedContext): Promise<void> {
  const rnd = randomOf(ctx.random);
  const base = basePrices(ctx.now, rnd);
  const latestBase = base[base.length - 1]!;
  const ids = await ctx.catalog.upsertProducts(
    GOLD_CATALOG.map((def) => toNewProduct(def, ctx, { at: latestBase.at, price: productPrice(def, latestBase.price) })),
  );
  const idOf = (code: string) => ids.get(code)!;
  const minimum = ctx.settings.get<AccountGoldMinimum>(SETTING_MINIMUM);

  await ctx.db
    .insert(goldDetails)
    .values(
      GOLD_CATALOG.map((def) => ({
        productId: idOf(def.code),
        goldType: def.goldType,
        purity: def.purity,
        barWeightGrams: def.barWeightGrams,
        minimumGrams: def.barWeightGrams ?? minimum.grams,
        gramStep: def.barWeightGrams ?? minimum.gramStep,
      })),
    )
    .onConflictDoNothing();

  const priceRows = GOLD_CATALOG.flatMap((def) => base.map((b) => ({ productId: idOf(def.code), at: b.at, pricePerGram: productPrice(def, b.price) })));
  await insertInBatches(priceRows, (batch) => ctx.db.insert(goldPrices).values(batch).onConflictDoNothing());

  const holdings = ctx.customers.flatMap((c) => (rnd.chance(HOLDER_SHARE) ? holdingsFor(c, ctx, base, idOf, rnd) : []));
  await insertInBatches(holdings, (batch) => ctx.catalog.addHoldings(batch));
}
