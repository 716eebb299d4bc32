import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, openCatalogue, type Catalogue } from '../../partners/insurance-subgraph/src/catalogue.js';
import { contract, evaluate, type EvaluationRequest } from '../../partners/insurance-subgraph/src/evaluate.js';
import insurance from '../../plugins/insurance/index.js';
import { isDisclosableFact } from '../../src/remote-lines/facts.js';
import { makeFacts } from '../../src/sdk/testing.js';
import { evaluateSuitability } from '../../src/suitability/engine.js';
import type { CustomerFacts, SuitabilityFacts } from '../../src/sdk/contract/suitability.js';

/**
 * The insurer's subgraph decides as the insurance plugin would in the bank: the same rules (from the plugin's
 * manifest), over the facts the bank sends and the insurer's own terms, give the same reasons — prefixed with
 * the line — as the bank's engine gives with the plugin loaded locally.
 */

const NOW = new Date('2025-06-30T08:00:00Z');

/** A customer as the bank's rules see them (the SDK's plain test customer, with this test's incomes); the partner gets only the declared parts of it. */
const customer = (over: Partial<CustomerFacts>): CustomerFacts =>
  makeFacts({
    customer: {
      birthDate: '1985-01-01',
      nationality: 'CHN',
      personalAnnualIncome: '180000.00',
      householdAnnualIncome: '260000.00',
      householdFinancialAssets: '900000.00',
      incomeThreeYearAverage: '170000.00',
      ...over,
      risk: { experienceYears: 2, assessedAt: null, expiresAt: null, ...over.risk },
    },
  }).customer;

interface Scenario {
  name: string;
  code: string;
  customer: Partial<CustomerFacts>;
  sale: { amount: string | null; channel: 'COUNTER' | 'ONLINE'; details: Record<string, unknown>; completedSteps: string[] };
}

const SCENARIOS: Scenario[] = [
  {
    name: 'a 40-year-old online, single premium, analysis done',
    code: 'INS-CP-ENDOW10',
    customer: {},
    sale: { amount: '5000', channel: 'ONLINE', details: { premiumMode: 'SINGLE' }, completedSteps: ['NEEDS_ANALYSIS'] },
  },
  {
    name: 'a 70-year-old of low income at the counter, regular premiums',
    code: 'INS-CP-ENDOW10',
    customer: { age: 70, personalAnnualIncome: '10000.00', householdAnnualIncome: '20000.00' },
    sale: { amount: '50000', channel: 'COUNTER', details: { premiumMode: 'REGULAR', paymentYears: 5 }, completedSteps: [] },
  },
  {
    name: 'a participating policy for a customer without full capacity',
    code: 'INS-PA-PAR-ENDOW',
    customer: { legalCapacity: 'LIMITED' },
    sale: { amount: null, channel: 'ONLINE', details: {}, completedSteps: [] },
  },
];

