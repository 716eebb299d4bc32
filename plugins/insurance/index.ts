import { fileURLToPath } from 'node:url';
import { definePlugin, text } from '../../src/sdk/index.js';
import { INSURANCE_LINE } from './domain.js';
import { productFacts } from './facts.js';
import { InsuranceProductResolver } from './graphql/product.resolver.js';
import { InsuranceProduct } from './graphql/product.type.js';
import { InsuranceQuoteResolver } from './graphql/quote.resolver.js';
import { InsuranceRate } from './graphql/rate.type.js';
import { InsuranceQuote } from './graphql/quote.type.js';
import { insuranceRules } from './rules/index.js';
import { insuranceDetails, insuranceRates } from './schema.js';
import { seedInsurance } from './seed/index.js';
import { insuranceSettings } from './settings.js';
import { insuranceOrders } from './sizing.js';
import { valuatePolicy } from './valuation.js';

/** 保险 — bancassurance: policies the bank sells as the insurers' agent. */
export default definePlugin({
  code: 'insurance',
  line: INSURANCE_LINE,
  name: text('保险', 'Insurance'),
  version: '1.0.0',
  hostRange: '^0.1.0',
  // Staff who sell this line need a valid 保险代理从业资格 (core rule core.seller-qualification).
  sellerQualification: 'INSURANCE_AGENT',
  graphql: {
    productType: InsuranceProduct,
    resolvers: [InsuranceProductResolver, InsuranceQuoteResolver],
    types: [InsuranceRate, InsuranceQuote],
  },
  tables: { insuranceDetails, insuranceRates },
  migrationsFolder: fileURLToPath(new URL('./drizzle', import.meta.url)),
  rules: insuranceRules,
  settings: insuranceSettings,
  facts: { products: productFacts },
  valuate: valuatePolicy,
  orders: insuranceOrders,
  seed: seedInsurance,
});
