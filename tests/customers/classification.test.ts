import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { branches, bundleItems, bundles, customers, holdings, managers, orders, products } from '../../src/db/schema/index.js';
import { revalueCustomers } from '../../src/domain/holdings/revalue.js';
import { toGlobalId } from '../../src/graphql/relay/global-id.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

// Issue 11, customer classification beyond activity, on a fixture of its own (one branch, five
// customers) beside a small demo bank. Default settings, by which every figure below is hand-computed:
//   tiers by assets       GOLD 50,000 · PLATINUM 500,000 · DIAMOND 2,000,000 · PRIVATE_BANKING 6,000,000
//   tiers by contribution GOLD 500 · PLATINUM 5,000 · DIAMOND 20,000 · PRIVATE_BANKING 60,000
//   contribution          fee 1.2 % of FUNDS order amounts (365 days) + margin 0.5 % of FUNDS position values
//   near the next tier    within 10 % of its threshold
//   size                  LARGE assets ≥ 2,000,000 or volume ≥ 1,000,000; MEDIUM 200,000 / 100,000 (365 days)
//   income bands          ULTRA_HIGH ≥ 1,000,000 · MIDDLE_HIGH ≥ 300,000 (household)
//
//   customer  assets (FUNDS)      orders in window        fee     margin   contribution  risk  household income
//   a         460,000 (unit 1)    —                       0       2,300    2,300         C2    1,200,000
//   b         100,000 (unit 1)    90,000 (+ one 400 d ago) 1,080  500      1,580         C3      300,000
//   c          10,000 (unit 1)    380,000 (+ a cancelled)  4,560  50       4,610         C5      299,999.99
//   d         480,000 (48,000 × 10, the price that moves)  0      2,400    2,400         —       500,000
//   e       6,500,000 (unit 1)    —                       0       32,500   32,500        C4      500,000

const DAY = 86_400_000;
type Key = 'a' | 'b' | 'c' | 'd' | 'e';

const FIELDS = `query($b: ID!) { customers(first: 50, filter: { branchId: $b }) { edges { node {
  name tier sizeClass riskAttitude incomeBand totalAssets { amount } nextTier { tier gap { amount currency } basis } } } } }`;
const COUNT = `query($f: CustomerFilter!) { customers(first: 50, filter: $f) { totalCount edges { node { name } } } }`;

