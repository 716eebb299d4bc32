import DataLoader from 'dataloader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom, type Db, type NewHolding, type ProductRecord, type RequestContext, type SeedCustomer } from '../../../src/sdk/index.js';
import { pluginDatabase, pluginSeedContext, testSettings } from '../../../src/sdk/testing.js';
import { cardsProductFacts } from '../facts.js';
import { CardProductResolver } from '../graphql/product.resolver.js';
import plugin, { declaredRiskRatings } from '../index.js';
import { planCardHoldings } from '../seed/holdings.js';
import { seedCards } from '../seed/index.js';
import { cardsSettings } from '../settings.js';
import { valuateCard } from '../valuation.js';

const NOW = new Date('2026-11-23T01:00:00.000Z');
const DAY = 86_400_000;

/** A synthetic book shaped like the core demo: ages 16–90, students 17–24, incomes and assets. */
function customers(n: number): SeedCustomer[] {
  const r = createRandom(7);
  return Array.from({ length: n }, (_, i) => {
    const age = i % 50 === 0 ? 17 : i % 50 === 1 ? 18 : r.int(16, 90);
    const student = age >= 17 && age <= 24 && r.chance(0.15);
    const income = student || r.chance(0.1) ? 0 : Math.round(30_000 * Math.exp(r.next() * 3.5));
    return {
      id: i + 1,
      age,
      riskLevel: r.chance(0.9) ? r.pick(['C1', 'C2', 'C3', 'C4', 'C5']) : null,
      residency: r.chance(0.03) ? 'FOREIGN' : 'ONSHORE',
      student,
      householdFinancialAssets: r.chance(0.02) ? '0' : String(Math.round(20_000 * Math.exp(r.next() * 5)) / 100),
      personalAnnualIncome: String(income),
      openedAt: new Date(NOW.getTime() - r.int(60, Math.max(61, (age - 16) * 365)) * DAY),
    };
  });
}

const book = customers(3000);
const settings = testSettings(cardsSettings);
let env: Awaited<ReturnType<typeof pluginDatabase>>;
let db: Db;
let products: ReturnType<typeof pluginSeedContext>['products'];
let holdings: NewHolding[];
let reports: ReturnType<typeof pluginSeedContext>['reports'];

beforeAll(async () => {
  env = await pluginDatabase(plugin.migrationsFolder!);
  db = env.db;
  const seeded = pluginSeedContext(db, cardsSettings, { customers: book, seed: 42, now: NOW });
  ({ products, holdings, reports } = seeded);
  await seedCards(seeded.ctx);
});

afterAll(async () => {
  await env?.close();
});

const productById = () => new Map([...products.values()].map((p) => [p.id, p]));
const attr = (h: NewHolding, k: string) => h.attributes?.[k];

describe('seeded catalog', () => {
  it('has at least 22 card products spanning the declared ratings, with a suspended, a draft and an ended one', () => {
    const all = [...products.values()];
    expect(all.length).toBeGreaterThanOrEqual(22);
    expect(new Set(all.map((p) => p.riskRating))).toEqual(new Set(declaredRiskRatings));
    expect(all.some((p) => p.status === 'SUSPENDED')).toBe(true);
    expect(all.some((p) => p.status === 'DRAFT')).toBe(true);
    expect(all.some((p) => p.status === 'ON_SALE' && p.saleEnd && p.saleEnd < NOW)).toBe(true);
    for (const p of all) {
      expect(p).toMatchObject({ regime: 'OTHER', requiresRiskAssessment: false, minimumAmount: '0', amountStep: '0', coolingOffHours: 0, unitPrice: null });
    }
  });

  it('writes a details row for every product, read back in one statement', async () => {
    const ids = [...products.values()].map((p) => p.id);
    const before = env.counter.statements;
    const details = await cardsProductFacts({ db, settings, catalog: null as never, log: null as never }, ids);
    expect(env.counter.statements - before).toBe(1);
    expect(details.size).toBe(ids.length);
    const student = details.get(products.get('CARD-CC-STUDENT')!.id)!;
    expect(student).toMatchObject({ cardKind: 'CREDIT', creditCardType: 'STUDENT', accountClass: null });
    expect(details.get(products.get('CARD-E3-PAY')!.id)).toMatchObject({ cardKind: 'DEBIT', accountClass: 'CLASS_III' });
  });
});

