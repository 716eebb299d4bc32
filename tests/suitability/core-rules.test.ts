import { describe, expect, it } from 'vitest';
import { evaluateRules, makeFacts, testSettings, TEST_NOW, type FactsOverrides } from '../../src/sdk/testing.js';
import type {
  Outcome,
  RuleContext,
  SuitabilityDecisionRecord,
  SuitabilityFacts,
  SuitabilityReason,
  SuitabilityRule,
} from '../../src/sdk/contract/suitability.js';
import {
  amount,
  audioVideoRecording,
  coreRules,
  highRiskCare,
  isProfessionalInvestor,
  productOnSale,
  professionalInvestor,
  riskAssessment,
  riskMatching,
  sellerQualification,
  seniorCustomer,
  QUALIFICATION_LABELS,
} from '../../src/suitability/rules/core/index.js';
import { assessProfessionalInvestor } from '../../src/suitability/rules/core/professional.js';
import { CHANNEL_LABELS, REGIME_LABELS, STATUS_LABELS } from '../../src/suitability/rules/core/labels.js';
import { decimalOrNull } from '../../src/sdk/decimal-or-null.js';
import { instantOrNull } from '../../src/suitability/rules/core/values.js';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.parse(TEST_NOW) - days * DAY).toISOString();

/** Runs rules as the host does, attributed to `core`, and checks every message got its numbers filled in. */
function run(rules: SuitabilityRule | SuitabilityRule[], o: FactsOverrides = {}, overrides: Record<string, unknown> = {}) {
  const decision = evaluateRules(Array.isArray(rules) ? rules : [rules], makeFacts(o), { source: 'core', overrides });
  for (const r of decision.reasons) {
    expect(r.message['zh-CN']).not.toMatch(/\{\w+\}/);
    expect(r.message.en).not.toMatch(/\{\w+\}/);
    expect(r.source).toBe('core');
  }
  return decision;
}

const codes = (d: SuitabilityDecisionRecord) => d.reasons.map((r) => r.code);
const reason = (d: SuitabilityDecisionRecord, code: string): SuitabilityReason => {
  const r = d.reasons.find((x) => x.code === code);
  if (!r) throw new Error(`no ${code} among ${codes(d).join(', ') || 'no reasons'}`);
  return r;
};
/**
 * The decision's overall outcome and its reason codes, in order. Every BLOCK or
 * REQUIRE test goes through this, so a rule that keeps its reason code but loses
 * its strictness is noticed.
 */
const expectDecision = (d: SuitabilityDecisionRecord, outcome: Outcome, expectedCodes: string[]) => {
  expect(codes(d)).toEqual(expectedCodes);
  expect(d.outcome).toBe(outcome);
  return d;
};
/** The reason `code`, checked to carry `outcome`. */
const hit = (d: SuitabilityDecisionRecord, code: string, outcome: Outcome): SuitabilityReason => {
  const r = reason(d, code);
  expect(r.outcome).toBe(outcome);
  return r;
};
/** What a rule returns when called directly, with `ctx.now` set apart from `facts.now`. */
const evaluateAt = (rule: SuitabilityRule, facts: SuitabilityFacts, ctxNow: string) =>
  rule.evaluate(facts, { settings: testSettings(), now: new Date(ctxNow) } satisfies RuleContext);
/** Both languages of the reason mention every value. */
const expectMessagesContain = (r: SuitabilityReason, ...values: (string | number)[]) => {
  for (const v of values) {
    expect(r.message['zh-CN']).toContain(String(v));
    expect(r.message.en).toContain(String(v));
  }
};

describe('core rule definitions', () => {
  it('are nine uniquely named core rules, version 1.0.0, with bilingual texts and steps on every REQUIRE', () => {
    expect(coreRules.map((r) => r.id)).toEqual([
      'core.product-on-sale',
      'core.amount',
      'core.risk-assessment',
      'core.professional-investor',
      'core.risk-matching',
      'core.high-risk-care',
      'core.senior-customer',
      'core.audio-video-recording',
      'core.seller-qualification',
    ]);
    for (const rule of coreRules) {
      expect(rule.version).toBe('1.0.0');
      for (const t of [rule.regulation, rule.description]) {
        expect(t['zh-CN'].length).toBeGreaterThan(0);
        expect(t.en.length).toBeGreaterThan(0);
      }
      for (const def of Object.values(rule.reasons)) {
        expect(def.message['zh-CN'].length).toBeGreaterThan(0);
        expect(def.message.en.length).toBeGreaterThan(0);
        expect(def.outcome === 'REQUIRE').toBe(!!def.step);
      }
    }
  });

  it('allow the plain case and record every rule version', () => {
    const d = run(coreRules);
    expect(d.outcome).toBe('ALLOW');
    expect(d.reasons).toEqual([]);
    expect(Object.keys(d.ruleVersions)).toHaveLength(9);
    expect(Object.values(d.ruleVersions).every((v) => v === '1.0.0')).toBe(true);
  });

  it('declare highRiskFromRating as a core setting defaulting to R4', () => {
    expect(testSettings().get('core.highRiskFromRating')).toBe('R4');
  });
});

describe('core value readers', () => {
  it('give null, not some other empty value, for what they cannot read', () => {
    for (const v of ['abc', '', null, undefined, 'Infinity']) expect(decimalOrNull(v)).toBeNull();
    expect(decimalOrNull('12.50')?.toFixed()).toBe('12.5');
    for (const v of ['TBD 5', '2026-02-30', '', null, undefined]) expect(instantOrNull(v)).toBeNull();
    expect(instantOrNull('2026-11-23T10:00:00+08:00')).toBe(Date.parse(TEST_NOW));
  });
});

