import { fileURLToPath } from 'node:url';
import { definePlugin, text } from '../../src/sdk/index.js';
import { forexCustomerFacts, forexProductFacts } from './facts.js';
import { CustomerFxQuotaResolver } from './graphql/customer-quota.resolver.js';
import { ForexProductResolver } from './graphql/product.resolver.js';
import { ForexProduct, ForexRate } from './graphql/product.type.js';
import { FxQuota } from './graphql/quota.type.js';
import { forexOnAccepted, forexOnCancelled } from './orders.js';
import { forexRules } from './rules/index.js';
import { forexAnnualUsage, forexDetails, forexRates, forexUsageEntries } from './schema.js';
import { seedForex } from './seed/index.js';
import { forexSettings } from './settings.js';
import { forexOrders } from './sizing.js';
import { forexValuate } from './valuation.js';

/**
 * 外汇 / Foreign exchange: spot and banknote exchange, FX deposits, dual-currency
 * structured deposits and (suspended) margin trading. Positions are amounts of
 * the foreign currency, valued at face value in that currency; the host turns
 * them into CNY with the reference rates this plugin publishes.
 */
export default definePlugin({
  code: 'forex',
  line: 'FOREX',
  name: text('外汇', 'Foreign exchange'),
  version: '1.0.0',
  hostRange: '^0.1.0',
  graphql: {
    productType: ForexProduct,
    resolvers: [ForexProductResolver, CustomerFxQuotaResolver],
    types: [ForexRate, FxQuota],
  },
  tables: { forexDetails, forexRates, forexAnnualUsage, forexUsageEntries },
  migrationsFolder: fileURLToPath(new URL('./drizzle', import.meta.url)),
  rules: forexRules,
  settings: forexSettings,
  facts: { products: forexProductFacts, customers: forexCustomerFacts },
  valuate: forexValuate,
  orders: { ...forexOrders, onAccepted: forexOnAccepted, onCancelled: forexOnCancelled },
  seed: seedForex,
});