describe('seeded holdings', () => {
  const perCustomer = () => {
    const map = new Map<number, NewHolding[]>();
    for (const h of holdings) map.set(h.customerId, [...(map.get(h.customerId) ?? []), h]);
    return map;
  };

  it('gives ~85% a Class I debit card and ~30% a credit card', () => {
    const byCustomer = perCustomer();
    const share = (pred: (h: NewHolding) => boolean) => [...byCustomer.values()].filter((hs) => hs.some(pred)).length / book.length;
    expect(share((h) => attr(h, 'accountClass') === 'CLASS_I')).toBeGreaterThan(0.8);
    expect(share((h) => attr(h, 'accountClass') === 'CLASS_I')).toBeLessThan(0.9);
    expect(share((h) => attr(h, 'cardKind') === 'CREDIT')).toBeGreaterThan(0.25);
    expect(share((h) => attr(h, 'cardKind') === 'CREDIT')).toBeLessThan(0.35);
    expect(share((h) => attr(h, 'accountClass') === 'CLASS_II')).toBeGreaterThan(0.1);
  });

  it('respects the line’s own rules: cap, one Class I, no credit under 18, Class III balance cap', () => {
    const byCustomer = perCustomer();
    const age = new Map(book.map((c) => [c.id, c.age]));
    let atCap = 0;
    for (const [id, hs] of byCustomer) {
      expect(hs.length).toBeLessThanOrEqual(5);
      if (hs.length === 5) atCap++;
      expect(hs.filter((h) => attr(h, 'accountClass') === 'CLASS_I').length).toBeLessThanOrEqual(1);
      if (age.get(id)! < 18) expect(hs.some((h) => attr(h, 'cardKind') === 'CREDIT')).toBe(false);
    }
    expect(atCap).toBeGreaterThan(10);
    for (const h of holdings.filter((x) => attr(x, 'accountClass') === 'CLASS_III')) {
      expect(Number(h.costAmount)).toBeLessThanOrEqual(2000);
    }
  });

  it('holds one card per holding with masked numbers and the balance as cost for debit only', () => {
    const byId = productById();
    for (const h of holdings) {
      expect(h.quantity).toBe('1');
      expect(attr(h, 'maskedCardNumber')).toMatch(/^\d{6}\*{6}\d{4}$/);
      expect(attr(h, 'issuedBy')).toBe('THIS_BANK');
      expect(byId.get(h.productId)!.status).not.toBe('DRAFT');
      if (attr(h, 'cardKind') === 'CREDIT') expect(h.costAmount).toBe('0');
      expect(h.costAmount).toMatch(/^\d+(\.\d{1,2})?$/);
    }
  });

  it('gives every student a credit bureau report, within the student-card bank cap, with 0, 1 and 2 banks elsewhere', () => {
    const students = book.filter((c) => c.student).map((c) => c.id);
    const counts = new Set<number>();
    const studentCard = products.get('CARD-CC-STUDENT')!.id;
    for (const id of students) {
      const mine = reports.filter((r) => r.customerId === id);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.kind).toBe('CREDIT_REPORT');
      const banks = (mine[0]!.payload.cards as { issuer: string; student: boolean }[]).filter((c) => c.student).map((c) => c.issuer);
      counts.add(banks.length);
      const ours = holdings.some((h) => h.customerId === id && h.productId === studentCard) ? 1 : 0;
      expect(banks.length + ours).toBeLessThanOrEqual(2);
    }
    expect(counts).toEqual(new Set([0, 1, 2]));
    // Reports of different ages: some fresh enough for a decision, some not (cards.creditReportMaxAgeDays 30).
    const ages = reports.map((r) => (NOW.getTime() - r.reportedAt.getTime()) / 86_400_000);
    expect(ages.some((a) => a <= 30) && ages.some((a) => a > 30)).toBe(true);
  });

  it('is deterministic for the same PRNG seed', () => {
    const ids = new Map([...products].map(([code, p]) => [code, p.id]));
    const limits = { maxCardsPerCustomer: 5, studentCardBankCap: 2, minimumAgePrimaryCredit: 18, classIIIBalanceCapCny: '2000' };
    const a = planCardHoldings(book, ids, createRandom(1), NOW, limits);
    const b = planCardHoldings(book, ids, createRandom(1), NOW, limits);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('CardProduct fields', () => {
  function requestContext(lang: 'zh-CN' | 'en', overrides: Record<string, unknown> = {}): RequestContext {
    const loaders = new Map<string, DataLoader<unknown, unknown>>();
    const reader = settings.withOverrides(overrides);
    return {
      lang,
      db,
      settings: reader,
      now: NOW,
      loader: (name: string, batch: (keys: readonly unknown[]) => Promise<unknown[]>) => {
        if (!loaders.has(name)) loaders.set(name, new DataLoader(batch));
        return loaders.get(name)!;
      },
    } as unknown as RequestContext;
  }
  const record = (code: string) => ({ id: products.get(code)!.id, code, currency: 'CNY', line: 'CARDS' }) as ProductRecord;

  it('loads the details of a whole page in one statement', async () => {
    const ctx = requestContext('zh-CN');
    const r = new CardProductResolver();
    const page = [...products.keys()].map(record);
    const before = env.counter.statements;
    const kinds = await Promise.all(page.flatMap((p) => [r.cardKind(p, ctx), r.network(p, ctx), r.annualFee(p, ctx)]));
    expect(env.counter.statements - before).toBe(1);
    expect(kinds).toContain('CREDIT');
  });

  it('gives the fee waiver in the request language, and credit limits as money', async () => {
    const r = new CardProductResolver();
    const p = record('CARD-CC-PLAT');
    expect(await r.annualFeeWaiverRule(p, requestContext('zh-CN'))).toContain('年消费');
    expect(await r.annualFeeWaiverRule(p, requestContext('en'))).toContain('spent in a year');
    expect(await r.creditLimitMax(p, requestContext('en'))).toEqual({ amount: '200000.0000', currency: 'CNY' });
    expect(await r.creditLimitMax(record('CARD-DC-STD'), requestContext('en'))).toBeNull();
  });

  it('states Class II/III limits from the bank settings', async () => {
    const r = new CardProductResolver();
    const three = await r.dailyLimits(record('CARD-E3-PAY'), requestContext('en'));
    expect(three).toMatchObject({ balanceCap: { amount: '2000', currency: 'CNY' }, annualLimit: { amount: '50000' } });
    const two = await r.dailyLimits(record('CARD-E2-WALLET'), requestContext('en'));
    expect(two).toMatchObject({ nonLinkedInflowDaily: { amount: '10000' }, balanceCap: null });
    const changed = { CLASS_II: { dailyCny: '5000', annualCny: '100000' }, CLASS_III: { balanceCny: '1000', dailyCny: '1000', annualCny: '20000' } };
    const after = await r.dailyLimits(record('CARD-E3-PAY'), requestContext('en', { 'cards.accountClassLimits': changed }));
    expect(after?.balanceCap?.amount).toBe('1000');
    expect(await r.dailyLimits(record('CARD-DC-STD'), requestContext('en'))).toBeNull();
  });
});

describe('valuation', () => {
  it('values a debit card at its balance and a credit card at 0', () => {
    const base = { quantity: '1', costCurrency: 'CNY', product: { id: 1, currency: 'CNY', unitPrice: null } };
    expect(valuateCard({ ...base, costAmount: '12345.6700', attributes: { cardKind: 'DEBIT' } })).toBe('12345.67');
    expect(valuateCard({ ...base, costAmount: '0', attributes: { cardKind: 'CREDIT' } })).toBe('0.00');
    expect(plugin.valuate).toBe(valuateCard);
  });
});
