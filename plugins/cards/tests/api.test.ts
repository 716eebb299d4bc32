import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../tests/support/databases.js';
import { createTestHost, type TestHost } from '../../../tests/support/test-host.js';
import cards, { declaredRiskRatings } from '../index.js';

const PRODUCTS = /* GraphQL */ `
  {
    products(filter: { line: CARDS }, first: 100) {
      edges {
        node {
          id
          code
          riskRating
          ... on CardProduct {
            cardKind
            accountClass
            creditCardType
            network
            annualFee { amount currency }
            creditLimitMax { amount }
            dailyLimits { balanceCap { amount } }
          }
        }
      }
    }
    customers(first: 100) { edges { node { id } } }
  }
`;
const CHECK = /* GraphQL */ `
  query ($c: ID!, $p: ID!) {
    checkSuitability(input: { customerId: $c, productId: $p, channel: COUNTER, initiator: CUSTOMER }) {
      outcome
      reasons { code ruleId source outcome }
    }
  }
`;

interface Node {
  id: string;
  code: string;
  riskRating: string;
  cardKind: 'DEBIT' | 'CREDIT';
  accountClass: string | null;
  creditCardType: string | null;
  network: string;
  annualFee: { amount: string; currency: string };
  creditLimitMax: { amount: string } | null;
  dailyLimits: { balanceCap: { amount: string } | null } | null;
}

describe.each(testDrivers())('cards through the API (%s)', (driver) => {
  let t: TestHost;
  let products: Node[];
  let customerIds: string[];

  beforeAll(async () => {
    // Only this plugin: the host must need nothing else to serve it.
    t = await createTestHost({ plugins: [cards], customers: 100, driver });
    const r = await t.gql(PRODUCTS);
    expect(r.errors).toBeUndefined();
    products = r.data.products.edges.map((e: { node: Node }) => e.node);
    customerIds = r.data.customers.edges.map((e: { node: { id: string } }) => e.node.id);
  });
  afterAll(() => t?.close());

  it('lists debit and credit cards with their own fields, across the ratings the line declares', () => {
    expect(new Set(products.map((p) => p.riskRating))).toEqual(new Set(declaredRiskRatings));
    expect(new Set(products.map((p) => p.cardKind))).toEqual(new Set(['DEBIT', 'CREDIT']));
    for (const p of products) {
      expect(p.network, p.code).toBeTruthy();
      expect(p.annualFee.currency, p.code).toBe('CNY');
      // Credit limits belong to credit cards, account classes to debit accounts.
      expect(p.creditLimitMax === null, p.code).toBe(p.cardKind === 'DEBIT');
      expect(p.accountClass === null, p.code).toBe(p.cardKind === 'CREDIT');
    }
    const classThree = products.find((p) => p.accountClass === 'CLASS_III')!;
    expect(classThree.dailyLimits?.balanceCap?.amount).toBe('2000');
  });

  it("applies the line's rules in checkSuitability: a first credit card here needs a manual review", async () => {
    const credit = products.find((p) => p.code === 'CARD-CC-CLASSIC')!;
    const reasons: { code: string; ruleId: string; source: string; outcome: string }[] = [];
    for (const c of customerIds.slice(0, 40)) {
      const d = await t.gql(CHECK, { c, p: credit.id });
      expect(d.errors).toBeUndefined();
      reasons.push(...d.data.checkSuitability.reasons);
    }
    expect(reasons).toContainEqual({ code: 'FIRST_CARD_MANUAL_REVIEW', ruleId: 'cards.first-credit-card', source: 'cards', outcome: 'REQUIRE' });
  });
});
