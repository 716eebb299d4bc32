import { describe, expect, it } from 'vitest';
import { evaluateRules, makeFacts, type FactsOverrides } from '../../../src/sdk/testing.js';
import { forexRules } from '../rules/index.js';
import { forexSettings } from '../settings.js';

/** CNY per 100 units; EUR/USD middle = 852 / 710 = 1.2 exactly. */
const USD_SPOT = { kind: 'SPOT_EXCHANGE', currency: 'USD', buyRate: '708.50', sellRate: '711.50', middleRate: '710.00', usdMiddleRate: '710.00' };
const EUR_SPOT = { kind: 'SPOT_EXCHANGE', currency: 'EUR', buyRate: '848.60', sellRate: '855.40', middleRate: '852.00', usdMiddleRate: '710.00' };
const USD_DEPOSIT = { ...USD_SPOT, kind: 'FX_DEPOSIT' };

interface Case extends FactsOverrides {
  saleDetails?: Record<string, unknown>;
  usage?: { purchasedUsd?: string; soldUsd?: string; year?: number };
}

function decide(details: Record<string, unknown>, o: Case = {}, overrides: Record<string, unknown> = {}) {
  const usage = { year: 2026, purchasedUsd: '0', soldUsd: '0', ...o.usage };
  const facts = makeFacts({
    ...o,
    customer: { ...o.customer, lines: { forex: usage } },
    product: { line: 'FOREX', regime: 'OTHER', riskRating: 'R1', requiresRiskAssessment: false, currency: String(details.currency), ...o.product, details },
    sale: { currency: String(details.currency), amount: '1000', ...o.sale, details: { purpose: 'TRAVEL', ...o.saleDetails } },
  });
  return evaluateRules(forexRules, facts, { source: 'forex', settings: forexSettings, overrides });
}
const codes = (d: ReturnType<typeof decide>) => d.reasons.map((r) => r.code);