describe("the insurer's subgraph", () => {
  let catalogue: Catalogue;
  beforeAll(async () => {
    catalogue = await openCatalogue();
  });

  it("holds the bank's demo insurance codes, with the line's terms", () => {
    expect(catalogue.byCode.size).toBeGreaterThan(20);
    expect(catalogue.byCode.get('INS-CP-ENDOW10')).toMatchObject({
      partnerCode: 'cpic-life',
      details: { insuranceType: 'TRADITIONAL', premiumModes: ['SINGLE', 'REGULAR'] },
    });
    expect(catalogue.byCode.get('INS-CP-ENDOW10')!.rates.length).toBeGreaterThan(0);
  });

  it("declares facts from the bank's vocabulary only, and every reason of the line's rules, prefixed", () => {
    const c = contract();
    expect(c.line).toBe('INSURANCE');
    expect(c.facts.every(isDisclosableFact)).toBe(true);
    const codes = c.reasons.map((r) => r.code);
    for (const rule of insurance.rules ?? [])
      for (const code of Object.keys(rule.reasons)) expect(codes).toContain(code.startsWith('INSURANCE_') ? code : `INSURANCE_${code}`);
    expect(codes.every((code) => code.startsWith('INSURANCE_'))).toBe(true);
  });

  it.each(SCENARIOS)('decides like the plugin in the bank: $name', (s) => {
    const product = catalogue.byCode.get(s.code)!;
    const full = customer(s.customer);
    // The bank's engine with the plugin's rules loaded locally (details sized as the plugin's sizing would).
    const sized = insurance.orders!.sizing!.size({
      side: 'BUY',
      amount: s.sale.amount,
      quantity: null,
      currency: 'CNY',
      product: { id: product.id, currency: 'CNY', unitPrice: null, details: product.details },
      details: s.sale.details,
      settings: defaultSettings(),
    });
    const facts = {
      customer: full,
      product: { id: product.id, code: product.code, line: 'INSURANCE', partnerCode: product.partnerCode, details: product.details },
      sale: {
        side: 'BUY',
        amount: s.sale.amount,
        quantity: sized.quantity,
        currency: 'CNY',
        channel: s.sale.channel,
        initiator: 'CUSTOMER',
        details: { ...s.sale.details, ...sized.figures },
        statedFigures: [],
        completedSteps: s.sale.completedSteps,
      },
      now: NOW.toISOString(),
    } as unknown as SuitabilityFacts;
    const local = evaluateSuitability(
      (insurance.rules ?? []).map((rule) => ({ rule, source: 'insurance' })),
      facts,
      { settings: defaultSettings(), now: NOW },
    );
    // The same sale, as the bank sends it: the declared facts only.
    const request: EvaluationRequest = {
      key: '0',
      productCode: s.code,
      customer: {
        age: full.age,
        legalCapacity: full.legalCapacity,
        personalAnnualIncome: full.personalAnnualIncome,
        householdAnnualIncome: full.householdAnnualIncome,
      },
      sale: { side: 'BUY', amount: s.sale.amount, channel: s.sale.channel, details: JSON.stringify(s.sale.details), completedSteps: s.sale.completedSteps },
    };
    const remote = evaluate(catalogue, defaultSettings(), request);
    expect(local.reasons.map((r) => r.code)).not.toContain('RULE_ERROR');
    expect(remote.hits.map((h) => [h.code, h.outcome])).toEqual(
      local.reasons.map((r) => [r.code.startsWith('INSURANCE_') ? r.code : `INSURANCE_${r.code}`, r.outcome]),
    );
    expect(remote.hits.map((h) => h.messageEn)).toEqual(local.reasons.map((r) => r.message.en));
  });

  it('fails closed when a rule would read a fact the bank did not send', () => {
    const r = evaluate(catalogue, defaultSettings(), {
      key: '0',
      productCode: 'INS-CP-ENDOW10',
      customer: { age: 40 },
      sale: { side: 'BUY', amount: '5000', channel: 'ONLINE', details: '{}', completedSteps: [] },
    });
    expect(r.hits.filter((h) => h.code === 'INSURANCE_RULE_ERROR').length).toBeGreaterThan(0);
    expect(r.hits.every((h) => h.code !== 'INSURANCE_RULE_ERROR' || h.outcome === 'BLOCK')).toBe(true);
  });

  it('blocks an unknown product and details the line refuses', () => {
    const base = { key: '0', customer: {}, sale: { side: 'BUY', amount: '5000', channel: 'ONLINE', completedSteps: [] } };
    expect(evaluate(catalogue, defaultSettings(), { ...base, productCode: 'NO-SUCH' }).hits.map((h) => h.code)).toEqual(['INSURANCE_UNKNOWN_PRODUCT']);
    const bad = evaluate(catalogue, defaultSettings(), {
      ...base,
      productCode: 'INS-CP-ENDOW10',
      sale: { ...base.sale, details: '{"premiumMode":"SINGLE","paymentYears":7}' },
    });
    expect(bad.hits).toEqual([
      expect.objectContaining({ code: 'INSURANCE_DETAILS_INVALID', outcome: 'BLOCK', messageEn: expect.stringContaining('7 payment years') }),
    ]);
    const unknownKey = evaluate(catalogue, defaultSettings(), { ...base, productCode: 'INS-CP-ENDOW10', sale: { ...base.sale, details: '{"colour":"red"}' } });
    expect(unknownKey.hits.map((h) => h.code)).toEqual(['INSURANCE_DETAILS_INVALID']);
  });
});
