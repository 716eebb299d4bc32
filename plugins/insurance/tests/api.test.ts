import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/sdk/index.js';
import { createTestHost, type TestHost } from '../../../tests/support/test-host.js';
import insurance from '../index.js';

let t: TestHost;

beforeAll(async () => {
  t = await createTestHost({ plugins: [insurance], customers: 120 });
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const PRODUCTS = /* GraphQL */ `
  query {
    products(filter: { line: INSURANCE }, first: 100) {
      totalCount
      edges {
        node {
          id
          code
          riskRating
          coolingOffHours
          ... on InsuranceProduct {
            insurer
            insuranceType
            guaranteedBenefits
            coverTermYears
            premiumModes
            paymentYearsOptions
            insuredAgeMin
            insuredAgeMax
            coolingOffDays
            providesDeathCover
            rateTable { sex ageFrom ageTo paymentYears ratePerThousand }
          }
        }
      }
    }
  }
`;

const QUOTE = /* GraphQL */ `
  query ($productId: ID!, $age: Int!, $sex: String!, $paymentYears: Int!, $sumAssured: Decimal!, $termYears: Int) {
    insuranceQuote(productId: $productId, age: $age, sex: $sex, termYears: $termYears, paymentYears: $paymentYears, sumAssured: $sumAssured) {
      annualPremium { amount currency }
      totalPremium { amount currency }
      paymentYears
      sumAssured { amount currency }
      ratePerThousand
    }
  }
`;

type Node = {
  id: string;
  code: string;
  insurer: string;
  insuranceType: string;
  guaranteedBenefits: boolean;
  coolingOffDays: number;
  coolingOffHours: number;
  rateTable: { sex: string; ageFrom: number; ageTo: number; paymentYears: number; ratePerThousand: string }[];
};

describe('insurance plugin through the API', () => {
  it('lists insurance products with their terms and rate tables, in a few statements', async () => {
    const res = await t.gql<{ products: { totalCount: number; edges: { node: Node }[] } }>(PRODUCTS);
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.products.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThanOrEqual(22);
    const wholeLife = nodes.find((n) => n.code === 'INS-CL-WHOLELIFE')!;
    expect(wholeLife).toMatchObject({
      insurer: 'chinalife',
      insuranceType: 'TRADITIONAL',
      guaranteedBenefits: true,
      coverTermYears: null,
      coolingOffDays: 15,
      coolingOffHours: 360,
    });
    expect(wholeLife.rateTable.length).toBeGreaterThan(0);
    expect(nodes.find((n) => n.code === 'INS-TK-ILP-EQUITY')).toMatchObject({ insuranceType: 'INVESTMENT_LINKED', guaranteedBenefits: false });
    // Details and rates load once per page, whatever the page size.
    expect(res.statements).toBeLessThanOrEqual(8);
  });

  it('quotes a premium from the rate table', async () => {
    const list = await t.gql<{ products: { edges: { node: Node }[] } }>(PRODUCTS);
    const wholeLife = list.data!.products.edges.map((e) => e.node).find((n) => n.code === 'INS-CL-WHOLELIFE')!;
    const row = wholeLife.rateTable.find((r) => r.sex === 'FEMALE' && r.paymentYears === 20 && r.ageFrom <= 35 && r.ageTo >= 35)!;
    const res = await t.gql(QUOTE, { productId: wholeLife.id, age: 35, sex: 'FEMALE', paymentYears: 20, sumAssured: '200000' });
    expect(res.errors).toBeUndefined();
    const q = res.data.insuranceQuote;
    expect(q.ratePerThousand).toBe(row.ratePerThousand);
    // Decimals travel without trailing zeros.
    const annual = new Decimal(row.ratePerThousand).times(200);
    expect(q.annualPremium).toEqual({ amount: annual.toFixed(), currency: 'CNY' });
    expect(q.totalPremium.amount).toBe(annual.times(20).toFixed());
    expect(q.sumAssured).toEqual({ amount: '200000', currency: 'CNY' });
    expect(q.paymentYears).toBe(20);
  });

  it('answers BAD_USER_INPUT in the caller’s language for an age outside the band', async () => {
    const list = await t.gql<{ products: { edges: { node: Node }[] } }>(PRODUCTS);
    const term = list.data!.products.edges.map((e) => e.node).find((n) => n.code === 'INS-PA-TERM20')!;
    const res = await t.gql(QUOTE, { productId: term.id, age: 61, sex: 'MALE', paymentYears: 10, sumAssured: '100000' }, { lang: 'en' });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toBe('Age 61 is outside the insurable ages 18–60');
    const zh = await t.gql(QUOTE, { productId: term.id, age: 10, sex: 'MALE', paymentYears: 10, sumAssured: '100000' });
    expect(zh.errors?.[0].message).toContain('不在投保年龄 18–60 岁范围内');
  });

  it('hides other insurers’ products from a partner', async () => {
    const list = await t.gql<{ products: { edges: { node: Node }[] } }>(PRODUCTS);
    const term = list.data!.products.edges.map((e) => e.node).find((n) => n.code === 'INS-PA-TERM20')!;
    const vars = { productId: term.id, age: 30, sex: 'MALE', paymentYears: 10, sumAssured: '100000' };
    const own = await t.gql(QUOTE, vars, { as: { role: 'PARTNER', partnerCode: 'pingan-life' } });
    expect(own.errors).toBeUndefined();
    const other = await t.gql(QUOTE, vars, { as: { role: 'PARTNER', partnerCode: 'taikang' } });
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('values policies at the premiums paid and checks suitability with the insurance rules', async () => {
    const res = await t.gql(/* GraphQL */ `
      query {
        customers(first: 40) {
          edges { node { id age holdings(line: INSURANCE, first: 3) { edges { node { quantity cost { amount } marketValue { amount currency } } } } } }
        }
      }
    `);
    expect(res.errors).toBeUndefined();
    const customers = res.data.customers.edges.map((e: { node: unknown }) => e.node) as {
      id: string;
      age: number;
      holdings: { edges: { node: { quantity: string; cost: { amount: string }; marketValue: { amount: string; currency: string } } }[] };
    }[];
    const policies = customers.flatMap((c) => c.holdings.edges.map((e) => e.node));
    expect(policies.length).toBeGreaterThan(0);
    for (const p of policies) {
      expect(p.quantity).toBe('1');
      expect(p.marketValue).toEqual({ amount: p.cost.amount, currency: 'CNY' });
    }

    const list = await t.gql<{ products: { edges: { node: Node }[] } }>(PRODUCTS);
    const ilp = list.data!.products.edges.map((e) => e.node).find((n) => n.code === 'INS-PA-ILP-BAL')!;
    const customer = customers.find((c) => c.age >= 30 && c.age <= 50)!;
    const check = (channel: string) =>
      t.gql(
        /* GraphQL */ `
          query ($input: SuitabilityInput!) {
            checkSuitability(input: $input) { outcome requiredSteps reasons { code outcome source ruleId regulation message } }
          }
        `,
        { input: { customerId: customer.id, productId: ilp.id, amount: '10000', channel, details: { premiumMode: 'SINGLE', paymentYears: 1 } } },
        { lang: 'en' },
      );
    const counter = await check('COUNTER');
    expect(counter.errors).toBeUndefined();
    const decision = counter.data.checkSuitability;
    expect(decision.outcome).toBe('BLOCK');
    expect(decision.reasons).toContainEqual(
      expect.objectContaining({ code: 'INVESTMENT_LINKED_AT_COUNTER', outcome: 'BLOCK', source: 'insurance', ruleId: 'insurance.investment-linked-counter' }),
    );
    expect(decision.requiredSteps).toEqual(expect.arrayContaining(['NEEDS_ANALYSIS', 'AUDIO_VIDEO_RECORDING']));
    const centre = await check('WEALTH_CENTER');
    expect(centre.data.checkSuitability.reasons.map((r: { code: string }) => r.code)).not.toContain('INVESTMENT_LINKED_AT_COUNTER');
  });
});