describe('forex.annual-quota (purchases by onshore individuals)', () => {
  it('allows exactly 50,000 USD in the year and says what is left', () => {
    const d = decide(USD_SPOT, { sale: { amount: '10000' }, usage: { purchasedUsd: '40000' } });
    expect(d.outcome).toBe('ALLOW');
    expect(codes(d)).toEqual(['WITHIN_ANNUAL_QUOTA']);
    expect(d.reasons[0]!.message.en).toContain('USD 0.00 left');
    const small = decide(USD_SPOT, { sale: { amount: '2500' }, usage: { purchasedUsd: '12000' } });
    expect(small.reasons[0]!.message['zh-CN']).toContain('剩余 35500.00 美元');
  });

  it('requires proof of genuine need at 50,000.01 USD', () => {
    const d = decide(USD_SPOT, { sale: { amount: '10000.01' }, usage: { purchasedUsd: '40000' } });
    expect(d.outcome).toBe('REQUIRE');
    expect(codes(d)).toEqual(['ABOVE_ANNUAL_QUOTA']);
    expect(d.missingSteps).toEqual(['PROOF_OF_GENUINE_NEED']);
    const proven = decide(USD_SPOT, { sale: { amount: '10000.01', completedSteps: ['PROOF_OF_GENUINE_NEED'] }, usage: { purchasedUsd: '40000' } });
    expect(proven.missingSteps).toEqual([]);
    expect(proven.reasons[0]!.satisfied).toBe(true);
  });

  it('converts a EUR purchase to USD at the middle rates (EUR 10,000 = USD 12,000)', () => {
    const at = decide(EUR_SPOT, { sale: { amount: '10000' }, usage: { purchasedUsd: '38000' } });
    expect(codes(at)).toEqual(['WITHIN_ANNUAL_QUOTA']);
    expect(at.reasons[0]!.facts).toMatchObject({ fxAmount: '10000', usdAmount: '12000.00', usedUsd: '38000' });
    const over = decide(EUR_SPOT, { sale: { amount: '10000.01' }, usage: { purchasedUsd: '38000' } }); // USD 12,000.01
    expect(codes(over)).toEqual(['ABOVE_ANNUAL_QUOTA']);
  });

  it('sizes a CNY-denominated purchase at the bank selling rate', () => {
    // CNY 71,150 at 711.50 per 100 = USD 10,000.
    const d = decide(USD_SPOT, { sale: { amount: '71150', currency: 'CNY' }, usage: { purchasedUsd: '40000' } });
    expect(codes(d)).toEqual(['WITHIN_ANNUAL_QUOTA']);
    expect(d.reasons[0]!.facts).toMatchObject({ fxAmount: '10000.00' });
    expect(codes(decide(USD_SPOT, { sale: { amount: '71150.08', currency: 'CNY' }, usage: { purchasedUsd: '40000' } }))).toEqual(['ABOVE_ANNUAL_QUOTA']);
  });

  it("counts what the FX authority reports bought at other banks this year, and not last year's", () => {
    const elsewhere = (year: number, usd: string) => ({
      FX_ANNUAL_PURCHASES: { source: 'FX_AUTHORITY', reportedAt: '2026-11-01T00:00:00.000Z', ageDays: 22, payload: { year, purchasedUsdElsewhere: usd } },
    });
    // 30,000 here + 10,000 elsewhere + 10,000 now = the quota exactly; a cent more needs proof.
    const at = decide(USD_SPOT, { sale: { amount: '10000' }, usage: { purchasedUsd: '30000' }, customer: { external: elsewhere(2026, '10000') } });
    expect(codes(at)).toEqual(['WITHIN_ANNUAL_QUOTA']);
    expect(at.reasons[0]!.facts).toMatchObject({ usedUsd: '40000', purchasedElsewhereUsd: '10000' });
    expect(
      codes(decide(USD_SPOT, { sale: { amount: '10000.01' }, usage: { purchasedUsd: '30000' }, customer: { external: elsewhere(2026, '10000') } })),
    ).toEqual(['ABOVE_ANNUAL_QUOTA']);
    // Bought only elsewhere (nothing on file here) still counts.
    expect(codes(decide(USD_SPOT, { sale: { amount: '10000.01' }, usage: { year: 2025 }, customer: { external: elsewhere(2026, '40000') } }))).toEqual([
      'ABOVE_ANNUAL_QUOTA',
    ]);
    expect(
      codes(decide(USD_SPOT, { sale: { amount: '10000.01' }, usage: { purchasedUsd: '30000' }, customer: { external: elsewhere(2025, '10000') } })),
    ).toEqual(['WITHIN_ANNUAL_QUOTA']);
  });

  it('prefers the explicit fxAmount detail', () => {
    const d = decide(EUR_SPOT, { sale: { amount: '1' }, saleDetails: { fxAmount: '10000.01' }, usage: { purchasedUsd: '38000' } });
    expect(codes(d)).toEqual(['ABOVE_ANNUAL_QUOTA']);
  });

  it("ignores last year's usage (the quota is per calendar year in Shanghai)", () => {
    expect(codes(decide(USD_SPOT, { sale: { amount: '50000' }, usage: { year: 2025, purchasedUsd: '50000' } }))).toEqual(['WITHIN_ANNUAL_QUOTA']);
  });

  it('follows the quota setting', () => {
    const over = { 'forex.annualQuotaUsd': '30000' };
    expect(codes(decide(USD_SPOT, { sale: { amount: '10000' }, usage: { purchasedUsd: '20000' } }, over))).toEqual(['WITHIN_ANNUAL_QUOTA']);
    expect(codes(decide(USD_SPOT, { sale: { amount: '10000.01' }, usage: { purchasedUsd: '20000' } }, over))).toEqual(['ABOVE_ANNUAL_QUOTA']);
  });

  it('blocks when the amount cannot be sized or converted, never counting it as zero', () => {
    const undetermined = decide(EUR_SPOT, { sale: { amount: '1000', currency: 'HKD' } });
    expect(undetermined.outcome).toBe('BLOCK');
    expect(codes(undetermined)).toEqual(['FX_AMOUNT_UNDETERMINED']);
    expect(undetermined.reasons[0]!.facts).toEqual({ saleCurrency: 'HKD', productCurrency: 'EUR' });
    expect(undetermined.reasons[0]!.message.en).toContain('(currency HKD)');
    const noRate = decide({ ...EUR_SPOT, usdMiddleRate: null }, { sale: { amount: '1000' } });
    expect(noRate.outcome).toBe('BLOCK');
    expect(codes(noRate)).toEqual(['FX_RATE_UNAVAILABLE']);
    expect(noRate.reasons[0]!.facts).toEqual({ currency: 'EUR', middleRate: '852.00', usdMiddleRate: null });
  });

  it('sizes by the currency the rates are quoted in, not a differing product currency', () => {
    // The details say EUR; the product row says GBP: the sale is in EUR, so it is EUR-sized.
    const d = decide(EUR_SPOT, { product: { currency: 'GBP' }, sale: { amount: '10000', currency: 'EUR' }, usage: { purchasedUsd: '38000' } });
    expect(d.outcome).toBe('ALLOW');
    expect(d.reasons[0]!.facts).toMatchObject({ currency: 'EUR', usdAmount: '12000.00' });
    const noRate = decide({ ...EUR_SPOT, usdMiddleRate: null }, { product: { currency: 'GBP' }, sale: { amount: '1000', currency: 'EUR' } });
    expect(noRate.outcome).toBe('BLOCK');
    expect(noRate.reasons[0]!.facts).toMatchObject({ currency: 'EUR' });
    expect(noRate.reasons[0]!.message.en).toContain('No EUR rate');
  });

  it('does not apply to deposits funded with FX the customer already has', () => {
    expect(decide(USD_DEPOSIT, { sale: { amount: '60000' }, usage: { purchasedUsd: '50000' }, saleDetails: { purpose: undefined } }).reasons).toEqual([]);
  });
});