describe('core.product-on-sale', () => {
  it('allows a product on sale', () => {
    expectDecision(run(productOnSale), 'ALLOW', []);
  });

  it.each(['DRAFT', 'SUSPENDED', 'CLOSED'] as const)('blocks buying a %s product and names the status', (status) => {
    const d = expectDecision(run(productOnSale, { product: { status } }), 'BLOCK', ['PRODUCT_NOT_ON_SALE']);
    const r = hit(d, 'PRODUCT_NOT_ON_SALE', 'BLOCK');
    expectMessagesContain(r, status);
    expect(r.message['zh-CN']).toContain(STATUS_LABELS[status]['zh-CN']);
    expect(r.message.en).toContain(STATUS_LABELS[status].en);
    expect(r.facts).toMatchObject({ status });
  });

  it('blocks a status it has no label for, naming the raw code', () => {
    const d = expectDecision(run(productOnSale, { product: { status: 'ARCHIVED' as never } }), 'BLOCK', ['PRODUCT_NOT_ON_SALE']);
    const r = hit(d, 'PRODUCT_NOT_ON_SALE', 'BLOCK');
    expect(r.message['zh-CN']).toContain('“ARCHIVED”（ARCHIVED）');
    expect(r.message.en).toContain('is ARCHIVED (ARCHIVED)');
  });

  it('still lets a customer redeem from a suspended or closed product', () => {
    for (const status of ['SUSPENDED', 'CLOSED'] as const) {
      expectDecision(run(productOnSale, { product: { status }, sale: { side: 'SELL' } }), 'ALLOW', []);
    }
  });

  it('opens the sale window at saleStart, not a millisecond earlier', () => {
    const product = { saleStart: '2026-11-23T02:00:00.000Z', saleEnd: '2026-12-01T00:00:00.000Z' };
    expectDecision(run(productOnSale, { product, now: '2026-11-23T02:00:00.000Z' }), 'ALLOW', []);
    const early = expectDecision(run(productOnSale, { product, now: '2026-11-23T01:59:59.999Z' }), 'BLOCK', ['OUTSIDE_SALE_WINDOW']);
    expectMessagesContain(hit(early, 'OUTSIDE_SALE_WINDOW', 'BLOCK'), '2026-11-23T01:59:59.999Z', '2026-11-23T02:00:00.000Z', '2026-12-01T00:00:00.000Z');
  });

  it('closes the sale window at saleEnd, showing a missing bound as a dash', () => {
    const product = { saleStart: null, saleEnd: '2026-11-23T02:00:00.000Z' };
    expectDecision(run(productOnSale, { product, now: '2026-11-23T01:59:59.999Z' }), 'ALLOW', []);
    const late = expectDecision(run(productOnSale, { product, now: '2026-11-23T02:00:00.000Z' }), 'BLOCK', ['OUTSIDE_SALE_WINDOW']);
    const r = hit(late, 'OUTSIDE_SALE_WINDOW', 'BLOCK');
    expectMessagesContain(r, '—', '2026-11-23T02:00:00.000Z');
    expect(r.message.en).not.toContain('null');
    expect(r.facts).toEqual({ saleStart: null, saleEnd: '2026-11-23T02:00:00.000Z', now: '2026-11-23T02:00:00.000Z', side: 'BUY' });
    const early = run(productOnSale, { product: { saleStart: '2026-12-01T00:00:00.000Z', saleEnd: null } });
    expectMessagesContain(hit(early, 'OUTSIDE_SALE_WINDOW', 'BLOCK'), '2026-12-01T00:00:00.000Z', '—');
  });

  it('reads calendar dates as UTC midnight and date-times with any UTC offset', () => {
    // TEST_NOW is 2026-11-23T02:00:00.000Z.
    const at = (saleStart: string) => run(productOnSale, { product: { saleStart } });
    for (const open of ['2026-11-23', '2026-11-23T02:00:00Z', '2026-11-23T10:00:00+08:00', '2026-11-23T01:00:00-01:00', '2026-11-23T01:59:59.9Z']) {
      expectDecision(at(open), 'ALLOW', []);
    }
    for (const notYet of ['2026-11-24', '2026-11-23T02:00:01Z', '2026-11-23T10:00:00.001+08:00', '2026-11-23T01:00:00.001-01:00']) {
      expectDecision(at(notYet), 'BLOCK', ['OUTSIDE_SALE_WINDOW']);
    }
  });

  // Date.parse reads all of these (as 2001-05-01, 2026-01-01, local time, or with the
  // day rolled over into March): an unreadable start must not open the sale.
  it.each(['TBD 5', 'from 2026-01-01', '2026-11-01 00:00', '2026-02-30', '11/01/2026', '2026-11-01T00:00:00', '', ' 2026-11-01'])(
    'treats the unreadable sale start %j as outside the window (fail closed)',
    (saleStart) => {
      const d = expectDecision(run(productOnSale, { product: { saleStart } }), 'BLOCK', ['OUTSIDE_SALE_WINDOW']);
      expectMessagesContain(hit(d, 'OUTSIDE_SALE_WINDOW', 'BLOCK'), saleStart);
    },
  );

  it.each(['TBD 2099', 'until 2099-01-01', '2099-01-01 00:00', '2099-02-30', '2099-13-01', '2099-01-01T25:00:00Z', 'not a date', ''])(
    'treats the unreadable sale end %j as outside the window (fail closed)',
    (saleEnd) => {
      expectDecision(run(productOnSale, { product: { saleEnd } }), 'BLOCK', ['OUTSIDE_SALE_WINDOW']);
    },
  );

  it('gives both reasons when both apply', () => {
    const d = expectDecision(run(productOnSale, { product: { status: 'CLOSED', saleEnd: '2026-01-01' } }), 'BLOCK', [
      'PRODUCT_NOT_ON_SALE',
      'OUTSIDE_SALE_WINDOW',
    ]);
    hit(d, 'PRODUCT_NOT_ON_SALE', 'BLOCK');
    hit(d, 'OUTSIDE_SALE_WINDOW', 'BLOCK');
  });

  it('judges the window at facts.now, falling back to the context clock only when facts.now is unreadable', () => {
    const product = { saleStart: TEST_NOW };
    const oneMsEarlier = '2026-11-23T01:59:59.999Z';
    expect(evaluateAt(productOnSale, makeFacts({ product }), oneMsEarlier)).toEqual([]);
    expect(evaluateAt(productOnSale, makeFacts({ product, now: oneMsEarlier }), TEST_NOW).map((h) => h.code)).toEqual(['OUTSIDE_SALE_WINDOW']);
    expect(evaluateAt(productOnSale, makeFacts({ product, now: 'soon' }), TEST_NOW)).toEqual([]);
    expect(evaluateAt(productOnSale, makeFacts({ product, now: 'soon' }), oneMsEarlier).map((h) => h.code)).toEqual(['OUTSIDE_SALE_WINDOW']);
    // With no readable clock at all, not even an open window can be shown to include now.
    expect(evaluateAt(productOnSale, makeFacts({ now: 'soon' }), 'never').map((h) => h.code)).toEqual(['OUTSIDE_SALE_WINDOW']);
  });

  it('does not hold redemptions to the sale window', () => {
    expectDecision(run(productOnSale, { product: { saleEnd: '2026-01-01' }, sale: { side: 'SELL' } }), 'ALLOW', []);
  });
});