describe.each(testDrivers())('customer classification (%s)', (driver) => {
  let t: TestHost;
  let B = 0;
  let mover = 0;
  const id: Record<Key, number> = { a: 0, b: 0, c: 0, d: 0, e: 0 };

  const fields = async () => {
    const r = await t.gql(FIELDS, { b: toGlobalId('Branch', B) });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return Object.fromEntries(r.data.customers.edges.map((e: any) => [e.node.name.replace('分类', ''), e.node])) as Record<Key, any>;
  };
  const names = async (filter: Record<string, unknown>) => {
    const r = await t.gql(COUNT, { f: { branchId: toGlobalId('Branch', B), ...filter } });
    expect(r.errors).toBeUndefined();
    expect(r.data.customers.totalCount).toBe(r.data.customers.edges.length);
    return r.data.customers.edges.map((e: any) => e.node.name.replace('分类', '')).sort();
  };
  const setting = (key: string, value: unknown) => t.host.runtime.settings.set(key, value);

  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 24 });
    const db = t.host.runtime.database.db;
    [{ id: B }] = await db
      .insert(branches)
      .values({ code: 'T-CLS-B', nameZh: '分类测试支行', nameEn: 'Classification test branch', city: '杭州' })
      .returning({ id: branches.id });
    const [{ id: m }] = await db
      .insert(managers)
      .values({ code: 'T-CLS-M', name: '庚', grade: 'PRINCIPAL', branchId: B, phone: '13900000101' })
      .returning({ id: managers.id });
    const product = {
      nameZh: '测试',
      nameEn: 'Test',
      line: 'FUNDS',
      issuer: 'T',
      riskRating: 'R1',
      status: 'CLOSED',
      liquidity: 'HIGH',
      function: 'PRESERVATION',
    };
    const [{ id: unit }] = await db
      .insert(products)
      .values({ ...product, code: 'T-CLS-UNIT', unitPrice: '1' })
      .returning({ id: products.id });
    [{ id: mover }] = await db
      .insert(products)
      .values({ ...product, code: 'T-CLS-MOVER', unitPrice: '10' })
      .returning({ id: products.id });
    const fixture: [Key, string, number, string | null, string][] = [
      ['a', '460000', unit, 'C2', '1200000'],
      ['b', '100000', unit, 'C3', '300000'],
      ['c', '10000', unit, 'C5', '299999.99'],
      ['d', '48000', mover, null, '500000'],
      ['e', '6500000', unit, 'C4', '500000'],
    ];
    for (const [i, [key, quantity, productId, riskLevel, household]] of fixture.entries()) {
      const [row] = await db
        .insert(customers)
        .values({
          name: `分类${key}`,
          idType: 'PASSPORT',
          idNumber: `TC${String(i).padStart(7, '0')}`,
          phone: `1360000000${i}`,
          birthDate: '1980-01-01',
          gender: 'MALE',
          residency: 'ONSHORE',
          nationality: 'CN',
          occupation: '工程师',
          employerSector: 'IT',
          personalAnnualIncome: '200000',
          householdAnnualIncome: household,
          householdFinancialAssets: '100000',
          incomeThreeYearAverage: '200000',
          branchId: B,
          managerId: m,
          riskLevel,
        })
        .returning({ id: customers.id });
      id[key] = row.id;
      await db.insert(holdings).values({ customerId: row.id, productId, quantity, costAmount: quantity, costCurrency: 'CNY', openedAt: new Date() });
    }
    const now = Date.now();
    const order = (customerId: number, amount: string, daysAgo: number, status = 'SETTLED') => ({
      customerId,
      productId: unit,
      line: 'FUNDS',
      amount,
      currency: 'CNY',
      quantity: amount,
      channel: 'COUNTER',
      initiator: 'CUSTOMER',
      status,
      decisionId: 0,
      placedBy: 'test',
      placedAt: new Date(now - daysAgo * DAY),
    });
    await db.insert(orders).values([
      order(id.b, '90000', 30),
      order(id.b, '50000', 400), // outside both windows
      order(id.c, '380000', 60),
      order(id.c, '1000000', 10, 'CANCELLED'), // cancelled: neither fee nor volume
    ]);
    await revalueCustomers(t.host.runtime, Object.values(id));
    // A bundle for PLATINUM customers and above: its minimum-tier check must follow the live tier.
    const [{ id: bundle }] = await db
      .insert(bundles)
      .values({
        code: 'T-CLS-PLATINUM',
        nameZh: '白金专享',
        nameEn: 'Platinum only',
        descriptionZh: '测试',
        descriptionEn: 'Test',
        kind: 'TRANSACTION',
        minimumTier: 'PLATINUM',
      })
      .returning({ id: bundles.id });
    await db.insert(bundleItems).values({ bundleId: bundle, productId: unit, position: 1, suggestedAmount: '1000' });
  }, 240_000);
  afterAll(() => t?.close());
  afterEach(() => {
    setting('core.tierBasis', 'ASSETS');
    setting('core.nearNextTier', { share: '0.1' });
  });

  it('derives size class, risk attitude and income band, and filters by them with the same definitions', async () => {
    const f = await fields();
    expect(Object.fromEntries(Object.entries(f).map(([k, v]) => [k, [v.sizeClass, v.riskAttitude, v.incomeBand]]))).toEqual({
      a: ['MEDIUM', 'CONSERVATIVE', 'ULTRA_HIGH'], // assets 460,000 ≥ 200,000
      b: ['SMALL', 'BALANCED', 'MIDDLE_HIGH'], // 100,000 assets, 90,000 volume: both below MEDIUM; income on the threshold
      c: ['MEDIUM', 'AGGRESSIVE', 'GENERAL'], // volume 380,000 ≥ 100,000 (the cancelled million does not count)
      d: ['MEDIUM', null, 'MIDDLE_HIGH'], // never assessed: no attitude
      e: ['LARGE', 'AGGRESSIVE', 'MIDDLE_HIGH'],
    });
    expect(await names({ sizeClass: 'LARGE' })).toEqual(['e']);
    expect(await names({ sizeClass: 'MEDIUM' })).toEqual(['a', 'c', 'd']);
    expect(await names({ sizeClass: 'SMALL' })).toEqual(['b']);
    expect(await names({ riskAttitude: 'CONSERVATIVE' })).toEqual(['a']);
    expect(await names({ riskAttitude: 'BALANCED' })).toEqual(['b']);
    expect(await names({ riskAttitude: 'AGGRESSIVE' })).toEqual(['c', 'e']);
    expect(await names({ incomeBand: 'ULTRA_HIGH' })).toEqual(['a']);
    expect(await names({ incomeBand: 'MIDDLE_HIGH' })).toEqual(['b', 'd', 'e']);
    expect(await names({ incomeBand: 'GENERAL' })).toEqual(['c']);
  });

  it('tiers by assets (the default basis): next tier, its gap and the near filter', async () => {
    const f = await fields();
    expect(
      Object.fromEntries(Object.entries(f).map(([k, v]) => [k, [v.tier, v.nextTier && [v.nextTier.tier, v.nextTier.gap.amount, v.nextTier.basis]]])),
    ).toEqual({
      a: ['GOLD', ['PLATINUM', '40000', 'ASSETS']],
      b: ['GOLD', ['PLATINUM', '400000', 'ASSETS']],
      c: ['STANDARD', ['GOLD', '40000', 'ASSETS']],
      d: ['GOLD', ['PLATINUM', '20000', 'ASSETS']],
      e: ['PRIVATE_BANKING', null], // the top tier has no next tier
    });
    expect(await names({ nearNextTier: true })).toEqual(['a', 'd']); // 40,000 and 20,000 ≤ 50,000
    expect(await names({ nearNextTier: false })).toEqual(['b', 'c', 'e']);
    expect(await names({ tier: 'GOLD' })).toEqual(['a', 'b', 'd']);
    // An amount instead of a share: within 30,000 CNY of the next threshold.
    setting('core.nearNextTier', { assetsCny: '30000', contributionCny: '100' });
    expect(await names({ nearNextTier: true })).toEqual(['d']);
  });

  it('tiers by contribution: fee income from orders in the window plus the interest-margin estimate', async () => {
    setting('core.tierBasis', 'CONTRIBUTION');
    const f = await fields();
    expect(
      Object.fromEntries(Object.entries(f).map(([k, v]) => [k, [v.tier, v.nextTier && [v.nextTier.tier, v.nextTier.gap.amount, v.nextTier.basis]]])),
    ).toEqual({
      a: ['GOLD', ['PLATINUM', '2700', 'CONTRIBUTION']], // 5,000 − 2,300
      b: ['GOLD', ['PLATINUM', '3420', 'CONTRIBUTION']], // 5,000 − (1,080 + 500)
      c: ['GOLD', ['PLATINUM', '390', 'CONTRIBUTION']], // 5,000 − (4,560 + 50)
      d: ['GOLD', ['PLATINUM', '2600', 'CONTRIBUTION']], // 5,000 − 2,400
      e: ['DIAMOND', ['PRIVATE_BANKING', '27500', 'CONTRIBUTION']], // 60,000 − 32,500
    });
    expect(await names({ tier: 'GOLD' })).toEqual(['a', 'b', 'c', 'd']);
    expect(await names({ tier: 'DIAMOND' })).toEqual(['e']);
    expect(await names({ tier: 'PRIVATE_BANKING' })).toEqual([]);
    expect(await names({ nearNextTier: true })).toEqual(['c']); // 390 ≤ 500
  });

  it('tiers by the higher of the two, the gap on the measure closer to the next tier', async () => {
    setting('core.tierBasis', 'HIGHER');
    const f = await fields();
    expect(
      Object.fromEntries(Object.entries(f).map(([k, v]) => [k, [v.tier, v.nextTier && [v.nextTier.tier, v.nextTier.gap.amount, v.nextTier.basis]]])),
    ).toEqual({
      a: ['GOLD', ['PLATINUM', '40000', 'ASSETS']], // 8 % of 500,000 missing against 54 % of 5,000
      b: ['GOLD', ['PLATINUM', '3420', 'CONTRIBUTION']], // 68.4 % against 80 %
      c: ['GOLD', ['PLATINUM', '390', 'CONTRIBUTION']], // STANDARD by assets, GOLD by contribution
      d: ['GOLD', ['PLATINUM', '20000', 'ASSETS']],
      e: ['PRIVATE_BANKING', null],
    });
    expect(await names({ tier: 'GOLD' })).toEqual(['a', 'b', 'c', 'd']);
    expect(await names({ tier: 'STANDARD' })).toEqual([]);
    expect(await names({ tier: 'PRIVATE_BANKING' })).toEqual(['e']);
    expect(await names({ nearNextTier: true })).toEqual(['a', 'c', 'd']);
  });

  it('after a price moves, the tier field, the tier filter and the bundle minimum-tier check agree', async () => {
    const OFFER = `query($id: ID!) { customer(id: $id) { tier totalAssets { amount } bundleOffers { bundle { code } targeting { criterion matched } } } }`;
    const check = async () => {
      const r = await t.gql(OFFER, { id: toGlobalId('Customer', id.d) });
      expect(r.errors).toBeUndefined();
      const offer = r.data.customer.bundleOffers.find((o: any) => o.bundle.code === 'T-CLS-PLATINUM');
      return {
        tier: r.data.customer.tier,
        assets: r.data.customer.totalAssets.amount,
        minimumTierMet: offer.targeting.find((x: any) => x.criterion === 'MINIMUM_TIER').matched,
      };
    };
    expect(await check()).toEqual({ tier: 'GOLD', assets: '480000', minimumTierMet: false });
    expect(await names({ tier: 'PLATINUM' })).toEqual([]);
    // The fund's price moves from 10 to 11 (published through the plugin's catalog writer): 48,000 × 11 = 528,000.
    await t.host.runtime.servicesFor('funds').catalog.publishPrice(mover, '11', new Date());
    expect(await check()).toEqual({ tier: 'PLATINUM', assets: '528000', minimumTierMet: true });
    expect(await names({ tier: 'PLATINUM' })).toEqual(['d']);
    expect(await names({ tier: 'GOLD' })).toEqual(['a', 'b']);
    expect(await names({ nearNextTier: true })).toEqual(['a']); // d is PLATINUM now, 1,472,000 from DIAMOND
    // And back down: 48,000 × 9 = 432,000.
    await t.host.runtime.servicesFor('funds').catalog.publishPrice(mover, '9', new Date());
    expect(await check()).toEqual({ tier: 'GOLD', assets: '432000', minimumTierMet: false });
    expect(await names({ tier: 'PLATINUM' })).toEqual([]);
    expect(await names({ tier: 'GOLD' })).toEqual(['a', 'b', 'd']);
    // A catalog sync that re-prices the product (upsert) revalues its holders too: 48,000 × 12 = 576,000.
    const catalog = t.host.runtime.servicesFor('funds').catalog;
    await catalog.upsertProducts([
      {
        code: 'T-CLS-MOVER',
        nameZh: '测试',
        nameEn: 'Test',
        issuer: 'T',
        riskRating: 'R1',
        status: 'CLOSED',
        liquidity: 'HIGH',
        function: 'PRESERVATION',
        unitPrice: '12',
      },
    ]);
    expect(await check()).toEqual({ tier: 'PLATINUM', assets: '576000', minimumTierMet: true });
    expect(await names({ tier: 'PLATINUM' })).toEqual(['d']);
  });

  it('a page with the new fields costs the same statements for 1 or all customers', async () => {
    setting('core.tierBasis', 'HIGHER');
    const Q = `query($first: Int!) { customers(first: $first) { edges { node { id tier sizeClass riskAttitude incomeBand nextTier { tier gap { amount } basis } assignmentMismatch } } } }`;
    const counts = new Set<number>();
    for (const first of [1, 10, 29]) {
      const r = await t.gql(Q, { first });
      expect(r.errors).toBeUndefined();
      expect(r.data.customers.edges).toHaveLength(first);
      counts.add(r.statements);
    }
    // The page with holdings, products, rates, managers and order sums is one statement; plus the audit insert.
    expect([...counts]).toEqual([2]);
  });
});