describe('forex.annual-quota (selling FX, 结汇)', () => {
  it('allows selling up to 50,000 USD and requires documents above it', () => {
    const within = decide(USD_SPOT, { sale: { side: 'SELL', amount: '20000' }, usage: { soldUsd: '30000', purchasedUsd: '50000' } });
    expect(codes(within)).toEqual(['WITHIN_ANNUAL_SELL_QUOTA']);
    const above = decide(USD_SPOT, { sale: { side: 'SELL', amount: '20000.01' }, usage: { soldUsd: '30000' } });
    expect(above.outcome).toBe('REQUIRE');
    expect(codes(above)).toEqual(['ABOVE_ANNUAL_SELL_QUOTA']);
    expect(above.requiredSteps).toEqual(['PROOF_OF_GENUINE_NEED']);
  });

  it('needs no purpose for a sale', () => {
    const d = decide(USD_SPOT, { sale: { side: 'SELL', amount: '100' }, saleDetails: { purpose: undefined } });
    expect(codes(d)).toEqual(['WITHIN_ANNUAL_SELL_QUOTA']);
  });

  it('never lets a direction detail turn a purchase into a sale', () => {
    const d = decide(USD_SPOT, { sale: { side: 'BUY', amount: '100' }, saleDetails: { direction: 'SELL_FX', purpose: undefined } });
    expect(codes(d)).toContain('PURPOSE_REQUIRED');
    expect(codes(d)).not.toContain('WITHIN_ANNUAL_SELL_QUOTA');
    const over = decide(USD_SPOT, { sale: { side: 'BUY', amount: '50000.01' }, saleDetails: { direction: 'SELL_FX', purpose: 'TRAVEL' } });
    expect(codes(over)).toContain('ABOVE_ANNUAL_QUOTA');
  });

  it('counts sales by foreign individuals against the sale quota too', () => {
    const d = decide(USD_SPOT, { customer: { residency: 'FOREIGN' }, sale: { side: 'SELL', amount: '50000.01' } });
    expect(codes(d)).toEqual(['ABOVE_ANNUAL_SELL_QUOTA']);
  });
});

