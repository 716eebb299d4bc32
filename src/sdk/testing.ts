import type { CustomerFacts, ProductFacts, SaleFacts, SuitabilityFacts } from './contract/suitability.js';

/** Deep-partial facts for tests. */
export interface FactsOverrides {
  customer?: Partial<Omit<CustomerFacts, 'risk'>> & { risk?: Partial<CustomerFacts['risk']> };
  product?: Partial<ProductFacts>;
  sale?: Partial<SaleFacts>;
  now?: string;
}

/** The instant test facts use unless told otherwise. */
export const TEST_NOW = '2026-11-23T02:00:00.000Z';

/**
 * Facts for a plain case that every core rule allows: a 40-year-old onshore C3
 * customer, assessed last month, buying 10,000 CNY of an on-sale R2 product
 * online on their own initiative. Override what the test is about.
 */
export function makeFacts(o: FactsOverrides = {}): SuitabilityFacts {
  const customer: CustomerFacts = {
    id: 1,
    birthDate: '1986-05-01',
    age: 40,
    residency: 'ONSHORE',
    nationality: 'CN',
    student: false,
    legalCapacity: 'FULL',
    idVerified: true,
    investorType: 'ORDINARY',
    investorTypeBasis: null,
    personalAnnualIncome: '300000',
    householdAnnualIncome: '500000',
    householdFinancialAssets: '1000000',
    incomeThreeYearAverage: '280000',
    hasStableIncome: true,
    fxWatchList: false,
    holdings: [],
    lines: {},
    ...o.customer,
    external: o.customer?.external ?? {},
    risk: {
      level: 'C3',
      lowestCategory: false,
      experienceYears: 5,
      assessedAt: '2026-10-20T02:00:00.000Z',
      expiresAt: '2027-10-20T02:00:00.000Z',
      expired: false,
      ...o.customer?.risk,
    },
  };
  const product: ProductFacts = {
    id: 1,
    code: 'TEST-1',
    line: 'FUNDS',
    issuer: 'Test Issuer',
    partnerCode: null,
    riskRating: 'R2',
    currency: 'CNY',
    minimumAmount: '1000',
    amountStep: '100',
    status: 'ON_SALE',
    saleStart: null,
    saleEnd: null,
    regime: 'SECURITIES',
    requiresRiskAssessment: true,
    coolingOffHours: 0,
    liquidity: 'HIGH',
    details: {},
    ...o.product,
  };
  const sale: SaleFacts = {
    side: 'BUY',
    amount: '10000',
    quantity: null,
    currency: 'CNY',
    channel: 'ONLINE',
    initiator: 'CUSTOMER',
    details: {},
    statedFigures: [],
    completedSteps: [],
    ...o.sale,
  };
  return { customer, product, sale, now: o.now ?? TEST_NOW };
}

export { testSettings } from './test-settings.js';

/** The core rules, so a plugin's tests can show the combined decision for its products. */
export { coreRules } from '../suitability/rules/core/index.js';

export { evaluateRules } from './evaluate-rules.js';

export {
  TEST_SEED_NOW,
  prng,
  pluginDatabase,
  memoryCatalog,
  demoSeedCustomers,
  pluginSeedContext,
  pluginRequestContext,
  productRecordOf,
} from './plugin-test-kit.js';
export { pluginTestSupport, type PluginUnderTest, type PluginTestOptions, type PluginTestSupport } from './plugin-test-support.js';

/** The real host with a plugin's line behind the real API (schema, seed, rules), for a plugin's own API tests. */
export { createTestHost, type TestHost, type TestHostOptions, type GqlResponse } from '../../tests/support/test-host.js';

/**
 * The databases a plugin's API tests run on, as the host's own tests do: PGlite always, PostgreSQL too when
 * TEST_DATABASE_URL is set (TEST_DRIVERS narrows the list) — `describe.each(testDrivers())(…, (driver) => …)`.
 */
export { testDrivers } from '../../tests/support/databases.js';
