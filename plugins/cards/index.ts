import { fileURLToPath } from 'node:url';
import { definePlugin, text } from '../../src/sdk/index.js';
import { CARD_RISK_RATINGS, CARDS_LINE } from './domain.js';
import { cardsProductFacts } from './facts.js';
import { CardDailyLimits } from './graphql/daily-limits.type.js';
import { CardProductResolver } from './graphql/product.resolver.js';
import { CardProduct } from './graphql/product.type.js';
import { valuateCard } from './valuation.js';
import { cardsRules } from './rules/index.js';
import { cardsTables } from './schema.js';
import { seedCards } from './seed/index.js';
import { cardsSettings } from './settings.js';
import { cardOrders } from './sizing.js';

/**
 * Product risk ratings cards can carry (not part of the manifest type): debit
 * and standard credit cards R1, other credit cards R2. The contract test
 * "covers declared ratings" checks the seed against this list rather than R1–R5.
 */
export const declaredRiskRatings: readonly ('R1' | 'R2')[] = CARD_RISK_RATINGS;

/** 银行卡 / Cards: debit cards and accounts (Class I/II/III) and credit cards. */
export default definePlugin({
  code: 'cards',
  line: CARDS_LINE,
  name: text('银行卡', 'Cards'),
  version: '1.0.0',
  hostRange: '^0.1.0',
  graphql: {
    productType: CardProduct,
    resolvers: [CardProductResolver],
    types: [CardDailyLimits],
  },
  tables: cardsTables,
  migrationsFolder: fileURLToPath(new URL('./drizzle', import.meta.url)),
  rules: cardsRules,
  settings: cardsSettings,
  // Cards elsewhere come from the credit bureau's report, a host fact (customer.external.CREDIT_REPORT).
  facts: { products: cardsProductFacts },
  valuate: valuateCard,
  orders: cardOrders,
  seed: seedCards,
});
