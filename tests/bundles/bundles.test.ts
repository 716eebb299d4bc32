import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nonFxLines } from '../orders/support.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

const OFFERS = `query($id: ID!) { customer(id: $id) { riskProfile { level } lifeStage tier bundleOffers {
  bundle { code kind target { riskAttitudes lifeStages incomeBands minimumTier } }
  decision { outcome reasons { code message } }
  items { product { id } decision { outcome reasons { code } } }
  targeting { criterion matched message } fits recommended explanation } } }`;

const rank = ['ALLOW', 'WARN', 'REQUIRE', 'BLOCK'];

describe.each(testDrivers())('bundles on %s', (driver) => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 60, plugins: nonFxLines });
  }, 180_000);
  afterAll(() => t?.close());

  it('seeds the playbook from the loaded lines, skipping lines not loaded', async () => {
    const res = await t.gql(
      `{ bundles(first: 50) { totalCount edges { node { id code kind name version status pricing { waivedFees { code name } feeDiscountPercent } items { product { id } role } services { code kind name amount { amount } } } } } }`,
      {},
      { lang: 'en' },
    );
    expect(res.errors).toBeUndefined();
    const codes = res.data.bundles.edges.map((e: { node: { code: string } }) => e.node.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'ACCOUNT-SETTLEMENT',
        'ACCOUNT-TRANSACTION',
        'ACCOUNT-FEE-COLLECTION',
        'ACCOUNT-INVESTMENT',
        'RISK-CONSERVATIVE',
        'RISK-MODERATE',
        'LIFE-SENIOR',
        'INCOME-GENERAL',
      ]),
    );
    for (const e of res.data.bundles.edges) {
      expect(e.node.items.length).toBeGreaterThanOrEqual(1);
      expect(e.node.items.length + e.node.services.length).toBeGreaterThanOrEqual(2);
      expect(e.node).toMatchObject({ version: 1, status: 'ACTIVE' });
    }
    // 个人结算账户套餐: a card, a minimum deposit and online banking — the deposit and online banking as what they are.
    const settlement = res.data.bundles.edges.find((e: { node: { code: string } }) => e.node.code === 'ACCOUNT-SETTLEMENT').node;
    expect(settlement).toMatchObject({ kind: 'ACCOUNT_TYPE', name: 'Personal settlement account bundle' });
    expect(settlement.services).toEqual([
      { code: 'MINIMUM_DEPOSIT', kind: 'CONDITION', name: 'Minimum deposit balance', amount: { amount: '1000' } },
      { code: 'ONLINE_BANKING', kind: 'ENTITLEMENT', name: 'Online banking', amount: null },
    ]);
    expect(settlement.pricing.waivedFees.map((f: { code: string }) => f.code)).toContain('CARD_ANNUAL_FEE');
    const trading = res.data.bundles.edges.find((e: { node: { code: string } }) => e.node.code === 'ACCOUNT-TRANSACTION').node;
    expect(trading.services.map((x: { code: string }) => x.code)).toEqual(['PERSONAL_CREDIT_LINE', 'ONLINE_BANKING']);
    const node = await t.gql(`query($id: ID!) { node(id: $id) { ... on Bundle { code } } }`, { id: settlement.id });
    expect(node.data.node.code).toBe('ACCOUNT-SETTLEMENT');
    const partner = await t.gql(`{ bundles { totalCount } }`, {}, { as: { role: 'PARTNER', partnerCode: 'funds' } });
    expect(partner.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('offers each customer every bundle with the strictest item decision, recommended first, explained', async () => {
    const page = await t.gql(`{ customers(first: 30) { edges { node { id } } } }`);
    let sawRecommended = false;
    let sawNotFitting = false;
    for (const e of page.data.customers.edges) {
      const res = await t.gql(OFFERS, { id: e.node.id }, { lang: 'en' });
      expect(res.errors).toBeUndefined();
      const c = res.data.customer;
      const offers = c.bundleOffers;
      expect(offers.length).toBeGreaterThan(0);
      let seenUnrecommended = false;
      for (const o of offers) {
        const strictest = o.items.reduce(
          (a: string, i: { decision: { outcome: string } }) => (rank.indexOf(i.decision.outcome) > rank.indexOf(a) ? i.decision.outcome : a),
          'ALLOW',
        );
        expect(o.decision.outcome).toBe(strictest);
        const itemReasons = o.items.reduce((n: number, i: { decision: { reasons: unknown[] } }) => n + i.decision.reasons.length, 0);
        expect(o.decision.reasons.length).toBe(itemReasons);
        expect(o.fits).toBe(o.targeting.every((x: { matched: boolean }) => x.matched));
        expect(o.recommended).toBe(o.fits && o.decision.outcome !== 'BLOCK');
        expect(o.explanation.length).toBeGreaterThan(0);
        if (o.recommended) {
          expect(seenUnrecommended).toBe(false);
          sawRecommended = true;
        } else seenUnrecommended = true;
        if (!o.fits) {
          sawNotFitting = true;
          expect(o.explanation).toMatch(/^Not the target segment/);
        }
        if (o.bundle.target.riskAttitudes.includes('CONSERVATIVE') && o.fits) expect(['C1', 'C2']).toContain(c.riskProfile?.level);
        if (o.bundle.target.lifeStages.includes('SENIOR') && o.fits) expect(c.lifeStage).toBe('SENIOR');
      }
    }
    expect(sawRecommended).toBe(true);
    expect(sawNotFitting).toBe(true);
  }, 120_000);

  it('answers in Chinese by default', async () => {
    const page = await t.gql(`{ customers(first: 1) { edges { node { id } } } }`);
    const res = await t.gql(OFFERS, { id: page.data.customers.edges[0].node.id });
    expect(res.data.customer.bundleOffers[0].explanation).toMatch(/[\u4e00-\u9fa5]/);
  });
});
