import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/sdk/index.js';
import { testDrivers } from '../../../tests/support/databases.js';
import { createTestHost, type TestHost } from '../../../tests/support/test-host.js';
import plugin from '../index.js';

const PRODUCTS = /* GraphQL */ `
  query ($first: Int!) {
    products(filter: { line: FUNDS }, first: $first) {
      edges {
        node {
          id code riskRating status coolingOffHours
          minimumAmount { amount currency }
          ... on FundProduct {
            fundType fundHouse fundManagerName isPrivate assetClass isBankWealth issuerType
            latestNav navDate sipSupported managementFeeRate establishedOn
            subscriptionMinimum { amount currency }
            sipMinimum { amount currency }
            navHistory(first: 3) { totalCount edges { cursor node { date nav accumulatedNav } } pageInfo { hasNextPage } }
          }
        }
      }
    }
  }
`;
const CHECK = /* GraphQL */ `
  query ($c: ID!, $p: ID!, $amount: Decimal, $details: JSONObject) {
    checkSuitability(input: { customerId: $c, productId: $p, amount: $amount, channel: ONLINE, initiator: CUSTOMER, details: $details }) {
      outcome
      reasons { code ruleId source outcome message }
    }
  }
`;
const HOLDINGS = /* GraphQL */ `
  {
    customers(first: 40) {
      edges { node { id holdings(line: FUNDS, first: 4) { edges { node { quantity marketValue { amount } product { code ... on FundProduct { latestNav } } } } } } }
    }
  }
`;

interface Fund {
  id: string;
  code: string;
  riskRating: string;
  status: string;
  coolingOffHours: number;
  fundType: string;
  isPrivate: boolean;
  isBankWealth: boolean;
  issuerType: string;
  sipSupported: boolean;
  latestNav: string | null;
  navDate: string | null;
  minimumAmount: { amount: string };
  subscriptionMinimum: { amount: string };
  sipMinimum: { amount: string } | null;
  navHistory: { totalCount: number; edges: { node: { date: string; nav: string } }[]; pageInfo: { hasNextPage: boolean } };
}

describe.each(testDrivers())('funds through the API (%s)', (driver) => {
  let t: TestHost;
  let funds: Fund[];
  let customerId: string;
  const code = (c: string) => funds.find((f) => f.code === c)!;
  const check = async (product: string, amount: string | null, details?: Record<string, unknown>) => {
    const r = await t.gql(CHECK, { c: customerId, p: code(product).id, amount, details }, { lang: 'en' });
    expect(r.errors).toBeUndefined();
    return r.data.checkSuitability as { outcome: string; reasons: { code: string; ruleId: string; source: string; outcome: string; message: string }[] };
  };

  beforeAll(async () => {
    // Only this plugin: the host must need nothing else to serve it.
    t = await createTestHost({ plugins: [plugin], customers: 80, driver });
    const r = await t.gql(PRODUCTS, { first: 100 });
    expect(r.errors).toBeUndefined();
    funds = r.data.products.edges.map((e: { node: Fund }) => e.node);
    const c = await t.gql('{ customers(first: 1) { edges { node { id } } } }');
    customerId = c.data.customers.edges[0].node.id;
  });
  afterAll(() => t?.close());

  it('lists the line with its own fields across R1–R5, NAV history newest first', () => {
    expect(funds.length).toBeGreaterThanOrEqual(24);
    expect(new Set(funds.map((f) => f.riskRating))).toEqual(new Set(['R1', 'R2', 'R3', 'R4', 'R5']));
    for (const f of funds) {
      expect(f.subscriptionMinimum.amount).toBe(f.minimumAmount.amount);
      expect(f.coolingOffHours).toBe(f.isPrivate ? 24 : 0);
      if (f.navHistory.totalCount === 0) continue;
      expect(f.navHistory.totalCount).toBe(120);
      const [newest, older] = f.navHistory.edges.map((e) => e.node);
      expect(newest!.date > older!.date).toBe(true);
      expect(new Decimal(newest!.nav).eq(f.latestNav!)).toBe(true);
      expect(f.navDate).toBe(newest!.date);
    }
    expect(code('FUND-HX-RETURN-A').sipMinimum).toEqual({ amount: '100', currency: 'CNY' });
    expect(code('WM-HRLC-EQUITY')).toMatchObject({ isBankWealth: true, issuerType: 'BANK_SUBSIDIARY' });
  });

  it('costs the same number of statements for 10 or 40 products with their details and NAVs', async () => {
    const small = await t.gql(PRODUCTS, { first: 10 });
    const large = await t.gql(PRODUCTS, { first: 40 });
    expect(large.errors).toBeUndefined();
    expect(large.statements).toBe(small.statements);
  });

  it('values holdings at units × latest NAV', async () => {
    const r = await t.gql(HOLDINGS);
    expect(r.errors).toBeUndefined();
    const holdings = r.data.customers.edges.flatMap((e: any) => e.node.holdings.edges.map((h: any) => h.node));
    expect(holdings.length).toBeGreaterThan(0);
    for (const h of holdings) {
      const expected = new Decimal(h.quantity).times(h.product.latestNav);
      expect(new Decimal(h.marketValue.amount).minus(expected).abs().lte('0.01')).toBe(true);
    }
  });

  it('applies the funds rules in checkSuitability', async () => {
    const privateBelow = await check('PF-HY-VALUE-1', '999999.99');
    expect(privateBelow.outcome).toBe('BLOCK');
    expect(privateBelow.reasons.find((r) => r.code === 'PRIVATE_BELOW_MINIMUM')).toMatchObject({
      ruleId: 'funds.private-minimum',
      source: 'funds',
      outcome: 'BLOCK',
    });
    expect(privateBelow.reasons.map((r) => r.code)).toContain('PRIVATE_COOLING_OFF');

    const qdii = await check('FUND-EFD-SP500-A', '1000');
    expect(qdii.reasons.find((r) => r.code === 'QDII_FX_RISK')?.message).toContain('currency risk');

    const wealth = await check('WM-HR-FI90', '9000');
    expect(wealth.reasons.map((r) => r.code)).toContain('WEALTH_BELOW_MINIMUM');
    const subsidiary = await check('WM-HRLC-FIPLUS', '100');
    expect(subsidiary.reasons.map((r) => r.code)).not.toContain('WEALTH_BELOW_MINIMUM');

    const sip = await check('FUND-HX-CASH-A', '100', { sip: true });
    expect(sip.reasons.map((r) => r.code)).toContain('SIP_NOT_SUPPORTED');
  });
});
