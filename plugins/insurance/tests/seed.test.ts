import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { describe, expect, it } from 'vitest';
import { createRandom, Decimal, type Db, type NewHolding, type NewProduct, type SeedContext, type SeedCustomer } from '../../../src/sdk/index.js';
import { prng } from '../../../src/sdk/testing.js';
import { INSURANCE_TYPES, isGuaranteedType } from '../domain.js';
import { productFacts } from '../facts.js';
import { quotePremium } from '../quote.js';
import { rateTable } from '../seed/rates.js';
import { seedInsurance } from '../seed/index.js';
import { CATALOG, quoteTermsOf } from '../seed/catalog.js';
import { planPolicies, type SeededProduct } from '../seed/holdings.js';

const NOW = new Date('2026-11-23T02:00:00.000Z');

function customers(n: number): SeedCustomer[] {
  const r = prng(7);
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    age: 18 + Math.floor(r() * 65),
    riskLevel: r() < 0.1 ? null : `C${1 + Math.floor(r() * 5)}`,
    residency: 'ONSHORE' as const,
    student: false,
    householdFinancialAssets: String(Math.floor(r() * 3_000_000)),
    personalAnnualIncome: String(20_000 + Math.floor(r() * 400_000)),
    openedAt: new Date(NOW.getTime() - Math.floor(r() * 15 * 365) * 86_400_000),
  }));
}

const seeded = (): SeededProduct[] =>
  CATALOG.map((entry, i) => ({
    entry,
    id: i + 1,
    rates: rateTable(entry),
    saleStart: new Date(NOW.getTime() - entry.saleStartDaysAgo * 86_400_000),
    saleEnd: entry.saleEndDaysAgo === undefined ? null : new Date(NOW.getTime() - entry.saleEndDaysAgo * 86_400_000),
  }));

