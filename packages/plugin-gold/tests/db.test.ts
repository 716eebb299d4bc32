import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '@finmart/sdk';
import plugin from '../src/index.js';
import { GoldProductResolver } from '../src/graphql/product.resolver.js';
import { goldDetails, goldPrices } from '../src/schema.js';
import { database, productRecord, requestContext, seedContext } from './support.js';

describe('gold seed, facts and resolvers', () => {
  let env: Awaited<ReturnType<typeof database>>;
  let seeded: ReturnType<typeof seedContext>;

  beforeAll(async () => {
    env = await database();
    seeded = seedContext(env.db);
    await plugin.seed!(seeded.ctx);
  });
  afterAll(() => env.close());

  const all = () => [...seeded.products.values()];

  it('seeds at least 20 products: bars R1 without assessment, account gold at the required level', () => {
    expect(all().length).toBeGreaterThanOrEqual(20);
    const statuses = new Set(all().map((p) => p.status));
    for (const s of ['ON_SALE', 'DRAFT', 'SUSPENDED']) expect(statuses).toContain(s);
    expect(all().some((p) => p.saleEnd && p.saleEnd.getTime() < seeded.ctx.now.getTime())).toBe(true);
    for (const p of all()) {
      expect(p.regime).toBe('OTHER');
      expect(p.currency).toBe('CNY');
      if (p.code.startsWith('GOLD-ACCOUNT') || p.code.startsWith('GOLD-PAPER') || p.code.startsWith('GOLD-PLAN')) {
        expect([p.code, p.riskRating, p.requiresRiskAssessment]).toEqual([p.code, 'R3', true]);
      } else {
        expect([p.code, p.riskRating, p.requiresRiskAssessment]).toEqual([p.code, 'R1', false]);
      }
    }
  });

  it('rates account gold from the setting: C4 required → R4', async () => {
    // Re-seeding the same tables is harmless: details and prices are insert-if-absent.
    const ctx = seedContext(env.db, { 'gold.accountGoldRequiredRiskLevel': 'C4' }, 50);
    await plugin.seed!(ctx.ctx);
    expect([...ctx.products.values()].find((p) => p.code === 'GOLD-ACCOUNT-CNY')!.riskRating).toBe('R4');
    expect([...ctx.products.values()].find((p) => p.code === 'GOLD-CNG-10G')!.riskRating).toBe('R1');
  });

  it('keeps 120 daily gram prices per product around the 2026 level, the newest equal to unitPrice', async () => {
    const [{ n }] = await env.db.select({ n: count() }).from(goldPrices);
    expect(n).toBe(120 * all().length);
    const account = all().find((p) => p.code === 'GOLD-ACCOUNT-CNY')!;
    const [latest] = await env.db
      .select()
      .from(goldPrices)
      .where(sql`${goldPrices.productId} = ${account.id}`)
      .orderBy(sql`${goldPrices.at} desc`)
      .limit(1);
    expect(new Decimal(latest!.pricePerGram).eq(account.unitPrice!)).toBe(true);
    expect(latest!.at.getTime()).toBe(seeded.ctx.now.getTime());
    expect(Number(account.unitPrice)).toBeGreaterThan(700);
    expect(Number(account.unitPrice)).toBeLessThan(1100);
    const bar = all().find((p) => p.code === 'GOLD-CNG-10G')!;
    expect(new Decimal(bar.unitPrice!).gt(account.unitPrice!)).toBe(true); // bars carry a premium
  });

  it('gives holdings in grams to about 15 % of customers, account gold mostly to C3+', () => {
    const holders = new Set(seeded.holdings.map((h) => h.customerId));
    expect(holders.size / seeded.ctx.customers.length).toBeGreaterThan(0.11);
    expect(holders.size / seeded.ctx.customers.length).toBeLessThan(0.19);
    const level = new Map(seeded.ctx.customers.map((c) => [c.id, c.riskLevel]));
    const account = seeded.holdings.filter((h) => h.attributes?.goldType !== 'PHYSICAL_BAR');
    const below = account.filter((h) => (level.get(h.customerId) ?? 'C0') < 'C3');
    expect(account.length).toBeGreaterThan(20);
    expect(below.length / account.length).toBeLessThan(0.15);
    for (const h of seeded.holdings) {
      expect(new Decimal(h.quantity).gt(0)).toBe(true);
      if (h.attributes?.goldType === 'PHYSICAL_BAR') expect(new Decimal(h.quantity).mod(h.attributes.barWeightGrams as string).isZero()).toBe(true);
    }
  });

  it('is deterministic', async () => {
    const again = seedContext(env.db);
    await plugin.seed!(again.ctx);
    expect(again.holdings).toEqual(seeded.holdings);
    expect([...again.products.values()]).toEqual(all());
  });

  it('loads product facts with the latest price in one statement', async () => {
    const ids = all().map((p) => p.id);
    env.counter.statements = 0;
    const facts = await plugin.facts!.products!(seeded.ctx, ids);
    expect(env.counter.statements).toBe(1);
    const account = all().find((p) => p.code === 'GOLD-ACCOUNT-CNY')!;
    expect(facts.get(account.id)).toMatchObject({ goldType: 'ACCOUNT_GOLD', purity: 'Au99.99', barWeightGrams: null });
    for (const p of all()) expect([p.code, new Decimal(facts.get(p.id)!.latestGramPrice as string).eq(p.unitPrice!)]).toEqual([p.code, true]);
    const bar = all().find((p) => p.code === 'GOLD-CCB-LONGDING-100G')!;
    expect(new Decimal(facts.get(bar.id)!.barWeightGrams as string).eq(100)).toBe(true);
  });

  it('resolves line fields for a page of products with one statement per field kind', async () => {
    const ctx = requestContext(env.db);
    const r = new GoldProductResolver();
    const rows = all().map(productRecord);
    env.counter.statements = 0;
    const types = await Promise.all(rows.map((p) => r.goldType(p, ctx)));
    const minimums = await Promise.all(rows.map((p) => r.minimumGrams(p, ctx)));
    expect(env.counter.statements).toBe(1);
    const account = rows.findIndex((p) => p.code === 'GOLD-ACCOUNT-CNY');
    expect(types[account]).toBe('ACCOUNT_GOLD');
    expect(minimums[account]).toBe('1');
    expect(await r.gramStep(rows[account]!, ctx)).toBe('0.1');
    expect(await r.requiredRiskLevel(rows[account]!, ctx)).toBe('C3');
    expect(await r.tradingHours(rows[account]!, ctx)).toBe('Monday 07:00 to Saturday 04:00 (Asia/Shanghai)');
    const bar = rows.find((p) => p.code === 'GOLD-CNG-50G')!;
    expect(await r.requiredRiskLevel(bar, ctx)).toBeNull();
    expect(new Decimal((await r.barWeightGrams(bar, ctx))!).eq(50)).toBe(true);
    expect(r.latestGramPrice(bar)).toEqual({ amount: bar.unitPrice, currency: 'CNY' });
  });

  it('pages price histories of many products in one statement, newest last', async () => {
    const ctx = requestContext(env.db);
    const r = new GoldProductResolver();
    const rows = all().map(productRecord);
    env.counter.statements = 0;
    const pages = await Promise.all(rows.map((p) => r.priceHistory(p, { last: 5 }, ctx)));
    expect(env.counter.statements).toBe(1);
    const page = pages[0]!;
    expect(page.edges).toHaveLength(5);
    const nodes = page.edges.map((e) => e.node as { at: Date; pricePerGram: string });
    expect(nodes.at(-1)!.at.getTime()).toBe(seeded.ctx.now.getTime());
    expect(nodes.map((n) => n.at.getTime())).toEqual([...nodes.map((n) => n.at.getTime())].sort((a, b) => a - b));
    expect(page.pageInfo.hasPreviousPage).toBe(true);
    expect(await page.totalCount).toBe(120);
    // Walking forward from the start cursor of the last page reaches the same rows.
    const first = await r.priceHistory(rows[0]!, { first: 3 }, requestContext(env.db));
    const next = await r.priceHistory(rows[0]!, { first: 3, after: first.pageInfo.endCursor }, requestContext(env.db));
    expect(next.edges).toHaveLength(3);
    expect((next.edges[0]!.node as { at: Date }).at.getTime()).toBeGreaterThan((first.edges[2]!.node as { at: Date }).at.getTime());
    await expect(r.priceHistory(rows[0]!, { first: 101 }, ctx)).rejects.toThrow();
  });

  it('stores details for every product', async () => {
    const [{ n }] = await env.db.select({ n: count() }).from(goldDetails);
    expect(n).toBe(all().length);
  });
});
