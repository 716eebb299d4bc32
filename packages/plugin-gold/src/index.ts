import { fileURLToPath } from 'node:url';
import { definePlugin, text } from '@finmart/sdk';
import { goldProductFacts } from './facts.js';
import { GoldProductResolver } from './graphql/product.resolver.js';
import { GoldPrice, GoldProduct } from './graphql/product.type.js';
import { goldRules } from './rules/index.js';
import { goldDetails, goldPrices } from './schema.js';
import { seedGold } from './seed/index.js';
import { goldSettings } from './settings.js';
import { goldOrders } from './sizing.js';

/**
 * Ratings this line carries: physical bars are R1; account gold and savings
 * plans take the rating of the required customer level (a bank setting,
 * default C3 → R3), so the demo catalog holds R1 and R3 only.
 */
export const declaredRiskRatings: readonly ('R1' | 'R3')[] = ['R1', 'R3'];

/**
 * 贵金属 / Precious metals: physical bars, account gold (积存金, 纸黄金) and gold
 * savings plans. Positions are in grams, valued at grams × the latest gram price
 * (the host's default valuation, since `unitPrice` is the CNY gram price).
 */
export default definePlugin({
  code: 'gold',
  line: 'GOLD',
  name: text('贵金属', 'Precious metals'),
  version: '1.0.0',
  hostRange: '^0.1.0',
  // Staff who sell this line need a valid 黄金交易资格 (core rule core.seller-qualification).
  sellerQualification: 'GOLD_TRADING',
  graphql: {
    productType: GoldProduct,
    resolvers: [GoldProductResolver],
    types: [GoldPrice],
  },
  tables: { goldDetails, goldPrices },
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  rules: goldRules,
  settings: goldSettings,
  facts: { products: goldProductFacts },
  orders: goldOrders,
  seed: seedGold,
});
