import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal, type AcceptedOrder, type CustomerRecord } from '../../../src/sdk/index.js';
import { evaluateRules, makeFacts } from '../../../src/sdk/testing.js';
import { CustomerFxQuotaResolver } from '../graphql/customer-quota.resolver.js';
import { ForexProductResolver } from '../graphql/product.resolver.js';
import plugin from '../index.js';
import { forexAnnualUsage, forexDetails, forexRates, forexUsageEntries } from '../schema.js';
import { database, productRecord, requestContext, seedContext } from './support.js';

describe('forex seed, facts, order hooks and resolvers', () => {
  let env: Awaited<ReturnType<typeof database>>;
  let seeded: ReturnType<typeof seedContext>;

  beforeAll(async () => {
    env = await database();
    seeded = seedContext(env.db);
    await plugin.seed!(seeded.ctx);
  });
  afterAll(() => env.close());

  const all = () => [...seeded.products.values()];
  const byCode = (code: string) => all().find((p) => p.code === code)!;

  it('seeds at least 20 products spanning R1–R5, margin suspended', () => {
    expect(all().length).toBeGreaterThanOrEqual(20);
    expect(new Set(all().map((p) => p.riskRating))).toEqual(new Set(['R1', 'R2', 'R3', 'R4', 'R5']));
    expect(byCode('FX-MARGIN-USD')).toMatchObject({ riskRating: 'R5', status: 'SUSPENDED' });
    expect(byCode('FX-SPOT-USD')).toMatchObject({ riskRating: 'R1', requiresRiskAssessment: false, currency: 'USD', regime: 'OTHER' });
    expect(byCode('FX-CASH-KRW')).toMatchObject({ currency: 'KRW' });
    expect(byCode('FX-SD-USDCNY-1M')).toMatchObject({ riskRating: 'R3', requiresRiskAssessment: true });
    expect(all().some((p) => p.status === 'DRAFT')).toBe(true);
    expect(all().some((p) => p.saleEnd && p.saleEnd.getTime() < seeded.ctx.now.getTime())).toBe(true);
  });

  it('keeps 120 days of board rates for 12 currencies, buy < middle < sell', async () => {
    const rows = await env.db.select().from(forexRates);
    expect(rows.length).toBe(120 * 12);
    for (const r of rows) {
      expect(new Decimal(r.buyRate).lt(r.middleRate)).toBe(true);
      expect(new Decimal(r.middleRate).lt(r.sellRate)).toBe(true);
    }
    const usd = rows.filter((r) => r.currency === 'USD').sort((a, b) => b.at.getTime() - a.at.getTime())[0]!;
    expect(usd.at.getTime()).toBe(seeded.ctx.now.getTime());
    expect(Number(usd.middleRate)).toBeGreaterThan(600);
    expect(Number(usd.middleRate)).toBeLessThan(800);
  });

  it('prices products at CNY per unit and publishes every reference rate to the core', async () => {
    const latest = await env.db.selectDistinctOn([forexRates.currency]).from(forexRates).orderBy(forexRates.currency, forexRates.at);
    expect(seeded.rates.size).toBe(12);
    const mids = new Map((await env.db.select().from(forexRates).where(eq(forexRates.at, seeded.ctx.now))).map((r) => [r.currency, r.middleRate]));
    expect(latest.length).toBe(12);
    for (const [currency, { rateToCny }] of seeded.rates) {
      expect(new Decimal(rateToCny).eq(new Decimal(mids.get(currency)!).div(100))).toBe(true);
    }
    expect(new Decimal(byCode('FX-SPOT-JPY').unitPrice!).eq(new Decimal(mids.get('JPY')!).div(100))).toBe(true);
  });

  it("records this year's usage for about 10 % of onshore customers, some near or over the quota", async () => {
    const rows = await env.db.select().from(forexAnnualUsage);
    const onshore = seeded.ctx.customers.filter((c) => c.residency === 'ONSHORE');
    const foreign = new Set(seeded.ctx.customers.filter((c) => c.residency === 'FOREIGN').map((c) => c.id));
    expect(rows.length / onshore.length).toBeGreaterThan(0.06);
    expect(rows.length / onshore.length).toBeLessThan(0.14);
    expect(rows.every((r) => r.year === 2026 && !foreign.has(r.customerId))).toBe(true);
    expect(rows.some((r) => Number(r.purchasedUsd) >= 45_000 && Number(r.purchasedUsd) <= 50_000)).toBe(true);
    expect(rows.some((r) => Number(r.purchasedUsd) > 50_000)).toBe(true);
  });

  it('gives positions in the foreign currency to about 12 % of customers, structured deposits only to those rated for them', () => {
    const holders = new Set(seeded.holdings.map((h) => h.customerId));
    expect(holders.size / seeded.ctx.customers.length).toBeGreaterThan(0.08);
    expect(holders.size / seeded.ctx.customers.length).toBeLessThan(0.16);
    const level = new Map(seeded.ctx.customers.map((c) => [c.id, Number(c.riskLevel?.slice(1) ?? 0)]));
    const rating = new Map(all().map((p) => [p.id, Number(p.riskRating.slice(1))]));
    for (const h of seeded.holdings) expect(level.get(h.customerId)!).toBeGreaterThanOrEqual(rating.get(h.productId)! === 1 ? 0 : rating.get(h.productId)!);
    expect(seeded.holdings.some((h) => h.attributes?.kind === 'STRUCTURED_DEPOSIT')).toBe(true);
  });

  it('values a position at face value in its currency: 1,000 USD is 1,000 USD', () => {
    expect(
      plugin.valuate!({ quantity: '1000', costAmount: '7100', costCurrency: 'CNY', attributes: {}, product: { id: 1, currency: 'USD', unitPrice: '7.1' } }),
    ).toBe('1000.00');
  });

  it('loads product facts with the currency and USD middle rates in one statement', async () => {
    env.counter.statements = 0;
    const facts = await plugin.facts!.products!(
      seeded.ctx,
      all().map((p) => p.id),
    );
    expect(env.counter.statements).toBe(1);
    const eur = facts.get(byCode('FX-SPOT-EUR').id)!;
    const usd = facts.get(byCode('FX-SPOT-USD').id)!;
    expect(eur).toMatchObject({ kind: 'SPOT_EXCHANGE', currency: 'EUR' });
    expect(eur.usdMiddleRate).toBe(usd.middleRate);
    for (const p of all()) expect([p.code, new Decimal(facts.get(p.id)!.middleRate as string).div(100).eq(p.unitPrice!)]).toEqual([p.code, true]);
    expect(new Decimal(eur.middleRate as string).mul(100).div(seeded.rates.get('EUR')!.rateToCny).eq(10_000)).toBe(true);
  });

  it('loads customer facts for the Shanghai year in one statement, zeros when none on file', async () => {
    const [row] = await env.db.select().from(forexAnnualUsage).limit(1);
    env.counter.statements = 0;
    const facts = await plugin.facts!.customers!(seeded.ctx, [row!.customerId, 999_999], seeded.ctx.now);
    expect(env.counter.statements).toBe(1);
    expect(facts.get(row!.customerId)).toEqual({ year: 2026, purchasedUsd: row!.purchasedUsd, soldUsd: row!.soldUsd });
    expect(facts.get(999_999)).toEqual({ year: 2026, purchasedUsd: '0', soldUsd: '0' });
  });

  it('feeds the rules: a customer 100 USD short of the quota buying EUR', async () => {
    await env.db.insert(forexAnnualUsage).values({ customerId: 900_001, year: 2026, purchasedUsd: '49900.00', soldUsd: '0' });
    const product = byCode('FX-SPOT-EUR');
    const details = (await plugin.facts!.products!(seeded.ctx, [product.id])).get(product.id)!;
    const lines = { forex: (await plugin.facts!.customers!(seeded.ctx, [900_001], seeded.ctx.now)).get(900_001)! };
    const decide = (amount: string) =>
      evaluateRules(
        plugin.rules!,
        makeFacts({
          now: seeded.ctx.now.toISOString(),
          customer: { id: 900_001, lines },
          product: { id: product.id, line: 'FOREX', currency: 'EUR', regime: 'OTHER', details },
          sale: { amount, currency: 'EUR', details: { purpose: 'TRAVEL' } },
        }),
        { source: 'forex', settings: plugin.settings },
      );
    expect(decide('50').outcome).toBe('ALLOW');
    expect(decide('200').reasons.map((r) => r.code)).toEqual(['ABOVE_ANNUAL_QUOTA']);
  });

  describe('order hooks', () => {
    const order = (over: Partial<AcceptedOrder>): AcceptedOrder => ({
      id: 1,
      customerId: 800_001,
      productId: byCode('FX-SPOT-USD').id,
      side: 'BUY',
      amount: '1000',
      currency: 'USD',
      quantity: '1000',
      details: {},
      placedAt: seeded.ctx.now,
      ...over,
    });
    const usage = async (customerId: number) => (await env.db.select().from(forexAnnualUsage).where(eq(forexAnnualUsage.customerId, customerId)))[0];

    it('adds purchases and sales to the year, once per order, and subtracts exactly on cancel', async () => {
      const buy = order({ id: 11 });
      await env.db.transaction((tx) => plugin.orders!.onAccepted!(tx, buy));
      await env.db.transaction((tx) => plugin.orders!.onAccepted!(tx, buy)); // replay: no double count
      expect(await usage(800_001)).toMatchObject({ year: 2026, purchasedUsd: '1000.00', soldUsd: '0.00' });

      const eur = order({ id: 12, productId: byCode('FX-SPOT-EUR').id, currency: 'EUR', amount: '500', quantity: '500' });
      await env.db.transaction((tx) => plugin.orders!.onAccepted!(tx, eur));
      const [entry] = await env.db.select().from(forexUsageEntries).where(eq(forexUsageEntries.orderId, 12));
      const mid = Object.fromEntries((await env.db.select().from(forexRates).where(eq(forexRates.at, seeded.ctx.now))).map((r) => [r.currency, r.middleRate]));
      expect(entry!.usdAmount).toBe(new Decimal(500).mul(mid.EUR!).div(mid.USD!).toDecimalPlaces(2).toFixed(2));

      const sell = order({ id: 13, side: 'SELL', quantity: '250', details: { usdAmount: '250.50' } });
      await env.db.transaction((tx) => plugin.orders!.onAccepted!(tx, sell));
      const after = await usage(800_001);
      expect(after!.purchasedUsd).toBe(new Decimal(1000).add(entry!.usdAmount).toFixed(2));
      expect(after!.soldUsd).toBe('250.50');

      await env.db.transaction((tx) => plugin.orders!.onCancelled!(tx, eur));
      await env.db.transaction((tx) => plugin.orders!.onCancelled!(tx, eur)); // twice: still subtracted once
      await env.db.transaction((tx) => plugin.orders!.onCancelled!(tx, sell));
      expect(await usage(800_001)).toMatchObject({ purchasedUsd: '1000.00', soldUsd: '0.00' });
    });

    it("never lets a given usdAmount lower the count below the order's own FX amount", async () => {
      await env.db.transaction((tx) =>
        plugin.orders!.onAccepted!(tx, order({ id: 41, customerId: 800_004, quantity: '20000', details: { usdAmount: '0.01' } })),
      );
      expect(await usage(800_004)).toMatchObject({ purchasedUsd: '20000.00' });
    });

    it('counts an order in the Shanghai calendar year it was placed in', async () => {
      await env.db.transaction((tx) => plugin.orders!.onAccepted!(tx, order({ id: 21, customerId: 800_002, placedAt: new Date('2026-12-31T16:30:00Z') })));
      const rows = await env.db.select().from(forexAnnualUsage).where(eq(forexAnnualUsage.customerId, 800_002));
      expect(rows.map((r) => r.year)).toEqual([2027]);
    });

    it('leaves deposits and structured deposits out of the quota', async () => {
      await env.db.transaction((tx) => plugin.orders!.onAccepted!(tx, order({ id: 31, customerId: 800_003, productId: byCode('FX-DEP-USD-1Y').id })));
      expect(await usage(800_003)).toBeUndefined();
    });
  });

  describe('GraphQL fields', () => {
    it('resolves rates for a page of products in one statement per kind of look-up', async () => {
      const ctx = requestContext(env.db);
      const r = new ForexProductResolver();
      const rows = all().map(productRecord);
      env.counter.statements = 0;
      const mids = await Promise.all(rows.map((p) => r.middleRate(p, ctx)));
      expect(env.counter.statements).toBe(2); // details, then latest rates
      const i = rows.findIndex((p) => p.code === 'FX-CASH-USD');
      expect(new Decimal(mids[i]!).eq(new Decimal(rows[i]!.unitPrice!).mul(100))).toBe(true);
      expect(await r.kind(rows[i]!, ctx)).toBe('CASH_EXCHANGE');
      expect(r.quoteUnits()).toBe(100);
      expect(new Decimal((await r.sellRate(rows[i]!, ctx))!).gt(mids[i]!)).toBe(true);
      expect(await r.linkedCurrency(productRecord(byCode('FX-SD-USDCNY-1M')), ctx)).toBe('CNY');
    });

    it('pages rate histories of many products in one statement', async () => {
      const ctx = requestContext(env.db);
      const r = new ForexProductResolver();
      const rows = all().map(productRecord);
      await Promise.all(rows.map((p) => r.kind(p, ctx))); // details already loaded
      env.counter.statements = 0;
      const pages = await Promise.all(rows.map((p) => r.rateHistory(p, { last: 3 }, ctx)));
      expect(env.counter.statements).toBe(1);
      const page = pages[0]!;
      expect(page.edges).toHaveLength(3);
      expect((page.edges[2]!.node as { at: Date }).at.getTime()).toBe(seeded.ctx.now.getTime());
      expect(await page.totalCount).toBe(120);
    });

    it("shows each customer's annual quota, batched", async () => {
      await env.db.insert(forexAnnualUsage).values([
        { customerId: 700_001, year: 2026, purchasedUsd: '12000.50', soldUsd: '3000.00' },
        { customerId: 700_002, year: 2026, purchasedUsd: '61000.00', soldUsd: '0' },
        { customerId: 700_001, year: 2025, purchasedUsd: '50000.00', soldUsd: '0' },
      ]);
      const ctx = requestContext(env.db);
      const r = new CustomerFxQuotaResolver();
      const customer = (id: number, over: Partial<CustomerRecord> = {}) => ({ id, residency: 'ONSHORE', fxWatchList: false, ...over }) as CustomerRecord;
      env.counter.statements = 0;
      const [a, b, c, d] = await Promise.all([
        r.fxAnnualQuota(customer(700_001), ctx),
        r.fxAnnualQuota(customer(700_002), ctx),
        r.fxAnnualQuota(customer(700_003, { residency: 'FOREIGN' }), ctx),
        r.fxAnnualQuota(customer(700_004, { fxWatchList: true }), ctx),
      ]);
      expect(env.counter.statements).toBe(1);
      expect(a).toEqual({
        year: 2026,
        limit: { amount: '50000.00', currency: 'USD' },
        purchased: { amount: '12000.50', currency: 'USD' },
        remaining: { amount: '37999.50', currency: 'USD' },
        sold: { amount: '3000.00', currency: 'USD' },
        sellRemaining: { amount: '47000.00', currency: 'USD' },
        purchaseQuotaApplies: true,
      });
      expect(b!.remaining.amount).toBe('0.00');
      expect(c).toMatchObject({ purchaseQuotaApplies: false, remaining: { amount: '0.00' }, sellRemaining: { amount: '50000.00' } });
      expect(d).toMatchObject({ purchaseQuotaApplies: false, sellRemaining: { amount: '0.00' } });
    });
  });

  it('stores details for every product', async () => {
    const [{ n }] = await env.db.select({ n: count() }).from(forexDetails);
    expect(n).toBe(all().length);
  });
});
