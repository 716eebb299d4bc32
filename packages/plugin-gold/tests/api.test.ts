import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHost, type TestHost } from '@finmart/sdk/testing';
import { Decimal } from '@finmart/sdk';
import gold from '../src/index.js';

// The gold plugin alone in the real host: schema, seed, facts, rules and valuation end to end.
describe('gold plugin in the host', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ plugins: [gold], customers: 80 });
  });
  afterAll(() => t?.close());

  it('serves GoldProduct fields with a paged price history', async () => {
    const res = await t.gql(
      `{
      products(filter: { line: GOLD }, first: 50) {
        totalCount
        edges { node { code riskRating ... on GoldProduct {
          goldType purity barWeightGrams latestGramPrice { amount currency } minimumGrams gramStep tradingHours requiredRiskLevel
          priceHistory(last: 2) { totalCount edges { node { at pricePerGram } } }
        } } }
      }
    }`,
      {},
      { lang: 'en' },
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data.products.edges.map((e: { node: Record<string, any> }) => e.node);
    expect(res.data.products.totalCount).toBeGreaterThanOrEqual(20);
    const account = nodes.find((n: any) => n.code === 'GOLD-ACCOUNT-CNY');
    expect(account).toMatchObject({ goldType: 'ACCOUNT_GOLD', riskRating: 'R3', minimumGrams: '1', gramStep: '0.1', requiredRiskLevel: 'C3' });
    expect(account.tradingHours).toBe('Monday 07:00 to Saturday 04:00 (Asia/Shanghai)');
    expect(account.priceHistory.totalCount).toBe(120);
    expect(account.priceHistory.edges.at(-1).node.pricePerGram).toBe(account.latestGramPrice.amount);
    const bar = nodes.find((n: any) => n.code === 'GOLD-CNG-100G');
    expect(bar).toMatchObject({ goldType: 'PHYSICAL_BAR', barWeightGrams: '100', requiredRiskLevel: null, riskRating: 'R1' });
  });

  it('blocks account gold for a C2 customer and explains why, in the gold source', async () => {
    const people = await t.gql(`{ customers(filter: { riskLevel: C2 }, first: 1) { edges { node { id } } } }`);
    const products = await t.gql(`{ products(filter: { line: GOLD, search: "GOLD-ACCOUNT-CNY" }, first: 1) { edges { node { id code } } } }`);
    const customerId = people.data.customers.edges[0].node.id;
    const productId = products.data.products.edges.find((e: any) => e.node.code === 'GOLD-ACCOUNT-CNY').node.id;
    const res = await t.gql(
      `query($input: SuitabilityInput!) { checkSuitability(input: $input) { outcome reasons { code source ruleId message } } }`,
      { input: { customerId, productId, details: { grams: '2' } } },
      { lang: 'en' },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.checkSuitability.outcome).toBe('BLOCK');
    expect(res.data.checkSuitability.reasons).toContainEqual(
      expect.objectContaining({ code: 'GOLD_RISK_LEVEL_TOO_LOW', source: 'gold', ruleId: 'gold.risk-level' }),
    );
  });

  it('values gold positions at grams × the latest gram price', async () => {
    const res = await t.gql(`{ customers(first: 80) { edges { node { holdings(line: GOLD, first: 10) { edges { node {
      quantity marketValue { amount currency } product { ... on GoldProduct { latestGramPrice { amount } } }
    } } } } } } }`);
    expect(res.errors).toBeUndefined();
    const positions = res.data.customers.edges.flatMap((c: any) => c.node.holdings.edges.map((e: any) => e.node));
    expect(positions.length).toBeGreaterThan(0);
    for (const h of positions) {
      expect(h.marketValue.currency).toBe('CNY');
      const expected = new Decimal(h.quantity).mul(h.product.latestGramPrice.amount).toDecimalPlaces(2);
      expect(new Decimal(h.marketValue.amount).eq(expected)).toBe(true);
    }
  });
});