describe('core.amount', () => {
  // makeFacts product: minimum 1000 CNY, step 100.
  it('allows exactly the minimum and blocks one step below it, naming the minimum and currency', () => {
    expectDecision(run(amount, { sale: { amount: '1000' } }), 'ALLOW', []);
    const d = expectDecision(run(amount, { sale: { amount: '900' } }), 'BLOCK', ['BELOW_MINIMUM']);
    expectMessagesContain(hit(d, 'BELOW_MINIMUM', 'BLOCK'), '900', '1000', 'CNY');
    expect(reason(d, 'BELOW_MINIMUM').facts).toEqual({ amount: '900', saleCurrency: 'CNY', productCurrency: 'CNY', minimumAmount: '1000', amountStep: '100' });
  });

  it('blocks a cent below the minimum', () => {
    expectDecision(run(amount, { sale: { amount: '999.99' } }), 'BLOCK', ['BELOW_MINIMUM']);
  });

  it('allows a whole number of steps above the minimum and blocks anything between, offering the steps either side', () => {
    expectDecision(run(amount, { sale: { amount: '1100' } }), 'ALLOW', []);
    const d = expectDecision(run(amount, { sale: { amount: '1150' } }), 'BLOCK', ['AMOUNT_STEP']);
    expectMessagesContain(hit(d, 'AMOUNT_STEP', 'BLOCK'), '1150', '1000', '100', '1100', '1200', 'CNY');
    const far = expectDecision(run(amount, { sale: { amount: '1301' } }), 'BLOCK', ['AMOUNT_STEP']);
    expectMessagesContain(hit(far, 'AMOUNT_STEP', 'BLOCK'), '1300', '1400');
  });

  it('counts steps from the minimum, not from zero', () => {
    const product = { minimumAmount: '1050', amountStep: '100' };
    expectDecision(run(amount, { product, sale: { amount: '1150' } }), 'ALLOW', []);
    const d = expectDecision(run(amount, { product, sale: { amount: '1100' } }), 'BLOCK', ['AMOUNT_STEP']);
    expectMessagesContain(hit(d, 'AMOUNT_STEP', 'BLOCK'), '1050', '1150');
  });

  it('uses exact decimals where floats would fail (0.3 = 0.1 + 2 × 0.1)', () => {
    const product = { minimumAmount: '0.1', amountStep: '0.1' };
    expectDecision(run(amount, { product, sale: { amount: '0.3' } }), 'ALLOW', []);
    expectDecision(run(amount, { product, sale: { amount: '0.35' } }), 'BLOCK', ['AMOUNT_STEP']);
  });

  it('accepts any amount at or above the minimum when the step is 0', () => {
    expectDecision(run(amount, { product: { amountStep: '0' }, sale: { amount: '1234.56' } }), 'ALLOW', []);
    expectDecision(run(amount, { product: { amountStep: '0' }, sale: { amount: '999.99' } }), 'BLOCK', ['BELOW_MINIMUM']);
  });

  it('blocks an amount in another currency than the product, before looking at the amount', () => {
    const d = expectDecision(run(amount, { sale: { currency: 'USD' } }), 'BLOCK', ['CURRENCY_MISMATCH']);
    expectMessagesContain(hit(d, 'CURRENCY_MISMATCH', 'BLOCK'), 'USD', 'CNY');
    expectDecision(run(amount, { sale: { currency: 'USD', amount: '-1' } }), 'BLOCK', ['CURRENCY_MISMATCH']);
  });

  it('compares currency codes without regard to case or surrounding spaces, on either side', () => {
    expectDecision(run(amount, { sale: { currency: ' cny ' } }), 'ALLOW', []);
    expectDecision(run(amount, { product: { currency: ' cny ' } }), 'ALLOW', []);
  });

  // Missing and padded amounts never come from the Decimal scalar or the database;
  // if one arrives anyway it is not read as a number (fail closed).
  it.each(['0', '-0', '-100', 'abc', '', ' ', ' 1500', 'Infinity', '-Infinity', 'NaN'])('blocks the invalid amount %j', (value) => {
    const d = run(amount, { product: { minimumAmount: '0', amountStep: '0' }, sale: { amount: value } });
    expectDecision(d, 'BLOCK', ['INVALID_AMOUNT']);
    hit(d, 'INVALID_AMOUNT', 'BLOCK');
  });

  it('says nothing when there is no amount, or for a redemption', () => {
    expectDecision(run(amount, { sale: { amount: null } }), 'ALLOW', []);
    expectDecision(run(amount, { sale: { side: 'SELL', amount: '1' } }), 'ALLOW', []);
    expectDecision(run(amount, { sale: { side: 'SELL', amount: '1', currency: 'USD' } }), 'ALLOW', []);
  });

  it.each([
    ['minimum', { minimumAmount: 'n/a' }],
    ['minimum', { minimumAmount: '' }],
    ['step', { amountStep: 'n/a' }],
  ] as const)('fails closed on a product whose %s cannot be read (even for an amount below the minimum)', (_what, product) => {
    for (const saleAmount of ['10000', '900']) {
      expectDecision(run(amount, { product, sale: { amount: saleAmount } }), 'BLOCK', ['RULE_ERROR']);
    }
    // The rule itself refuses, naming the product, rather than tripping over the missing number later.
    expect(() => amount.evaluate(makeFacts({ product }), { settings: testSettings(), now: new Date(TEST_NOW) })).toThrow(
      new RegExp(`^product TEST-1 has an unreadable minimum .* or step`),
    );
  });
});

describe('core.risk-assessment', () => {
  it('requires an assessment when there is none, for a product that needs one', () => {
    const d = expectDecision(run(riskAssessment, { customer: { risk: { level: null, assessedAt: null } } }), 'REQUIRE', ['RISK_ASSESSMENT_MISSING']);
    expect(hit(d, 'RISK_ASSESSMENT_MISSING', 'REQUIRE').step).toBe('RISK_ASSESSMENT');
    expect(d.requiredSteps).toEqual(['RISK_ASSESSMENT']);
    expect(d.missingSteps).toEqual(['RISK_ASSESSMENT']);
    expectMessagesContain(reason(d, 'RISK_ASSESSMENT_MISSING'), 'R2');
    expect(reason(d, 'RISK_ASSESSMENT_MISSING').facts).toEqual({ level: null, assessedAt: null });
  });

  it('does not ask for an assessment when the product needs none', () => {
    expectDecision(run(riskAssessment, { customer: { risk: { level: null } }, product: { requiresRiskAssessment: false } }), 'ALLOW', []);
    expectDecision(run(riskAssessment, { customer: { risk: { expired: true } }, product: { requiresRiskAssessment: false } }), 'ALLOW', []);
  });

  it('accepts an assessment 364 days old and requires reassessment at 366 days (default 365)', () => {
    expectDecision(run(riskAssessment, { customer: { risk: { assessedAt: daysAgo(364) } } }), 'ALLOW', []);
    const d = expectDecision(run(riskAssessment, { customer: { risk: { assessedAt: daysAgo(366) } } }), 'REQUIRE', ['RISK_ASSESSMENT_EXPIRED']);
    expect(hit(d, 'RISK_ASSESSMENT_EXPIRED', 'REQUIRE').step).toBe('REASSESSMENT');
    expect(d.missingSteps).toEqual(['REASSESSMENT']);
    expectMessagesContain(reason(d, 'RISK_ASSESSMENT_EXPIRED'), daysAgo(366), '366', '365');
  });

  it('expires an assessment exactly when 365 whole days have passed, not a millisecond earlier', () => {
    const exactly = new Date(Date.parse(TEST_NOW) - 365 * DAY).toISOString();
    const justUnder = new Date(Date.parse(TEST_NOW) - 365 * DAY + 1).toISOString();
    expectDecision(run(riskAssessment, { customer: { risk: { assessedAt: justUnder } } }), 'ALLOW', []);
    const d = expectDecision(run(riskAssessment, { customer: { risk: { assessedAt: exactly } } }), 'REQUIRE', ['RISK_ASSESSMENT_EXPIRED']);
    expect(hit(d, 'RISK_ASSESSMENT_EXPIRED', 'REQUIRE').facts).toMatchObject({ ageDays: 365, validityDays: 365 });
  });

  it('counts the age in whole days, rounding down', () => {
    const assessedAt = new Date(Date.parse(TEST_NOW) - 366.75 * DAY).toISOString();
    const d = expectDecision(run(riskAssessment, { customer: { risk: { assessedAt } } }), 'REQUIRE', ['RISK_ASSESSMENT_EXPIRED']);
    expect(hit(d, 'RISK_ASSESSMENT_EXPIRED', 'REQUIRE').facts).toMatchObject({ ageDays: 366 });
  });

  it('computes validity from assessedAt with the setting, so 180 days expires a 200-day-old assessment', () => {
    const o = { customer: { risk: { assessedAt: daysAgo(200) } } };
    expectDecision(run(riskAssessment, o), 'ALLOW', []);
    const d = expectDecision(run(riskAssessment, o, { 'core.riskAssessmentValidityDays': 180 }), 'REQUIRE', ['RISK_ASSESSMENT_EXPIRED']);
    expectMessagesContain(hit(d, 'RISK_ASSESSMENT_EXPIRED', 'REQUIRE'), '200', '180');
    expectDecision(run(riskAssessment, { customer: { risk: { assessedAt: daysAgo(179) } } }, { 'core.riskAssessmentValidityDays': 180 }), 'ALLOW', []);
  });

  it('honours the stored expired flag', () => {
    const d = expectDecision(run(riskAssessment, { customer: { risk: { expired: true } } }), 'REQUIRE', ['RISK_ASSESSMENT_EXPIRED']);
    hit(d, 'RISK_ASSESSMENT_EXPIRED', 'REQUIRE');
  });

  it('treats a level without an assessment date as expired, showing a dash for the date and the age', () => {
    const d = expectDecision(run(riskAssessment, { customer: { risk: { assessedAt: null } } }), 'REQUIRE', ['RISK_ASSESSMENT_EXPIRED']);
    const r = hit(d, 'RISK_ASSESSMENT_EXPIRED', 'REQUIRE');
    expect(r.message['zh-CN']).toContain('（—，距今 — 天）');
    expect(r.message.en).toContain('of — (— days ago)');
    expect(r.facts).toMatchObject({ ageDays: null });
  });

  // Date.parse reads the first two (local time; the day rolled over into March, which
  // would look recent): an assessment date that cannot be read cannot show validity.
  it.each(['2026-10-20 02:00', '2026-02-30', '2026-10-20T25:00:00Z', 'last month'])('treats the unreadable assessment date %j as expired', (assessedAt) => {
    const d = expectDecision(run(riskAssessment, { customer: { risk: { assessedAt } } }), 'REQUIRE', ['RISK_ASSESSMENT_EXPIRED']);
    expectMessagesContain(hit(d, 'RISK_ASSESSMENT_EXPIRED', 'REQUIRE'), assessedAt);
  });

  it('measures the age at facts.now, falling back to the context clock only when facts.now is unreadable', () => {
    const customer = { risk: { assessedAt: daysAgo(365) } };
    const aMsEarlier = new Date(Date.parse(TEST_NOW) - 1).toISOString();
    expect(evaluateAt(riskAssessment, makeFacts({ customer }), aMsEarlier).map((h) => h.code)).toEqual(['RISK_ASSESSMENT_EXPIRED']);
    expect(evaluateAt(riskAssessment, makeFacts({ customer, now: aMsEarlier }), TEST_NOW)).toEqual([]);
    expect(evaluateAt(riskAssessment, makeFacts({ customer, now: 'today' }), aMsEarlier)).toEqual([]);
    // With no readable clock at all the age cannot be shown to be under the validity.
    expect(evaluateAt(riskAssessment, makeFacts({ now: 'today' }), 'never').map((h) => h.code)).toEqual(['RISK_ASSESSMENT_EXPIRED']);
  });

  it('never blocks or requires anything for a redemption', () => {
    for (const risk of [
      { level: null, assessedAt: null },
      { assessedAt: daysAgo(800), expired: true },
    ]) {
      const d = run(riskAssessment, { customer: { risk }, sale: { side: 'SELL' } });
      expectDecision(d, 'ALLOW', []);
    }
  });

  it('lets a recorded reassessment step satisfy the requirement', () => {
    const d = run(riskAssessment, { customer: { risk: { expired: true } }, sale: { completedSteps: ['REASSESSMENT'] } });
    expect(hit(d, 'RISK_ASSESSMENT_EXPIRED', 'REQUIRE').satisfied).toBe(true);
    expect(d.missingSteps).toEqual([]);
  });
});

