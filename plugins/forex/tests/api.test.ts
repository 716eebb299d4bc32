import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHost, type TestHost } from '../../../tests/support/test-host.js';
import { Decimal } from '../../../src/sdk/index.js';
import forex from '../index.js';

// The forex plugin alone in the real host: schema, seed, rules, order side effects and the customer quota.
describe('forex plugin in the host', () => {
  let t: TestHost;
  let products: Record<string, { id: string; middleRate: string | null }>;
  beforeAll(async () => {
    t = await createTestHost({ plugins: [forex], customers: 80 });
    const res = await t.gql(`{ products(filter: { line: FOREX }, first: 100) { edges { node { id code ... on ForexProduct { middleRate } } } } }`);
    products = Object.fromEntries(res.data.products.edges.map((e: any) => [e.node.code, e.node]));
  });
  afterAll(() => t?.close());

  const onshoreCustomer = async () => {
    const res = await t.gql(`{ customers(first: 80) { edges { node { id residency fxAnnualQuota { purchased { amount } } } } } }`);
    return res.data.customers.edges.map((e: any) => e.node).find((c: any) => c.residency === 'ONSHORE' && c.fxAnnualQuota.purchased.amount === '0');
  };

  it('serves ForexProduct fields with board rates and their history', async () => {
    const res = await t.gql(`{ products(filter: { line: FOREX }, first: 100) { totalCount edges { node { code currency riskRating status
      ... on ForexProduct { kind quoteUnits buyRate sellRate middleRate rateHistory(last: 1) { totalCount edges { node { middleRate } } } }
    } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.products.edges.map((e: any) => e.node);
    expect(res.data.products.totalCount).toBeGreaterThanOrEqual(20);
    expect(new Set(nodes.map((n: any) => n.riskRating))).toEqual(new Set(['R1', 'R2', 'R3', 'R4', 'R5']));
    const usd = nodes.find((n: any) => n.code === 'FX-SPOT-USD');
    expect(usd).toMatchObject({ kind: 'SPOT_EXCHANGE', currency: 'USD', quoteUnits: 100 });
    expect(new Decimal(usd.buyRate).lt(usd.middleRate) && new Decimal(usd.middleRate).lt(usd.sellRate)).toBe(true);
    expect(usd.rateHistory.totalCount).toBe(120);
    expect(usd.rateHistory.edges[0].node.middleRate).toBe(usd.middleRate);
    expect(nodes.find((n: any) => n.code === 'FX-MARGIN-USD')).toMatchObject({ kind: 'FX_MARGIN', status: 'SUSPENDED', riskRating: 'R5' });
  });

  it('refuses a prohibited purpose and counts an accepted purchase against the annual quota', async () => {
    const customer = await onshoreCustomer();
    const productId = products['FX-SPOT-EUR']!.id;
    const check = await t.gql(`query($input: SuitabilityInput!) { checkSuitability(input: $input) { outcome reasons { code source } } }`, {
      input: { customerId: customer.id, productId, amount: '1000', details: { purpose: 'OVERSEAS_PROPERTY' } },
    });
    expect(check.data.checkSuitability.outcome).toBe('BLOCK');
    expect(check.data.checkSuitability.reasons).toContainEqual({ code: 'PROHIBITED_PURPOSE', source: 'forex' });

    const placed = await t.gql(
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { ... on Order { status quantity amount { amount currency } } } }`,
      {
        input: {
          customerId: customer.id,
          productId,
          amount: '1000',
          channel: 'ONLINE',
          initiator: 'CUSTOMER',
          idempotencyKey: 'forex-integration-eur-1000',
          details: { purpose: 'TRAVEL' },
        },
      },
    );
    expect(placed.errors).toBeUndefined();
    expect(placed.data.placeOrder).toMatchObject({ quantity: '1000', amount: { currency: 'EUR' } });
    const quota = await t.gql(
      `query($id: ID!) { customer(id: $id) { fxAnnualQuota { limit { amount currency } purchased { amount } remaining { amount } } } }`,
      { id: customer.id },
    );
    const usd = new Decimal(1000).mul(products['FX-SPOT-EUR']!.middleRate!).div(products['FX-SPOT-USD']!.middleRate!).toDecimalPlaces(2);
    const q = quota.data.customer.fxAnnualQuota;
    expect(q.limit).toEqual({ amount: '50000', currency: 'USD' });
    expect(new Decimal(q.purchased.amount).sub(usd).abs().lte('0.01')).toBe(true);
    expect(new Decimal(q.remaining.amount).add(q.purchased.amount).eq(50000)).toBe(true);
  });

  it('values foreign-currency positions through the reference rates', async () => {
    const res = await t.gql(`{ customers(first: 80) { edges { node { holdings(line: FOREX, first: 10) { edges { node {
      quantity marketValue { amount currency } product { currency }
    } } } } } } }`);
    expect(res.errors).toBeUndefined();
    const positions = res.data.customers.edges.flatMap((c: any) => c.node.holdings.edges.map((e: any) => e.node));
    expect(positions.length).toBeGreaterThan(0);
    for (const h of positions) {
      expect(h.marketValue.currency).toBe(h.product.currency);
      expect(new Decimal(h.marketValue.amount).eq(new Decimal(h.quantity).toDecimalPlaces(2))).toBe(true);
    }
  });
});