describe('demo catalog', () => {
  it('has at least 22 products of every type and every risk rating from four insurers', () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(22);
    expect(new Set(CATALOG.map((e) => e.type))).toEqual(new Set(INSURANCE_TYPES));
    expect(new Set(CATALOG.map((e) => e.risk))).toEqual(new Set(['R1', 'R2', 'R3', 'R4', 'R5']));
    expect(new Set(CATALOG.map((e) => e.insurer)).size).toBe(4);
    expect(new Set(CATALOG.map((e) => e.code)).size).toBe(CATALOG.length);
  });

  it('rates guaranteed types R1–R2 and investment-linked R3–R5', () => {
    for (const e of CATALOG) {
      if (isGuaranteedType(e.type)) expect(['R1', 'R2']).toContain(e.risk);
      if (e.type === 'INVESTMENT_LINKED') expect(['R3', 'R4', 'R5']).toContain(e.risk);
    }
  });

  it('prices every product at both ends of its age band for both sexes', () => {
    for (const e of CATALOG) {
      const rates = rateTable(e);
      for (const age of [e.ageMin, e.ageMax]) {
        for (const sex of ['MALE', 'FEMALE']) {
          const priced = e.paymentYearsOptions.filter((paymentYears) => {
            try {
              return new Decimal(quotePremium(quoteTermsOf(e), rates, { age, sex, paymentYears, sumAssured: '100000' }).annualPremium).gt(0);
            } catch {
              return false;
            }
          });
          expect(priced.length, `${e.code} age ${age} ${sex}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('charges older insureds more for protection, and spreads a regular premium below the single one', () => {
    const wholeLife = CATALOG.find((e) => e.code === 'INS-CL-WHOLELIFE')!;
    const rates = rateTable(wholeLife);
    const rate = (age: number, paymentYears: number) =>
      new Decimal(quotePremium(quoteTermsOf(wholeLife), rates, { age, sex: 'MALE', paymentYears, sumAssured: '1000' }).annualPremium);
    expect(rate(45, 20).gt(rate(35, 20))).toBe(true);
    expect(rate(35, 10).gt(rate(35, 20))).toBe(true);
    expect(rateTable(wholeLife)).toEqual(rates); // deterministic
  });
});

describe('demo policies', () => {
  const book = customers(2000);
  const products = seeded();
  const policies = planPolicies(book, products, createRandom(42), NOW);
  const byId = new Map(products.map((p) => [p.id, p.entry]));
  const customerById = new Map(book.map((c) => [c.id, c]));

  it('go to about a fifth of the customers, one unit each', () => {
    const holders = new Set(policies.map((p) => p.customerId)).size;
    expect(holders / book.length).toBeGreaterThan(0.15);
    expect(holders / book.length).toBeLessThan(0.25);
    expect(policies.every((p) => p.quantity === '1' && p.costCurrency === 'CNY')).toBe(true);
  });

  it('cost the premiums paid so far', () => {
    for (const p of policies) {
      const a = p.attributes as { premiumMode: string; paymentYears: number; annualPremium: string; sumAssured: string; policyNumber: string };
      const yearsHeld = Math.floor((NOW.getTime() - p.openedAt.getTime()) / (365.25 * 86_400_000));
      const payments = a.premiumMode === 'SINGLE' ? 1 : Math.min(a.paymentYears, yearsHeld + 1);
      expect(p.costAmount).toBe(new Decimal(a.annualPremium).times(payments).toFixed(2));
      expect(new Decimal(a.annualPremium).gte(byId.get(p.productId)!.minimumPremium)).toBe(true);
      expect(a.policyNumber).toMatch(/^(PA|CL|CP|TK)\d{12}$/);
    }
    expect(new Set(policies.map((p) => (p.attributes as { policyNumber: string }).policyNumber)).size).toBe(policies.length);
  });

  it('respect suitability roughly: no drafts, nothing above the customer level except R1 cover, no non-guaranteed regular premiums after 60', () => {
    for (const p of policies) {
      const e = byId.get(p.productId)!;
      const c = customerById.get(p.customerId)!;
      expect(e.status).not.toBe('DRAFT');
      const level = c.riskLevel ? Number(c.riskLevel.slice(1)) : 0;
      if (e.risk !== 'R1') expect(level).toBeGreaterThanOrEqual(Number(e.risk.slice(1)));
      if (!isGuaranteedType(e.type)) {
        expect(new Decimal(c.personalAnnualIncome).gte(50_000)).toBe(true);
        const ageThen = c.age - Math.floor((NOW.getTime() - p.openedAt.getTime()) / (365.25 * 86_400_000));
        expect(ageThen).toBeLessThanOrEqual(65);
        if ((p.attributes as { premiumMode: string }).premiumMode === 'REGULAR') expect(ageThen).toBeLessThanOrEqual(60);
      }
    }
  });

  it('are the same on every run', () => {
    expect(planPolicies(book, products, createRandom(42), NOW)).toEqual(policies);
  });
});

describe('seedInsurance on a database', () => {
  it('writes details and rate tables the facts loader reads back', async () => {
    const client = new PGlite();
    const sql = readFileSync(new URL('../drizzle/0000_init.sql', import.meta.url), 'utf8');
    for (const statement of sql.split('--> statement-breakpoint')) await client.exec(statement);
    const db = drizzle(client) as unknown as Db;
    const written: NewProduct[] = [];
    const holdings: NewHolding[] = [];
    const ctx: SeedContext = {
      db,
      settings: { get: () => undefined as never },
      log: { info: () => {}, warn: () => {}, error: () => {} },
      catalog: {
        upsertProducts: async (ps) => {
          written.push(...ps);
          return new Map(ps.map((p, i) => [p.code, i + 1]));
        },
        recordExternalReports: async () => {},
        addHoldings: async (hs) => {
          expect(hs.length).toBeLessThanOrEqual(500);
          holdings.push(...hs);
        },
        publishPrice: async () => {},
        publishExchangeRate: async () => {},
        productIds: async () => new Map(),
      },
      customers: customers(300),
      random: prng(1),
      now: NOW,
    };
    await seedInsurance(ctx);
    await seedInsurance({ ...ctx, random: prng(1) }); // re-runnable

    expect(written.filter((p) => p.code === 'INS-TK-ILP-EQUITY')[0]).toMatchObject({
      partnerCode: 'taikang',
      riskRating: 'R5',
      regime: 'OTHER',
      requiresRiskAssessment: true,
      coolingOffHours: 360,
      unitPrice: null,
      currency: 'CNY',
    });
    expect(written.find((p) => p.code === 'INS-CL-WHOLELIFE')).toMatchObject({ requiresRiskAssessment: false });
    expect(written.find((p) => p.code === 'INS-CL-MEDICAL')).toMatchObject({ coolingOffHours: 0 });

    const facts = await productFacts({ db, settings: ctx.settings, catalog: ctx.catalog, log: ctx.log }, [1, 2, 999]);
    expect(facts.size).toBe(2);
    expect(facts.get(1)).toMatchObject({
      insurer: 'pingan-life',
      insuranceType: 'TRADITIONAL',
      guaranteed: true,
      premiumModes: ['REGULAR'],
      paymentYearsOptions: [10, 20],
      coolingOffDays: 15,
    });
    expect(facts.get(2)).toMatchObject({ coverTermYears: null, insuredAgeMin: 0, insuredAgeMax: 60 });

    const rows = await client.query<{ n: number }>('select count(*)::int as n from insurance_rates');
    expect(rows.rows[0].n).toBe(CATALOG.reduce((n, e) => n + rateTable(e).length, 0));
    const rate = await client.query<{ rate_per_1000: string }>(
      "select rate_per_1000 from insurance_rates where product_id = 2 and sex = 'MALE' and age_from = 31 and payment_years = 20",
    );
    expect(rate.rows[0].rate_per_1000).toBe(
      rateTable(CATALOG[1]).find((r) => r.sex === 'MALE' && r.ageFrom === 31 && r.paymentYears === 20)!.ratePer1000 + '00',
    );
    await client.close();
  }, 120_000);
});