describe('isProfessionalInvestor', () => {
  const settings = testSettings();
  const pro = (customer: FactsOverrides['customer']) => isProfessionalInvestor(makeFacts({ customer }), settings);

  it('is true for a registered professional whatever the numbers', () => {
    expect(pro({ investorType: 'PROFESSIONAL', householdFinancialAssets: '0', risk: { experienceYears: 0 } })).toBe(true);
  });

  it('draws the financial-assets line at 5,000,000 CNY', () => {
    expect(pro({ householdFinancialAssets: '5000000', risk: { experienceYears: 2 } })).toBe(true);
    expect(pro({ householdFinancialAssets: '4999999.99', risk: { experienceYears: 2 } })).toBe(false);
  });

  it('draws the income line at a 500,000 CNY three-year average', () => {
    expect(pro({ incomeThreeYearAverage: '500000', risk: { experienceYears: 2 } })).toBe(true);
    expect(pro({ incomeThreeYearAverage: '499999.99', risk: { experienceYears: 2 } })).toBe(false);
  });

  it('needs 2 years of experience on top of the money', () => {
    expect(pro({ householdFinancialAssets: '9000000', incomeThreeYearAverage: '900000', risk: { experienceYears: 1 } })).toBe(false);
  });

  it('follows the core.professionalInvestor setting', () => {
    const custom = testSettings([], {
      'core.professionalInvestor': { financialAssetsCny: '3000000', averageIncomeCny: '500000', experienceYears: 1 },
    });
    const facts = makeFacts({ customer: { householdFinancialAssets: '3000000', risk: { experienceYears: 1 } } });
    expect(isProfessionalInvestor(facts, custom)).toBe(true);
    expect(isProfessionalInvestor(facts, settings)).toBe(false);
  });

  it('treats unreadable or missing amounts as zero, and still looks at the other amount', () => {
    expect(pro({ householdFinancialAssets: 'lots', risk: { experienceYears: 10 } })).toBe(false);
    expect(pro({ householdFinancialAssets: null as never, incomeThreeYearAverage: null as never, risk: { experienceYears: 10 } })).toBe(false);
    expect(pro({ householdFinancialAssets: 'lots', incomeThreeYearAverage: '500000', risk: { experienceYears: 2 } })).toBe(true);
    expect(pro({ householdFinancialAssets: '5000000', incomeThreeYearAverage: 'n/a', risk: { experienceYears: 2 } })).toBe(true);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('treats unreadable experience (%s years) as none', (experienceYears) => {
    expect(pro({ householdFinancialAssets: '9000000', incomeThreeYearAverage: '900000', risk: { experienceYears } })).toBe(false);
  });

  it('names the basis it found, and none for an ordinary investor', () => {
    const basis = (customer: FactsOverrides['customer']) => assessProfessionalInvestor(makeFacts({ customer }), settings);
    expect(basis({ investorType: 'PROFESSIONAL' })).toMatchObject({ professional: true, basis: 'REGISTERED' });
    expect(basis({ householdFinancialAssets: '5000000', risk: { experienceYears: 2 } })).toMatchObject({ professional: true, basis: 'FINANCIAL_ASSETS' });
    expect(basis({ incomeThreeYearAverage: '500000', risk: { experienceYears: 2 } })).toMatchObject({ professional: true, basis: 'AVERAGE_INCOME' });
    expect(basis({})).toMatchObject({ professional: false, basis: null, explanation: null });
  });
});

describe('core.professional-investor', () => {
  const richC3 = { householdFinancialAssets: '5000000', risk: { level: 'C3' as const, experienceYears: 2 } };

  it('explains with ALLOW why a professional may buy above their level, with the numbers', () => {
    const d = expectDecision(run(professionalInvestor, { customer: richC3, product: { riskRating: 'R4' } }), 'ALLOW', ['PROFESSIONAL_INVESTOR']);
    const r = hit(d, 'PROFESSIONAL_INVESTOR', 'ALLOW');
    expectMessagesContain(r, 'R4', 'C3', '5000000', '2');
    expect(r.facts).toMatchObject({
      productRisk: 'R4',
      customerLevel: 'C3',
      basis: 'FINANCIAL_ASSETS',
      investorType: 'ORDINARY',
      householdFinancialAssets: '5000000',
      incomeThreeYearAverage: '280000',
      experienceYears: 2,
      thresholds: { financialAssetsCny: '5000000', averageIncomeCny: '500000', experienceYears: 2 },
    });
  });

  it('says nothing when the product is within the level', () => {
    expectDecision(run(professionalInvestor, { customer: richC3, product: { riskRating: 'R3' } }), 'ALLOW', []);
  });

  it('says nothing for an ordinary investor above their level (risk matching speaks then)', () => {
    const poor = { ...richC3, householdFinancialAssets: '4999999.99' };
    expectDecision(run(professionalInvestor, { customer: poor, product: { riskRating: 'R4' } }), 'ALLOW', []);
  });

  it('lets a professional buy an R5 wealth product at a C2 level through the full core rule set', () => {
    const d = run(coreRules, {
      customer: { investorType: 'PROFESSIONAL', risk: { level: 'C2' } },
      product: { riskRating: 'R5', regime: 'WEALTH' },
    });
    expect(d.outcome).toBe('ALLOW');
    expect(codes(d)).toEqual(['PROFESSIONAL_INVESTOR']);
  });
});

describe('core.risk-matching', () => {
  const above = (o: FactsOverrides = {}) =>
    run(riskMatching, { ...o, product: { riskRating: 'R4', ...o.product }, customer: { ...o.customer, risk: { level: 'C3', ...o.customer?.risk } } });

  it('says nothing when the product rating is within the level (R3/C3)', () => {
    const d = run(riskMatching, { product: { riskRating: 'R3' }, customer: { risk: { level: 'C3' } }, sale: { initiator: 'STAFF' } });
    expectDecision(d, 'ALLOW', []);
  });

  it('requires a signed special risk warning for a fund the customer asked for above their level (R4/C3)', () => {
    const d = expectDecision(above(), 'REQUIRE', ['ABOVE_RISK_LEVEL_SIGNED_WARNING']);
    expect(hit(d, 'ABOVE_RISK_LEVEL_SIGNED_WARNING', 'REQUIRE').step).toBe('SPECIAL_RISK_WARNING_SIGNED');
    expect(d.missingSteps).toEqual(['SPECIAL_RISK_WARNING_SIGNED']);
    expectMessagesContain(reason(d, 'ABOVE_RISK_LEVEL_SIGNED_WARNING'), 'R4', 'C3');
    expect(reason(d, 'ABOVE_RISK_LEVEL_SIGNED_WARNING').message['zh-CN']).toContain('产品风险等级 R4 高于客户风险承受能力 C3');
  });

  it('is satisfied once the warning is signed', () => {
    const d = above({ sale: { completedSteps: ['SPECIAL_RISK_WARNING_SIGNED'] } });
    expect(reason(d, 'ABOVE_RISK_LEVEL_SIGNED_WARNING').satisfied).toBe(true);
    expect(d.requiredSteps).toEqual(['SPECIAL_RISK_WARNING_SIGNED']);
    expect(d.missingSteps).toEqual([]);
  });

  it('blocks a wealth product above the level even when the customer insists', () => {
    const d = expectDecision(above({ product: { regime: 'WEALTH' }, sale: { completedSteps: ['SPECIAL_RISK_WARNING_SIGNED'] } }), 'BLOCK', [
      'WEALTH_ABOVE_LEVEL',
    ]);
    expectMessagesContain(hit(d, 'WEALTH_ABOVE_LEVEL', 'BLOCK'), 'R4', 'C3');
  });

  it('blocks other products above the level', () => {
    const d = expectDecision(above({ product: { regime: 'OTHER' } }), 'BLOCK', ['ABOVE_RISK_LEVEL']);
    expectMessagesContain(hit(d, 'ABOVE_RISK_LEVEL', 'BLOCK'), 'R4', 'C3');
  });

  it('blocks a staff-recommended sale above the level, reporting only that reason', () => {
    for (const regime of ['SECURITIES', 'WEALTH', 'OTHER'] as const) {
      const d = expectDecision(above({ product: { regime }, sale: { initiator: 'STAFF' } }), 'BLOCK', ['STAFF_RECOMMENDED_ABOVE_LEVEL']);
      expectMessagesContain(hit(d, 'STAFF_RECOMMENDED_ABOVE_LEVEL', 'BLOCK'), 'R4', 'C3');
    }
  });

  it('blocks the lowest category above its level, before staff and regime', () => {
    const d = run(riskMatching, {
      customer: { risk: { level: 'C1', lowestCategory: true } },
      product: { riskRating: 'R2', regime: 'WEALTH' },
      sale: { initiator: 'STAFF' },
    });
    expectDecision(d, 'BLOCK', ['LOWEST_CATEGORY_ABOVE_LEVEL']);
    expectMessagesContain(hit(d, 'LOWEST_CATEGORY_ABOVE_LEVEL', 'BLOCK'), 'R2', 'C1');
    const fund = expectDecision(above({ customer: { risk: { lowestCategory: true } } }), 'BLOCK', ['LOWEST_CATEGORY_ABOVE_LEVEL']);
    hit(fund, 'LOWEST_CATEGORY_ABOVE_LEVEL', 'BLOCK');
  });

  it('lets the lowest category buy within its level', () => {
    expectDecision(run(riskMatching, { customer: { risk: { level: 'C1', lowestCategory: true } }, product: { riskRating: 'R1' } }), 'ALLOW', []);
  });

  it('skips professional investors, by registration or by assets and experience', () => {
    expectDecision(above({ product: { regime: 'WEALTH' }, customer: { investorType: 'PROFESSIONAL' } }), 'ALLOW', []);
    expectDecision(above({ product: { regime: 'WEALTH' }, customer: { householdFinancialAssets: '5000000', risk: { experienceYears: 2 } } }), 'ALLOW', []);
    expectDecision(above({ product: { regime: 'WEALTH' }, customer: { householdFinancialAssets: '5000000', risk: { experienceYears: 1 } } }), 'BLOCK', [
      'WEALTH_ABOVE_LEVEL',
    ]);
  });

  it('never blocks a redemption', () => {
    const d = above({ product: { regime: 'WEALTH' }, customer: { risk: { lowestCategory: true } }, sale: { side: 'SELL', initiator: 'STAFF' } });
    expectDecision(d, 'ALLOW', []);
  });

  it('leaves a missing level and products without assessment to other rules', () => {
    expectDecision(above({ customer: { risk: { level: null } } }), 'ALLOW', []);
    expectDecision(above({ product: { requiresRiskAssessment: false, regime: 'WEALTH' } }), 'ALLOW', []);
  });
});

describe('core.high-risk-care', () => {
  it('says nothing for R3 and warns an ordinary investor buying R4 or R5', () => {
    expectDecision(run(highRiskCare, { product: { riskRating: 'R3' } }), 'ALLOW', []);
    for (const riskRating of ['R4', 'R5'] as const) {
      const d = expectDecision(run(highRiskCare, { product: { riskRating } }), 'WARN', ['HIGH_RISK_EXTRA_CARE']);
      expectMessagesContain(hit(d, 'HIGH_RISK_EXTRA_CARE', 'WARN'), riskRating, 'R4');
      expect(reason(d, 'HIGH_RISK_EXTRA_CARE').facts).toEqual({ productRisk: riskRating, fromRisk: 'R4', investorType: 'ORDINARY', professional: false });
    }
  });

  it('does not warn a professional investor', () => {
    expectDecision(
      run(highRiskCare, { product: { riskRating: 'R5' }, customer: { householdFinancialAssets: '5000000', risk: { experienceYears: 2 } } }),
      'ALLOW',
      [],
    );
  });

  it('follows core.highRiskFromRating', () => {
    expectDecision(run(highRiskCare, { product: { riskRating: 'R4' } }, { 'core.highRiskFromRating': 'R5' }), 'ALLOW', []);
    expectDecision(run(highRiskCare, { product: { riskRating: 'R3' } }, { 'core.highRiskFromRating': 'R3' }), 'WARN', ['HIGH_RISK_EXTRA_CARE']);
  });

  it('does not warn on a redemption', () => {
    expectDecision(run(highRiskCare, { product: { riskRating: 'R5' }, sale: { side: 'SELL' } }), 'ALLOW', []);
  });
});

describe('core.senior-customer', () => {
  it('warns from age 65, not at 64', () => {
    expectDecision(run(seniorCustomer, { customer: { age: 64 } }), 'ALLOW', []);
    const d = expectDecision(run(seniorCustomer, { customer: { age: 65 } }), 'WARN', ['SENIOR_CUSTOMER']);
    expectMessagesContain(hit(d, 'SENIOR_CUSTOMER', 'WARN'), '65');
  });

  it('needs no branch-head approval by default, even for R5', () => {
    expectDecision(run(seniorCustomer, { customer: { age: 80 }, product: { riskRating: 'R5' } }), 'WARN', ['SENIOR_CUSTOMER']);
  });

  it('requires branch-head approval from the configured rating (R4)', () => {
    const setting = { 'core.seniorApprovalFromRisk': 'R4' };
    const d = expectDecision(run(seniorCustomer, { customer: { age: 70 }, product: { riskRating: 'R4' } }, setting), 'REQUIRE', [
      'SENIOR_CUSTOMER',
      'SENIOR_BRANCH_APPROVAL',
    ]);
    expect(hit(d, 'SENIOR_BRANCH_APPROVAL', 'REQUIRE').step).toBe('BRANCH_HEAD_APPROVAL');
    hit(d, 'SENIOR_CUSTOMER', 'WARN');
    expect(d.missingSteps).toEqual(['BRANCH_HEAD_APPROVAL']);
    expectMessagesContain(reason(d, 'SENIOR_BRANCH_APPROVAL'), '70', 'R4');
    expect(reason(d, 'SENIOR_BRANCH_APPROVAL').facts).toEqual({ age: 70, seniorAge: 65, productRisk: 'R4', approvalFromRisk: 'R4' });
    expectDecision(run(seniorCustomer, { customer: { age: 70 }, product: { riskRating: 'R5' } }, setting), 'REQUIRE', [
      'SENIOR_CUSTOMER',
      'SENIOR_BRANCH_APPROVAL',
    ]);
    expectDecision(run(seniorCustomer, { customer: { age: 70 }, product: { riskRating: 'R3' } }, setting), 'WARN', ['SENIOR_CUSTOMER']);
    expectDecision(run(seniorCustomer, { customer: { age: 64 }, product: { riskRating: 'R5' } }, setting), 'ALLOW', []);
  });

  it('follows core.seniorCustomerAge', () => {
    const d = expectDecision(run(seniorCustomer, { customer: { age: 64 } }, { 'core.seniorCustomerAge': 60 }), 'WARN', ['SENIOR_CUSTOMER']);
    expectMessagesContain(reason(d, 'SENIOR_CUSTOMER'), '64', '60');
  });

  it('does nothing on a redemption', () => {
    expectDecision(run(seniorCustomer, { customer: { age: 90 }, sale: { side: 'SELL' } }, { 'core.seniorApprovalFromRisk': 'R1' }), 'ALLOW', []);
  });
});

describe('core.audio-video-recording', () => {
  it('requires recording for wealth and securities products sold at the counter or wealth centre', () => {
    for (const [regime, channel] of [
      ['WEALTH', 'COUNTER'],
      ['SECURITIES', 'WEALTH_CENTER'],
    ] as const) {
      const d = expectDecision(run(audioVideoRecording, { product: { regime }, sale: { channel } }), 'REQUIRE', ['IN_BRANCH_RECORDING']);
      const r = hit(d, 'IN_BRANCH_RECORDING', 'REQUIRE');
      expect(r.step).toBe('AUDIO_VIDEO_RECORDING');
      expect(d.missingSteps).toEqual(['AUDIO_VIDEO_RECORDING']);
      expectMessagesContain(r, channel);
      expect(r.message['zh-CN']).toContain(`在${CHANNEL_LABELS[channel]['zh-CN']}（${channel}）销售${REGIME_LABELS[regime]['zh-CN']}`);
      expect(r.message.en).toContain(`Selling a ${REGIME_LABELS[regime].en} at the ${CHANNEL_LABELS[channel].en} (${channel})`);
    }
  });

  it('needs no recording online, on mobile, or for other products', () => {
    expectDecision(run(audioVideoRecording, { product: { regime: 'WEALTH' }, sale: { channel: 'ONLINE' } }), 'ALLOW', []);
    expectDecision(run(audioVideoRecording, { product: { regime: 'WEALTH' }, sale: { channel: 'MOBILE' } }), 'ALLOW', []);
    expectDecision(run(audioVideoRecording, { product: { regime: 'OTHER' }, sale: { channel: 'COUNTER' } }), 'ALLOW', []);
  });

  it('follows core.counterRecordingChannels', () => {
    const setting = { 'core.counterRecordingChannels': ['MOBILE'] };
    expectDecision(run(audioVideoRecording, { sale: { channel: 'MOBILE' } }, setting), 'REQUIRE', ['IN_BRANCH_RECORDING']);
    expectDecision(run(audioVideoRecording, { sale: { channel: 'COUNTER' } }, setting), 'ALLOW', []);
  });

  it('is satisfied by a recorded session, and not needed for a redemption', () => {
    const done = run(audioVideoRecording, { sale: { channel: 'COUNTER', completedSteps: ['AUDIO_VIDEO_RECORDING'] } });
    expect(hit(done, 'IN_BRANCH_RECORDING', 'REQUIRE').satisfied).toBe(true);
    expect(done.missingSteps).toEqual([]);
    expectDecision(run(audioVideoRecording, { sale: { channel: 'COUNTER', side: 'SELL' } }), 'ALLOW', []);
  });
});

describe('the engine over the core rules', () => {
  // A 66-year-old C3 customer asks at the counter for an R4 fund.
  const seniorAtCounter: FactsOverrides = {
    customer: { age: 66 },
    product: { riskRating: 'R4', regime: 'SECURITIES' },
    sale: { channel: 'COUNTER' },
  };
  const approval = { 'core.seniorApprovalFromRisk': 'R4' };

  it('keeps every reason and lists the steps the sale still needs', () => {
    const d = run(coreRules, seniorAtCounter, approval);
    expect(d.outcome).toBe('REQUIRE');
    expect(codes(d)).toEqual(['ABOVE_RISK_LEVEL_SIGNED_WARNING', 'HIGH_RISK_EXTRA_CARE', 'SENIOR_CUSTOMER', 'SENIOR_BRANCH_APPROVAL', 'IN_BRANCH_RECORDING']);
    expect(d.requiredSteps).toEqual(['SPECIAL_RISK_WARNING_SIGNED', 'BRANCH_HEAD_APPROVAL', 'AUDIO_VIDEO_RECORDING']);
    expect(d.missingSteps).toEqual(d.requiredSteps);
    expect(reason(d, 'SENIOR_CUSTOMER').ruleId).toBe('core.senior-customer');
    expect(reason(d, 'SENIOR_CUSTOMER').regulation['zh-CN']).toContain('第二十八条');
  });

  it('drops completed steps from missingSteps', () => {
    const d = run(
      coreRules,
      { ...seniorAtCounter, sale: { channel: 'COUNTER', completedSteps: ['AUDIO_VIDEO_RECORDING', 'SPECIAL_RISK_WARNING_SIGNED'] } },
      approval,
    );
    expect(d.outcome).toBe('REQUIRE');
    expect(d.missingSteps).toEqual(['BRANCH_HEAD_APPROVAL']);
    expect(reason(d, 'IN_BRANCH_RECORDING').satisfied).toBe(true);
    expect(reason(d, 'SENIOR_BRANCH_APPROVAL').satisfied).toBe(false);
  });

  it('lets the strictest outcome win while keeping the weaker reasons', () => {
    const d = run(coreRules, { ...seniorAtCounter, sale: { channel: 'COUNTER', amount: '900' } }, approval);
    expect(d.outcome).toBe('BLOCK');
    expect(codes(d)).toEqual([
      'BELOW_MINIMUM',
      'ABOVE_RISK_LEVEL_SIGNED_WARNING',
      'HIGH_RISK_EXTRA_CARE',
      'SENIOR_CUSTOMER',
      'SENIOR_BRANCH_APPROVAL',
      'IN_BRANCH_RECORDING',
    ]);
    expect(d.reasons.map((r) => r.outcome)).toContain('WARN');
    hit(d, 'BELOW_MINIMUM', 'BLOCK');
    hit(d, 'ABOVE_RISK_LEVEL_SIGNED_WARNING', 'REQUIRE');
  });

  it('turns a throwing rule into BLOCK RULE_ERROR without touching the other reasons', () => {
    const broken: SuitabilityRule = {
      id: 'core.broken',
      version: '0.0.1',
      regulation: { 'zh-CN': '测试', en: 'test' },
      description: { 'zh-CN': '测试', en: 'test' },
      reasons: {},
      evaluate() {
        throw new Error('boom');
      },
    };
    const without = run(coreRules, seniorAtCounter);
    const withBroken = run([...coreRules.slice(0, 3), broken, ...coreRules.slice(3)], seniorAtCounter);
    expect(withBroken.outcome).toBe('BLOCK');
    const errors = withBroken.reasons.filter((r) => r.code === 'RULE_ERROR');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ outcome: 'BLOCK', ruleId: 'core.broken', source: 'core' });
    expect(withBroken.reasons.filter((r) => r.code !== 'RULE_ERROR')).toEqual(without.reasons);
    expect(withBroken.missingSteps).toEqual(without.missingSteps);
  });

  it.each(['', 'ALLOWED', 'allow', undefined])(
    'fails closed on a reason whose outcome is not one of the four (%s): BLOCK RULE_ERROR for that rule only',
    (bad) => {
      const sloppy: SuitabilityRule = {
        id: 'core.sloppy',
        version: '0.0.1',
        regulation: { 'zh-CN': '测试', en: 'test' },
        description: { 'zh-CN': '测试', en: 'test' },
        reasons: { SLOPPY: { outcome: bad as never, message: { 'zh-CN': '测试', en: 'test' } } },
        evaluate: () => [{ code: 'SLOPPY', saw: {} }],
      };
      const without = run(coreRules, seniorAtCounter);
      const d = run([...coreRules, sloppy], seniorAtCounter);
      expect(d.outcome).toBe('BLOCK');
      expect(d.reasons.filter((r) => r.code === 'SLOPPY')).toEqual([]);
      expect(d.reasons.filter((r) => r.code === 'RULE_ERROR')).toEqual([expect.objectContaining({ outcome: 'BLOCK', ruleId: 'core.sloppy' })]);
      expect(d.reasons.filter((r) => r.code !== 'RULE_ERROR')).toEqual(without.reasons);
    },
  );

  it('holds each rule to the settings it may read: a stray read is BLOCK RULE_ERROR for that rule only', () => {
    const reading = (id: string, key: string, reads?: string[]): SuitabilityRule => ({
      id,
      version: '0.0.1',
      regulation: { 'zh-CN': '测试', en: 'test' },
      description: { 'zh-CN': '测试', en: 'test' },
      ...(reads ? { reads } : {}),
      reasons: { SAW: { outcome: 'WARN', message: { 'zh-CN': '测试', en: 'test' } } },
      evaluate: (_facts, ctx) => [{ code: 'SAW', saw: { value: ctx.settings.get(key) } }],
    });
    // Attributed as the host attributes them: to the source their id names.
    const errorsOf = (r: SuitabilityRule) => evaluateRules([r], makeFacts(seniorAtCounter)).reasons.map((x) => x.code);
    // Declared: read. A core rule without a declaration may read the host's settings; a plugin's rule may not.
    expect(errorsOf(reading('core.declared', 'core.seniorCustomerAge', ['core.seniorCustomerAge']))).toEqual(['SAW']);
    expect(errorsOf(reading('core.undeclared', 'core.seniorCustomerAge'))).toEqual(['SAW']);
    expect(errorsOf(reading('gold.reads-host', 'core.seniorCustomerAge'))).toEqual(['RULE_ERROR']);
    expect(errorsOf(reading('gold.declares-host', 'core.seniorCustomerAge', ['core.seniorCustomerAge']))).toEqual(['SAW']);
    // Declaring a list narrows even a core rule to it.
    expect(errorsOf(reading('core.narrow', 'core.seniorCustomerAge', ['core.highRiskFromRating']))).toEqual(['RULE_ERROR']);
    // Every core rule declares what it reads, so a proposal's reach is known before it runs.
    for (const r of coreRules) expect(r.reads, r.id).toBeDefined();
  });

  it('declares exactly the settings each core rule reads: none missing (that is a RULE_ERROR), none stale (that judges more than a change reaches)', () => {
    const registry = testSettings([], { 'core.seniorApprovalFromRisk': 'R3' });
    const grid: FactsOverrides[] = [];
    for (const age of [30, 70])
      for (const level of ['C1', 'C3', 'C5'] as const)
        for (const riskRating of ['R1', 'R3', 'R5'] as const)
          for (const regime of ['WEALTH', 'SECURITIES', 'OTHER'] as const)
            for (const channel of ['COUNTER', 'ONLINE'] as const)
              for (const initiator of ['STAFF', 'CUSTOMER'] as const)
                grid.push({ customer: { age, risk: { level, assessedAt: daysAgo(30) } }, product: { riskRating, regime }, sale: { channel, initiator } });
    for (const rule of coreRules) {
      const seen = new Set<string>();
      const recording = { get: <T>(key: string): T => (seen.add(key), registry.get<T>(key)) };
      for (const o of grid) rule.evaluate(makeFacts(o), { settings: recording, now: new Date(TEST_NOW) });
      expect([...seen].sort(), rule.id).toEqual([...(rule.reads ?? [])].sort());
    }
  });

  it('is deterministic and leaves the facts untouched', () => {
    const facts = deepFreeze(makeFacts({ ...seniorAtCounter, customer: { age: 66, risk: { assessedAt: daysAgo(400) } } }));
    const settingsOverrides = { source: 'core', overrides: approval };
    const first = evaluateRules(coreRules, facts, settingsOverrides);
    const second = evaluateRules(coreRules, structuredClone(facts) as SuitabilityFacts, settingsOverrides);
    expect(second).toEqual(first);
    expect(first.evaluatedAt).toBe(TEST_NOW);
    expect(codes(first)).toContain('RISK_ASSESSMENT_EXPIRED');
  });

  it('records the facts each rule saw as evidence', () => {
    const d = run(coreRules, seniorAtCounter, approval);
    expect(reason(d, 'ABOVE_RISK_LEVEL_SIGNED_WARNING').facts).toMatchObject({
      productRisk: 'R4',
      customerLevel: 'C3',
      initiator: 'CUSTOMER',
      regime: 'SECURITIES',
      lowestCategory: false,
    });
    expect(reason(d, 'IN_BRANCH_RECORDING').facts).toMatchObject({ channel: 'COUNTER', regime: 'SECURITIES' });
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('core.seller-qualification', () => {
  const FUND_SALES = 'FUND_SALES';
  /** A manager (id 7) initiating the sale, holding `qualifications`, a fund that needs FUND_SALES. */
  const staffSale = (
    qualifications: { kind: string; expiresAt: string }[],
    sale: FactsOverrides['sale'] = {},
    product: FactsOverrides['product'] = {},
  ): FactsOverrides => ({
    product: { sellerQualification: FUND_SALES, ...product },
    sale: { initiator: 'STAFF', seller: { managerId: 7, qualifications }, ...sale },
  });
  const inDays = (days: number) => new Date(Date.parse(TEST_NOW) + days * DAY).toISOString();
  const atMs = (ms: number) => new Date(Date.parse(TEST_NOW) + ms).toISOString();

  it('blocks a staff sale by a seller without the qualification, naming the one needed in its facts and messages', () => {
    const d = expectDecision(run(sellerQualification, staffSale([{ kind: 'INSURANCE_AGENT', expiresAt: inDays(100) }])), 'BLOCK', ['SELLER_NOT_QUALIFIED']);
    const r = hit(d, 'SELLER_NOT_QUALIFIED', 'BLOCK');
    expect(r.facts).toEqual({ requiredQualification: FUND_SALES, sellerManagerId: 7, heldOfKind: [], now: TEST_NOW });
    expect(r.ruleId).toBe('core.seller-qualification');
    expectMessagesContain(r, FUND_SALES);
    expect(r.message['zh-CN']).toContain('基金销售从业资格');
    expect(r.message.en).toContain('fund sales qualification');
  });

  it('blocks a seller with no qualifications at all', () => {
    expectDecision(run(sellerQualification, staffSale([])), 'BLOCK', ['SELLER_NOT_QUALIFIED']);
  });

  it('allows a seller whose qualification of the kind expires tomorrow, or one millisecond from now', () => {
    expectDecision(run(sellerQualification, staffSale([{ kind: FUND_SALES, expiresAt: inDays(1) }])), 'ALLOW', []);
    expectDecision(run(sellerQualification, staffSale([{ kind: FUND_SALES, expiresAt: atMs(1) }])), 'ALLOW', []);
  });

  it('blocks when it expired yesterday, and from the very instant it expires', () => {
    const yesterday = run(sellerQualification, staffSale([{ kind: FUND_SALES, expiresAt: inDays(-1) }]));
    expect(hit(expectDecision(yesterday, 'BLOCK', ['SELLER_NOT_QUALIFIED']), 'SELLER_NOT_QUALIFIED', 'BLOCK').facts).toMatchObject({
      heldOfKind: [inDays(-1)],
    });
    expectDecision(run(sellerQualification, staffSale([{ kind: FUND_SALES, expiresAt: TEST_NOW }])), 'BLOCK', ['SELLER_NOT_QUALIFIED']);
  });

  it('reads expiry against facts.now, not the context clock', () => {
    const facts = makeFacts(staffSale([{ kind: FUND_SALES, expiresAt: inDays(1) }]));
    expect(evaluateAt(sellerQualification, facts, inDays(5))).toEqual([]);
    const lapsed = makeFacts(staffSale([{ kind: FUND_SALES, expiresAt: inDays(-1) }]));
    expect(evaluateAt(sellerQualification, lapsed, inDays(-5)).map((h) => h.code)).toEqual(['SELLER_NOT_QUALIFIED']);
  });

  it('one valid qualification of the kind is enough, whatever lapsed ones are also on file', () => {
    expectDecision(
      run(
        sellerQualification,
        staffSale([
          { kind: FUND_SALES, expiresAt: inDays(-30) },
          { kind: FUND_SALES, expiresAt: inDays(300) },
        ]),
      ),
      'ALLOW',
      [],
    );
    expectDecision(
      run(
        sellerQualification,
        staffSale([
          { kind: FUND_SALES, expiresAt: inDays(300) },
          { kind: FUND_SALES, expiresAt: inDays(-30) },
        ]),
      ),
      'ALLOW',
      [],
    );
  });

  it('an unreadable expiry does not count as valid', () => {
    const d = expectDecision(run(sellerQualification, staffSale([{ kind: FUND_SALES, expiresAt: 'never' }])), 'BLOCK', ['SELLER_NOT_QUALIFIED']);
    expect(reason(d, 'SELLER_NOT_QUALIFIED').facts).toMatchObject({ heldOfKind: ['never'] });
  });

  it('says nothing when the customer initiates, when the seller is unknown, or when the line needs no qualification', () => {
    expectDecision(run(sellerQualification, staffSale([], { initiator: 'CUSTOMER' })), 'ALLOW', []);
    expectDecision(run(sellerQualification, staffSale([], { seller: null })), 'ALLOW', []);
    expectDecision(run(sellerQualification, staffSale([], { seller: undefined })), 'ALLOW', []);
    expectDecision(run(sellerQualification, staffSale([], {}, { sellerQualification: null })), 'ALLOW', []);
    expectDecision(run(sellerQualification, staffSale([], {}, { sellerQualification: undefined })), 'ALLOW', []);
  });

  it('never holds up a redemption', () => {
    expectDecision(run(sellerQualification, staffSale([], { side: 'SELL' })), 'ALLOW', []);
  });

  it('names a kind it has no label for by its code in both languages', () => {
    const d = run(sellerQualification, staffSale([{ kind: FUND_SALES, expiresAt: inDays(10) }], {}, { sellerQualification: 'BOND_SALES' }));
    const r = hit(expectDecision(d, 'BLOCK', ['SELLER_NOT_QUALIFIED']), 'SELLER_NOT_QUALIFIED', 'BLOCK');
    expect(r.facts).toMatchObject({ requiredQualification: 'BOND_SALES', heldOfKind: [] });
    expect(r.message['zh-CN']).toContain('BOND_SALES');
    expect(r.message.en).toContain('BOND_SALES');
  });

  it('labels the three licensed lines in both languages', () => {
    expect(Object.keys(QUALIFICATION_LABELS)).toEqual(['FUND_SALES', 'INSURANCE_AGENT', 'GOLD_TRADING']);
    for (const kind of ['INSURANCE_AGENT', 'GOLD_TRADING']) {
      const r = reason(run(sellerQualification, staffSale([], {}, { sellerQualification: kind })), 'SELLER_NOT_QUALIFIED');
      expect(r.message['zh-CN']).toContain(QUALIFICATION_LABELS[kind]!['zh-CN']);
      expect(r.message.en).toContain(QUALIFICATION_LABELS[kind]!.en);
    }
  });

  it('with every core rule, an unqualified staff sale of an otherwise plain purchase is BLOCK for this reason alone', () => {
    expectDecision(run(coreRules, staffSale([{ kind: FUND_SALES, expiresAt: inDays(-1) }])), 'BLOCK', ['SELLER_NOT_QUALIFIED']);
    expectDecision(run(coreRules, staffSale([{ kind: FUND_SALES, expiresAt: inDays(1) }])), 'ALLOW', []);
  });
});
