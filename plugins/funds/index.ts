import { fileURLToPath } from 'node:url';
import { definePlugin, text } from '../../src/sdk/index.js';
import { fundProductFacts } from './facts.js';
import { FundNav, FundNavConnection, FundNavEdge } from './graphql/nav.type.js';
import { FundProductResolver } from './graphql/product.resolver.js';
import { FundProduct } from './graphql/product.type.js';
import { fundsRules } from './rules/index.js';
import { fundsDetails, fundsNavHistory } from './schema.js';
import { seedFunds } from './seed/index.js';
import { fundsSettings } from './settings.js';
import { fundOrders } from './sizing.js';

/**
 * Product risk ratings this line carries (checked against the seed by the
 * partner-kit contract test): money market R1 … QDII and private funds R5.
 */
export const declaredRiskRatings: readonly ('R1' | 'R2' | 'R3' | 'R4' | 'R5')[] = ['R1', 'R2', 'R3', 'R4', 'R5'];

/**
 * The funds line (基金): public funds, private funds and bank wealth products
 * (理财). The model plugin for partners — see README.md.
 *
 * Valuation uses the host default (units × latest NAV); orders are sized in
 * units at the latest NAV (`sizing.ts`), which is how funds are priced.
 */
export default definePlugin({
  code: 'funds',
  line: 'FUNDS',
  name: text('基金', 'Funds'),
  version: '1.0.0',
  hostRange: '^0.1.0',
  // Staff who sell this line need a valid 基金销售从业资格 (core rule core.seller-qualification).
  sellerQualification: 'FUND_SALES',
  graphql: {
    productType: FundProduct,
    resolvers: [FundProductResolver],
    types: [FundNav, FundNavConnection, FundNavEdge],
  },
  tables: { fundsDetails, fundsNavHistory },
  migrationsFolder: fileURLToPath(new URL('./drizzle', import.meta.url)),
  rules: fundsRules,
  settings: fundsSettings,
  facts: { products: fundProductFacts },
  orders: fundOrders,
  seed: seedFunds,
});
