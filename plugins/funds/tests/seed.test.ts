import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/sdk/index.js';
import plugin from '../index.js';
import { fundsDetails, fundsNavHistory } from '../schema.js';
import { NAV_POINTS } from '../seed/index.js';
import { database, seedContext } from './support.js';

const level = (r: string) => Number(r.slice(1));
const groupBy = <T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> => {
  const out = new Map<K, T[]>();
  for (const row of rows) out.set(key(row), [...(out.get(key(row)) ?? []), row]);
  return out;
};

describe('funds seed', () => {
  let env: Awaited<ReturnType<typeof database>>;
  let seeded: ReturnType<typeof seedContext>;

  beforeAll(async () => {
    env = await database();
    seeded = seedContext(env.db);
    await plugin.seed!(seeded.ctx);
  });
  afterAll(() => env.close());

  const all = () => [...seeded.products.values()];

  it('creates at least 24 products across R1–R5, some not buyable today', () => {
    const products = all();
    expect(products.length).toBeGreaterThanOrEqual(24);
    expect(new Set(products.map((p) => p.riskRating))).toEqual(new Set(['R1', 'R2', 'R3', 'R4', 'R5']));
    const statuses = new Set(products.map((p) => p.status));
    for (const s of ['DRAFT', 'SUSPENDED', 'CLOSED', 'ON_SALE']) expect(statuses).toContain(s);
    const now = seeded.ctx.now.getTime();
    expect(products.some((p) => p.status === 'ON_SALE' && p.saleStart && p.saleStart.getTime() > now)).toBe(true);
    expect(products.some((p) => p.status === 'ON_SALE' && p.saleEnd && p.saleEnd.getTime() < now)).toBe(true);
  });

  it('sets the regime, cooling-off and minimums the rules expect', async () => {
    const details = new Map((await env.db.select().from(fundsDetails)).map((d) => [d.productId, d]));
    for (const p of all()) {
      const d = details.get(p.id)!;
      expect(d, p.code).toBeDefined();
      expect(p.regime).toBe(d.isBankWealth ? 'WEALTH' : 'SECURITIES');
      expect(p.coolingOffHours).toBe(d.isPrivate ? 24 : 0);
      if (d.isPrivate) {
        expect(p.minimumAmount).toBe({ FIXED_INCOME: '300000', MIXED: '400000', EQUITY: '1000000', COMMODITY_DERIVATIVES: '1000000' }[d.assetClass]);
      } else if (d.isBankWealth && d.issuerType === 'BANK') {
        expect(p.minimumAmount).toBe('10000');
      } else {
        expect(['1', '10', '100']).toContain(p.minimumAmount);
        expect(p.amountStep).toBe('0.01');
      }
    }
    const wealth = all().filter((p) => p.regime === 'WEALTH');
    expect(wealth.length).toBeGreaterThanOrEqual(3);
    expect(new Set(wealth.map((p) => p.riskRating))).toEqual(new Set(['R2', 'R3', 'R4']));
    const issuers = new Set(wealth.map((p) => details.get(p.id)!.issuerType));
    expect(issuers).toEqual(new Set(['BANK', 'BANK_SUBSIDIARY']));
    const privateFunds = [...details.values()].filter((d) => d.fundType === 'PRIVATE');
    expect(new Set(privateFunds.map((d) => d.assetClass)).size).toBe(4);
  });

  it('publishes 120 weekday NAVs per priced product, newest as the core unit price', async () => {
    const navs = await env.db.select().from(fundsNavHistory);
    const byProduct = groupBy(navs, (n) => n.productId);
    for (const p of all()) {
      const series = (byProduct.get(p.id) ?? []).sort((a, b) => a.navDate.localeCompare(b.navDate));
      if (p.status === 'DRAFT' || (p.saleStart && p.saleStart > seeded.ctx.now)) {
        expect(series, p.code).toEqual([]);
        continue;
      }
      expect(series.length, p.code).toBe(NAV_POINTS);
      for (const n of series) expect([0, 6]).not.toContain(new Date(`${n.navDate}T00:00:00Z`).getUTCDay());
      const latest = series.at(-1)!;
      expect(latest.navDate < '2026-11-23').toBe(true);
      expect(new Decimal(p.unitPrice!).eq(latest.nav)).toBe(true);
      expect(p.unitPriceAt!.getTime()).toBeLessThan(seeded.ctx.now.getTime());
      expect(new Decimal(latest.accumulatedNav).gte(latest.nav)).toBe(true);
    }
    const cash = all().find((p) => p.code === 'FUND-HX-CASH-A')!;
    expect(new Set(byProduct.get(cash.id)!.map((n) => n.nav))).toEqual(new Set(['1.0000']));
    // Equity NAVs actually move.
    const equity = all().find((p) => p.code === 'FUND-EFD-CSI300-A')!;
    expect(new Set(byProduct.get(equity.id)!.map((n) => n.nav)).size).toBeGreaterThan(60);
  });

  it('gives funds to about 45 % of assessed customers, 1–4 each, and almost none to unassessed ones', () => {
    const { customers } = seeded.ctx;
    const holders = groupBy(seeded.holdings, (h) => h.customerId);
    const assessed = customers.filter((c) => c.riskLevel);
    const share = assessed.filter((c) => holders.has(c.id)).length / assessed.length;
    expect(share).toBeGreaterThan(0.35);
    expect(share).toBeLessThan(0.55);
    for (const list of holders.values()) {
      expect(list.length).toBeLessThanOrEqual(4);
      expect(new Set(list.map((h) => h.productId)).size).toBe(list.length);
    }
    const unassessed = customers.filter((c) => !c.riskLevel);
    expect(unassessed.filter((c) => holders.has(c.id)).length / unassessed.length).toBeLessThan(0.15);
  });

  it('holdings respect suitability: never above level for wealth or private products, and priced at the purchase NAV', () => {
    const byId = new Map(all().map((p) => [p.id, p]));
    const customers = new Map(seeded.ctx.customers.map((c) => [c.id, c]));
    let above = 0;
    for (const h of seeded.holdings) {
      const p = byId.get(h.productId)!;
      const c = customers.get(h.customerId)!;
      const gap = level(p.riskRating) - (c.riskLevel ? level(c.riskLevel) : 0);
      if (gap > 0 && c.riskLevel) {
        above++;
        expect(p.regime).toBe('SECURITIES');
        expect(p.coolingOffHours).toBe(0);
        expect(h.attributes?.specialRiskWarningSigned).toBe(true);
      }
      if (!c.riskLevel) expect(p.riskRating).toBe('R1');
      const cost = new Decimal(h.costAmount);
      expect(cost.gte(p.minimumAmount!)).toBe(true);
      expect(cost.minus(p.minimumAmount!).mod(p.amountStep!).isZero()).toBe(true);
      const nav = new Decimal(h.attributes!.purchaseNav as string);
      const units = new Decimal(h.quantity);
      expect(units.times(nav).lte(cost)).toBe(true);
      expect(cost.minus(units.times(nav)).lt(nav.times('0.01'))).toBe(true);
      expect(h.openedAt.getTime()).toBeGreaterThanOrEqual(c.openedAt.getTime() - 86_400_000);
    }
    expect(above / seeded.holdings.length).toBeLessThan(0.1);
    const privateIds = new Set(
      all()
        .filter((p) => (p.coolingOffHours ?? 0) > 0)
        .map((p) => p.id),
    );
    const privateHoldings = seeded.holdings.filter((h) => privateIds.has(h.productId));
    for (const h of privateHoldings) {
      const c = customers.get(h.customerId)!;
      expect(level(c.riskLevel!)).toBeGreaterThanOrEqual(4);
      expect(new Decimal(c.householdFinancialAssets).gte(5_000_000)).toBe(true);
    }
  });

  it('sells closed and ended products only before they stopped selling', () => {
    const now = seeded.ctx.now.getTime();
    for (const [code, daysAgo] of [
      ['FUND-NF-3YOPEN', 120],
      ['WM-HR-BAL1Y', 10],
    ] as const) {
      const p = all().find((x) => x.code === code)!;
      const held = seeded.holdings.filter((h) => h.productId === p.id);
      expect(held.length, code).toBeGreaterThan(0);
      for (const h of held) expect(h.openedAt.getTime()).toBeLessThan(now - (daysAgo - 1) * 86_400_000);
    }
  });

  it('facts.products gives the rules each product’s details in one statement', async () => {
    const ids = all()
      .slice(0, 10)
      .map((p) => p.id);
    const services = { ...seeded.ctx };
    env.counter.statements = 0;
    const facts = await plugin.facts!.products!(services, [...ids, 99_999]);
    expect(env.counter.statements).toBe(1);
    expect(facts.size).toBe(10);
    expect(facts.has(99_999)).toBe(false);
    const cash = all().find((p) => p.code === 'FUND-HX-CASH-A')!;
    expect(facts.get(cash.id)).toEqual({
      fundType: 'MONEY_MARKET',
      isPrivate: false,
      assetClass: 'FIXED_INCOME',
      sipSupported: false,
      sipMinimum: null,
      isBankWealth: false,
      issuerType: 'FUND_HOUSE',
    });
    const sipFund = all().find((p) => p.code === 'FUND-HX-RETURN-A')!;
    expect((await plugin.facts!.products!(services, [sipFund.id])).get(sipFund.id)).toMatchObject({ sipSupported: true, sipMinimum: '100' });
    expect((await plugin.facts!.products!(services, [])).size).toBe(0);
  });

  // Re-seeding into the same (emptied) database keeps the suite fast; ids restart like a fresh one's.
  const reseed = async (overrides: Record<string, unknown> = {}) => {
    await env.db.execute(sql`truncate funds_details, funds_nav_history restart identity`);
    const again = seedContext(env.db, overrides);
    await plugin.seed!(again.ctx);
    return again;
  };
  const navRows = () =>
    env.db
      .select({ productId: fundsNavHistory.productId, navDate: fundsNavHistory.navDate, nav: fundsNavHistory.nav, acc: fundsNavHistory.accumulatedNav })
      .from(fundsNavHistory)
      .orderBy(fundsNavHistory.productId, fundsNavHistory.navDate);

  it('is deterministic: a second run gives the same products, NAVs and holdings', async () => {
    const firstNavs = await navRows();
    const second = await reseed();
    expect([...second.products.values()]).toEqual(all());
    expect(second.holdings).toEqual(seeded.holdings);
    expect(await navRows()).toEqual(firstNavs);
  });

  it('reads the bank settings when it creates products', async () => {
    const custom = await reseed({ 'funds.privateCoolingOffHours': 48, 'funds.publicWealthMinimumCny': '20000' });
    const products = [...custom.products.values()];
    expect(products.filter((p) => (p.coolingOffHours ?? 0) > 0).every((p) => p.coolingOffHours === 48)).toBe(true);
    expect(products.find((p) => p.code === 'WM-HR-FI90')!.minimumAmount).toBe('20000');
    for (const h of custom.holdings.filter((x) => x.productId === products.find((p) => p.code === 'WM-HR-FI90')!.id)) {
      expect(new Decimal(h.costAmount).gte(20000)).toBe(true);
    }
  });
});