describe('forex.prohibited-purpose', () => {
  it('blocks a prohibited purpose even well within the quota', () => {
    for (const purpose of ['OVERSEAS_PROPERTY', 'SECURITIES_INVESTMENT', 'LIFE_INSURANCE', 'INVESTMENT_RETURN_INSURANCE']) {
      const d = decide(USD_SPOT, { sale: { amount: '100' }, saleDetails: { purpose } });
      expect(d.outcome).toBe('BLOCK');
      expect(codes(d)).toContain('PROHIBITED_PURPOSE');
      expect(codes(d)).toContain('WITHIN_ANNUAL_QUOTA');
    }
    expect(decide(USD_SPOT, { saleDetails: { purpose: 'OVERSEAS_PROPERTY' } }).reasons[0]!.message['zh-CN']).toContain('境外购房');
  });

  it('blocks a purchase with no purpose or an unknown one, listing the accepted purposes', () => {
    const none = decide(USD_SPOT, { saleDetails: { purpose: undefined } });
    expect(codes(none)).toContain('PURPOSE_REQUIRED');
    expect(none.outcome).toBe('BLOCK');
    expect(none.reasons.find((r) => r.code === 'PURPOSE_REQUIRED')!.message.en).toContain('STUDY_ABROAD (Study abroad)');
    expect(codes(decide(USD_SPOT, { saleDetails: { purpose: 'CRYPTO' } }))).toContain('PURPOSE_REQUIRED');
  });

  it('names the purpose given (or a dash for none) and keeps what it saw', () => {
    const crypto = decide(USD_SPOT, { saleDetails: { purpose: 'CRYPTO' } });
    expect(crypto.outcome).toBe('BLOCK');
    const r = crypto.reasons.find((x) => x.code === 'PURPOSE_REQUIRED')!;
    expect(r.message.en).toContain('(given: CRYPTO)');
    expect(r.facts).toMatchObject({ purpose: 'CRYPTO' });
    const none = decide(USD_SPOT, { saleDetails: { purpose: undefined } }).reasons.find((x) => x.code === 'PURPOSE_REQUIRED')!;
    expect(none.message.en).toContain('(given: —)');
    expect(none.message['zh-CN']).toContain('STUDY_ABROAD（境外留学）');
    expect(none.facts).toMatchObject({ purpose: null });
  });

  it('names a prohibited purpose in each language, or by its code when it has no name', () => {
    const d = decide(USD_SPOT, { saleDetails: { purpose: 'OVERSEAS_PROPERTY' } });
    const r = d.reasons.find((x) => x.code === 'PROHIBITED_PURPOSE')!;
    expect(r.message.en).toContain('"Overseas property"');
    expect(r.message['zh-CN']).toContain('“境外购房”');
    const unnamed = decide(USD_SPOT, { saleDetails: { purpose: 'GAMBLING' } }, { 'forex.prohibitedPurposes': ['GAMBLING'] });
    expect(unnamed.outcome).toBe('BLOCK');
    const u = unnamed.reasons.find((x) => x.code === 'PROHIBITED_PURPOSE')!;
    expect(u.message.en).toContain('"GAMBLING"');
    expect(u.message['zh-CN']).toContain('“GAMBLING”');
  });

  it('allows a declared current-account purpose', () => {
    expect(decide(USD_SPOT, { saleDetails: { purpose: 'STUDY_ABROAD' } }).outcome).toBe('ALLOW');
  });

  it('reads a purpose with stray spaces and lower case as its code', () => {
    const d = decide(USD_SPOT, { saleDetails: { purpose: '  study_abroad ' } });
    expect(d.outcome).toBe('ALLOW');
    expect(codes(d)).toEqual(['WITHIN_ANNUAL_QUOTA']);
    const prohibited = decide(USD_SPOT, { saleDetails: { purpose: ' overseas_property ' } });
    expect(prohibited.outcome).toBe('BLOCK');
    expect(codes(prohibited)).toContain('PROHIBITED_PURPOSE');
  });

  it('blocks a sized purchase without a purpose, even when only the FX amount or the units size it', () => {
    // A preview stating only fxAmount is a purchase: it needs a purpose, not a reminder.
    const byFx = decide(USD_SPOT, { sale: { amount: null }, saleDetails: { purpose: undefined, fxAmount: '100' } });
    expect(byFx.outcome).toBe('BLOCK');
    expect(codes(byFx)).toEqual(['PURPOSE_REQUIRED', 'WITHIN_ANNUAL_QUOTA']);
    const byUnits = decide(USD_SPOT, { sale: { amount: null, quantity: '100' }, saleDetails: { purpose: undefined } });
    expect(byUnits.outcome).toBe('BLOCK');
    expect(codes(byUnits)).toContain('PURPOSE_REQUIRED');
  });

  it('follows the purpose settings', () => {
    const over = { 'forex.prohibitedPurposes': ['OVERSEAS_PROPERTY', 'TRAVEL'] };
    expect(codes(decide(USD_SPOT, { saleDetails: { purpose: 'TRAVEL' } }, over))).toContain('PROHIBITED_PURPOSE');
  });

  it('only warns on an eligibility check with no amount and no purpose', () => {
    const d = decide(USD_SPOT, { sale: { amount: null }, saleDetails: { purpose: undefined } });
    expect(d.outcome).toBe('WARN');
    expect(codes(d)).toEqual(['PURPOSE_TO_DECLARE', 'WITHIN_ANNUAL_QUOTA']);
    expect(d.reasons[0]!.message.en).toContain('STUDY_ABROAD (Study abroad)');
    expect(d.reasons[0]!.message['zh-CN']).toContain('STUDY_ABROAD（境外留学）');
    expect(d.reasons[0]!.facts).toMatchObject({ purpose: null, currentAccountPurposes: expect.arrayContaining(['TRAVEL']) });
  });

  it('does not ask a seller of FX for a purchase purpose', () => {
    expect(codes(decide(USD_SPOT, { sale: { side: 'SELL' }, saleDetails: { purpose: 'OVERSEAS_PROPERTY' } }))).toEqual(['WITHIN_ANNUAL_SELL_QUOTA']);
  });
});

describe('forex.foreign-national', () => {
  it('requires proof of CNY income from a foreign individual buying FX, with no quota reason', () => {
    const d = decide(USD_SPOT, { customer: { residency: 'FOREIGN', nationality: 'US' }, sale: { amount: '100' } });
    expect(d.outcome).toBe('REQUIRE');
    expect(codes(d)).toEqual(['FOREIGN_NATIONAL_PROOF']);
    expect(d.missingSteps).toEqual(['PROOF_OF_CNY_INCOME']);
    expect(d.reasons[0]!.facts).toEqual({ residency: 'FOREIGN', nationality: 'US', direction: 'BUY_FX' });
  });

  it('is satisfied once the proof is recorded', () => {
    const d = decide(USD_SPOT, { customer: { residency: 'FOREIGN' }, sale: { completedSteps: ['PROOF_OF_CNY_INCOME'] } });
    expect(d.missingSteps).toEqual([]);
    expect(d.reasons[0]).toMatchObject({ code: 'FOREIGN_NATIONAL_PROOF', satisfied: true });
  });

  it('does not apply to onshore customers', () => {
    expect(codes(decide(USD_SPOT, { customer: { residency: 'ONSHORE' } }))).not.toContain('FOREIGN_NATIONAL_PROOF');
  });
});

describe('forex.watch-list', () => {
  it('blocks a customer on the split-purchase watch list, buying or selling', () => {
    expect(codes(decide(USD_SPOT, { customer: { fxWatchList: true }, sale: { amount: '100' } }))).toContain('SPLIT_PURCHASE_WATCH_LIST');
    const selling = decide(USD_SPOT, { customer: { fxWatchList: true }, sale: { side: 'SELL', amount: '100' } });
    expect(selling.outcome).toBe('BLOCK');
    expect(codes(selling)).toContain('SPLIT_PURCHASE_WATCH_LIST');
    expect(selling.reasons.find((r) => r.code === 'SPLIT_PURCHASE_WATCH_LIST')!.facts).toEqual({ fxWatchList: true, direction: 'SELL_FX' });
  });

  it('lets a customer off the list through', () => {
    expect(decide(USD_SPOT, { customer: { fxWatchList: false } }).outcome).toBe('ALLOW');
  });
});

describe('forex rules: identity', () => {
  it('each reason names the rule and version that gave it (the audit record)', () => {
    const d = decide(USD_SPOT, { customer: { fxWatchList: true }, saleDetails: { purpose: 'CRYPTO' } });
    expect(d.reasons.map((r) => `${r.ruleId}@${r.ruleVersion}`).sort()).toEqual([
      'forex.annual-quota@1.0.0',
      'forex.prohibited-purpose@1.0.0',
      'forex.watch-list@1.0.0',
    ]);
    const foreign = decide(USD_SPOT, { customer: { residency: 'FOREIGN' } });
    expect(foreign.reasons.map((r) => `${r.ruleId}@${r.ruleVersion}`)).toEqual(['forex.foreign-national@1.0.0']);
  });
});
