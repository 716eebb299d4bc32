import { describe, expect, it } from 'vitest';
import { evaluateRules, makeFacts, testSettings, TEST_NOW, type FactsOverrides } from '../../src/sdk/testing.js';
import type { SuitabilityDecisionRecord, SuitabilityFacts, SuitabilityReason, SuitabilityRule } from '../../src/suitability/types.js';
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
  seniorCustomer,
} from '../../src/suitability/rules/core/index.js';

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
/** Both languages of the reason mention every value. */
const expectMessagesContain = (r: SuitabilityReason, ...values: (string | number)[]) => {
  for (const v of values) {
    expect(r.message['zh-CN']).toContain(String(v));
    expect(r.message.en).toContain(String(v));
  }
};

describe('core rule definitions', () => {
  it('are eight uniquely named core rules, version 1.0.0, with bilingual texts and steps on every REQUIRE', () => {
    expect(coreRules.map((r) => r.id)).toEqual([
      'core.product-on-sale',
      'core.amount',
      'core.risk-assessment',
      'core.professional-investor',
      'core.risk-matching',
      'core.high-risk-care',
      'core.senior-customer',
      'core.audio-video-recording',
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
    expect(Object.keys(d.ruleVersions)).toHaveLength(8);
    expect(Object.values(d.ruleVersions).every((v) => v === '1.0.0')).toBe(true);
  });

  it('declare highRiskFromRating as a core setting defaulting to R4', () => {
    expect(testSettings().get('core.highRiskFromRating')).toBe('R4');
  });
});

describe('core.product-on-sale', () => {
  it('allows a product on sale', () => {
    expect(codes(run(productOnSale))).toEqual([]);
  });

  it.each(['DRAFT', 'SUSPENDED', 'CLOSED'] as const)('blocks buying a %s product and names the status', (status) => {
    const d = run(productOnSale, { product: { status } });
    expect(d.outcome).toBe('BLOCK');
    expect(codes(d)).toEqual(['PRODUCT_NOT_ON_SALE']);
    expectMessagesContain(reason(d, 'PRODUCT_NOT_ON_SALE'), status);
    expect(reason(d, 'PRODUCT_NOT_ON_SALE').facts).toMatchObject({ status });
  });

  it('still lets a customer redeem from a suspended or closed product', () => {
    for (const status of ['SUSPENDED', 'CLOSED'] as const) {
      expect(run(productOnSale, { product: { status }, sale: { side: 'SELL' } }).outcome).toBe('ALLOW');
    }
  });

  it('opens the sale window at saleStart, not a millisecond earlier', () => {
    const product = { saleStart: '2026-11-23T02:00:00.000Z', saleEnd: '2026-12-01T00:00:00.000Z' };
    expect(codes(run(productOnSale, { product, now: '2026-11-23T02:00:00.000Z' }))).toEqual([]);
    const early = run(productOnSale, { product, now: '2026-11-23T01:59:59.999Z' });
    expect(codes(early)).toEqual(['OUTSIDE_SALE_WINDOW']);
    expectMessagesContain(reason(early, 'OUTSIDE_SALE_WINDOW'), '2026-11-23T02:00:00.000Z', '2026-12-01T00:00:00.000Z');
  });

  it('closes the sale window at saleEnd', () => {
    const product = { saleStart: null, saleEnd: '2026-11-23T02:00:00.000Z' };
    expect(codes(run(productOnSale, { product, now: '2026-11-23T01:59:59.999Z' }))).toEqual([]);
    expect(codes(run(productOnSale, { product, now: '2026-11-23T02:00:00.000Z' }))).toEqual(['OUTSIDE_SALE_WINDOW']);
  });

  it('treats an unreadable sale bound as outside the window, and gives both reasons when both apply', () => {
    expect(codes(run(productOnSale, { product: { saleEnd: 'not a date' } }))).toEqual(['OUTSIDE_SALE_WINDOW']);
    const d = run(productOnSale, { product: { status: 'CLOSED', saleEnd: '2026-01-01' } });
    expect(codes(d)).toEqual(['PRODUCT_NOT_ON_SALE', 'OUTSIDE_SALE_WINDOW']);
  });

  it('does not hold redemptions to the sale window', () => {
    expect(run(productOnSale, { product: { saleEnd: '2026-01-01' }, sale: { side: 'SELL' } }).outcome).toBe('ALLOW');
  });
});

describe('core.amount', () => {
  // makeFacts product: minimum 1000 CNY, step 100.
  it('allows exactly the minimum and blocks one step below it, naming the minimum and currency', () => {
    expect(codes(run(amount, { sale: { amount: '1000' } }))).toEqual([]);
    const d = run(amount, { sale: { amount: '900' } });
    expect(d.outcome).toBe('BLOCK');
    expect(codes(d)).toEqual(['BELOW_MINIMUM']);
    expectMessagesContain(reason(d, 'BELOW_MINIMUM'), '900', '1000', 'CNY');
  });

  it('blocks a cent below the minimum', () => {
    expect(codes(run(amount, { sale: { amount: '999.99' } }))).toEqual(['BELOW_MINIMUM']);
  });

  it('allows a whole number of steps above the minimum and blocks anything between', () => {
    expect(codes(run(amount, { sale: { amount: '1100' } }))).toEqual([]);
    const d = run(amount, { sale: { amount: '1150' } });
    expect(codes(d)).toEqual(['AMOUNT_STEP']);
    expectMessagesContain(reason(d, 'AMOUNT_STEP'), '1150', '1000', '100', '1100', '1200', 'CNY');
  });

  it('counts steps from the minimum, not from zero', () => {
    const product = { minimumAmount: '1050', amountStep: '100' };
    expect(codes(run(amount, { product, sale: { amount: '1150' } }))).toEqual([]);
    expect(codes(run(amount, { product, sale: { amount: '1100' } }))).toEqual(['AMOUNT_STEP']);
  });

  it('uses exact decimals where floats would fail (0.3 = 0.1 + 2 × 0.1)', () => {
    const product = { minimumAmount: '0.1', amountStep: '0.1' };
    expect(codes(run(amount, { product, sale: { amount: '0.3' } }))).toEqual([]);
    expect(codes(run(amount, { product, sale: { amount: '0.35' } }))).toEqual(['AMOUNT_STEP']);
  });

  it('accepts any amount at or above the minimum when the step is 0', () => {
    expect(codes(run(amount, { product: { amountStep: '0' }, sale: { amount: '1234.56' } }))).toEqual([]);
    expect(codes(run(amount, { product: { amountStep: '0' }, sale: { amount: '999.99' } }))).toEqual(['BELOW_MINIMUM']);
  });

  it('blocks an amount in another currency than the product', () => {
    const d = run(amount, { sale: { currency: 'USD' } });
    expect(codes(d)).toEqual(['CURRENCY_MISMATCH']);
    expectMessagesContain(reason(d, 'CURRENCY_MISMATCH'), 'USD', 'CNY');
  });

  it.each(['0', '-100', 'abc', ''])('blocks the invalid amount %j', (value) => {
    const d = run(amount, { product: { minimumAmount: '0', amountStep: '0' }, sale: { amount: value } });
    expect(codes(d)).toEqual(['INVALID_AMOUNT']);
  });

  it('says nothing when there is no amount, or for a redemption', () => {
    expect(codes(run(amount, { sale: { amount: null } }))).toEqual([]);
    expect(codes(run(amount, { sale: { side: 'SELL', amount: '1' } }))).toEqual([]);
  });

  it('fails closed on a product whose minimum cannot be read', () => {
    const d = run(amount, { product: { minimumAmount: 'n/a' } });
    expect(d.outcome).toBe('BLOCK');
    expect(codes(d)).toEqual(['RULE_ERROR']);
  });
});

describe('core.risk-assessment', () => {
  it('requires an assessment when there is none, for a product that needs one', () => {
    const d = run(riskAssessment, { customer: { risk: { level: null, assessedAt: null } } });
    expect(d.outcome).toBe('REQUIRE');
    expect(codes(d)).toEqual(['RISK_ASSESSMENT_MISSING']);
    expect(d.requiredSteps).toEqual(['RISK_ASSESSMENT']);
    expect(d.missingSteps).toEqual(['RISK_ASSESSMENT']);
  });

  it('does not ask for an assessment when the product needs none', () => {
    const d = run(riskAssessment, { customer: { risk: { level: null } }, product: { requiresRiskAssessment: false } });
    expect(d.outcome).toBe('ALLOW');
  });

  it('accepts an assessment 364 days old and requires reassessment at 366 days (default 365)', () => {
    expect(codes(run(riskAssessment, { customer: { risk: { assessedAt: daysAgo(364) } } }))).toEqual([]);
    const d = run(riskAssessment, { customer: { risk: { assessedAt: daysAgo(366) } } });
    expect(d.outcome).toBe('REQUIRE');
    expect(codes(d)).toEqual(['RISK_ASSESSMENT_EXPIRED']);
    expect(d.missingSteps).toEqual(['REASSESSMENT']);
    expectMessagesContain(reason(d, 'RISK_ASSESSMENT_EXPIRED'), '366', '365');
  });

  it('computes validity from assessedAt with the setting, so 180 days expires a 200-day-old assessment', () => {
    const o = { customer: { risk: { assessedAt: daysAgo(200) } } };
    expect(codes(run(riskAssessment, o))).toEqual([]);
    const d = run(riskAssessment, o, { 'core.riskAssessmentValidityDays': 180 });
    expect(codes(d)).toEqual(['RISK_ASSESSMENT_EXPIRED']);
    expectMessagesContain(reason(d, 'RISK_ASSESSMENT_EXPIRED'), '200', '180');
    expect(codes(run(riskAssessment, { customer: { risk: { assessedAt: daysAgo(179) } } }, { 'core.riskAssessmentValidityDays': 180 }))).toEqual([]);
  });

  it('honours the stored expired flag', () => {
    expect(codes(run(riskAssessment, { customer: { risk: { expired: true } } }))).toEqual(['RISK_ASSESSMENT_EXPIRED']);
  });

  it('treats a level without an assessment date as expired', () => {
    expect(codes(run(riskAssessment, { customer: { risk: { assessedAt: null } } }))).toEqual(['RISK_ASSESSMENT_EXPIRED']);
  });

  it('never blocks or requires anything for a redemption', () => {
    for (const risk of [{ level: null, assessedAt: null }, { assessedAt: daysAgo(800), expired: true }]) {
      const d = run(riskAssessment, { customer: { risk }, sale: { side: 'SELL' } });
      expect(d.outcome).toBe('ALLOW');
      expect(d.reasons).toEqual([]);
    }
  });

  it('lets a recorded reassessment step satisfy the requirement', () => {
    const d = run(riskAssessment, { customer: { risk: { expired: true } }, sale: { completedSteps: ['REASSESSMENT'] } });
    expect(reason(d, 'RISK_ASSESSMENT_EXPIRED').satisfied).toBe(true);
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

  it('treats unreadable amounts as zero', () => {
    expect(pro({ householdFinancialAssets: 'lots', risk: { experienceYears: 10 } })).toBe(false);
  });
});

describe('core.professional-investor', () => {
  const richC3 = { householdFinancialAssets: '5000000', risk: { level: 'C3' as const, experienceYears: 2 } };

  it('explains with ALLOW why a professional may buy above their level, with the numbers', () => {
    const d = run(professionalInvestor, { customer: richC3, product: { riskRating: 'R4' } });
    expect(d.outcome).toBe('ALLOW');
    expect(codes(d)).toEqual(['PROFESSIONAL_INVESTOR']);
    expectMessagesContain(reason(d, 'PROFESSIONAL_INVESTOR'), 'R4', 'C3', '5000000', '2');
  });

  it('says nothing when the product is within the level', () => {
    expect(codes(run(professionalInvestor, { customer: richC3, product: { riskRating: 'R3' } }))).toEqual([]);
  });

  it('says nothing for an ordinary investor above their level (risk matching speaks then)', () => {
    const poor = { ...richC3, householdFinancialAssets: '4999999.99' };
    expect(codes(run(professionalInvestor, { customer: poor, product: { riskRating: 'R4' } }))).toEqual([]);
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
    expect(d.reasons).toEqual([]);
  });

  it('requires a signed special risk warning for a fund the customer asked for above their level (R4/C3)', () => {
    const d = above();
    expect(d.outcome).toBe('REQUIRE');
    expect(codes(d)).toEqual(['ABOVE_RISK_LEVEL_SIGNED_WARNING']);
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
    const d = above({ product: { regime: 'WEALTH' }, sale: { completedSteps: ['SPECIAL_RISK_WARNING_SIGNED'] } });
    expect(d.outcome).toBe('BLOCK');
    expect(codes(d)).toEqual(['WEALTH_ABOVE_LEVEL']);
    expectMessagesContain(reason(d, 'WEALTH_ABOVE_LEVEL'), 'R4', 'C3');
  });

  it('blocks other products above the level', () => {
    const d = above({ product: { regime: 'OTHER' } });
    expect(codes(d)).toEqual(['ABOVE_RISK_LEVEL']);
    expect(d.outcome).toBe('BLOCK');
  });

  it('blocks a staff-recommended sale above the level, reporting only that reason', () => {
    for (const regime of ['SECURITIES', 'WEALTH', 'OTHER'] as const) {
      const d = above({ product: { regime }, sale: { initiator: 'STAFF' } });
      expect(codes(d)).toEqual(['STAFF_RECOMMENDED_ABOVE_LEVEL']);
      expectMessagesContain(reason(d, 'STAFF_RECOMMENDED_ABOVE_LEVEL'), 'R4', 'C3');
    }
  });

  it('blocks the lowest category above its level, before staff and regime', () => {
    const d = run(riskMatching, {
      customer: { risk: { level: 'C1', lowestCategory: true } },
      product: { riskRating: 'R2', regime: 'WEALTH' },
      sale: { initiator: 'STAFF' },
    });
    expect(codes(d)).toEqual(['LOWEST_CATEGORY_ABOVE_LEVEL']);
    expectMessagesContain(reason(d, 'LOWEST_CATEGORY_ABOVE_LEVEL'), 'R2', 'C1');
    const fund = above({ customer: { risk: { lowestCategory: true } } });
    expect(codes(fund)).toEqual(['LOWEST_CATEGORY_ABOVE_LEVEL']);
    expect(fund.outcome).toBe('BLOCK');
  });

  it('lets the lowest category buy within its level', () => {
    expect(codes(run(riskMatching, { customer: { risk: { level: 'C1', lowestCategory: true } }, product: { riskRating: 'R1' } }))).toEqual([]);
  });

  it('skips professional investors, by registration or by assets and experience', () => {
    expect(codes(above({ product: { regime: 'WEALTH' }, customer: { investorType: 'PROFESSIONAL' } }))).toEqual([]);
    expect(codes(above({ product: { regime: 'WEALTH' }, customer: { householdFinancialAssets: '5000000', risk: { experienceYears: 2 } } }))).toEqual([]);
    expect(codes(above({ product: { regime: 'WEALTH' }, customer: { householdFinancialAssets: '5000000', risk: { experienceYears: 1 } } }))).toEqual(['WEALTH_ABOVE_LEVEL']);
  });

  it('never blocks a redemption', () => {
    const d = above({ product: { regime: 'WEALTH' }, customer: { risk: { lowestCategory: true } }, sale: { side: 'SELL', initiator: 'STAFF' } });
    expect(d.reasons).toEqual([]);
  });

  it('leaves a missing level and products without assessment to other rules', () => {
    expect(codes(above({ customer: { risk: { level: null } } }))).toEqual([]);
    expect(codes(above({ product: { requiresRiskAssessment: false, regime: 'WEALTH' } }))).toEqual([]);
  });
});

describe('core.high-risk-care', () => {
  it('says nothing for R3 and warns an ordinary investor buying R4 or R5', () => {
    expect(codes(run(highRiskCare, { product: { riskRating: 'R3' } }))).toEqual([]);
    for (const riskRating of ['R4', 'R5'] as const) {
      const d = run(highRiskCare, { product: { riskRating } });
      expect(d.outcome).toBe('WARN');
      expect(codes(d)).toEqual(['HIGH_RISK_EXTRA_CARE']);
      expectMessagesContain(reason(d, 'HIGH_RISK_EXTRA_CARE'), riskRating, 'R4');
    }
  });

  it('does not warn a professional investor', () => {
    expect(codes(run(highRiskCare, { product: { riskRating: 'R5' }, customer: { householdFinancialAssets: '5000000', risk: { experienceYears: 2 } } }))).toEqual([]);
  });

  it('follows core.highRiskFromRating', () => {
    expect(codes(run(highRiskCare, { product: { riskRating: 'R4' } }, { 'core.highRiskFromRating': 'R5' }))).toEqual([]);
    expect(codes(run(highRiskCare, { product: { riskRating: 'R3' } }, { 'core.highRiskFromRating': 'R3' }))).toEqual(['HIGH_RISK_EXTRA_CARE']);
  });

  it('does not warn on a redemption', () => {
    expect(codes(run(highRiskCare, { product: { riskRating: 'R5' }, sale: { side: 'SELL' } }))).toEqual([]);
  });
});

describe('core.senior-customer', () => {
  it('warns from age 65, not at 64', () => {
    expect(codes(run(seniorCustomer, { customer: { age: 64 } }))).toEqual([]);
    const d = run(seniorCustomer, { customer: { age: 65 } });
    expect(d.outcome).toBe('WARN');
    expect(codes(d)).toEqual(['SENIOR_CUSTOMER']);
    expectMessagesContain(reason(d, 'SENIOR_CUSTOMER'), '65');
  });

  it('needs no branch-head approval by default, even for R5', () => {
    expect(codes(run(seniorCustomer, { customer: { age: 80 }, product: { riskRating: 'R5' } }))).toEqual(['SENIOR_CUSTOMER']);
  });

  it('requires branch-head approval from the configured rating (R4)', () => {
    const setting = { 'core.seniorApprovalFromRisk': 'R4' };
    const d = run(seniorCustomer, { customer: { age: 70 }, product: { riskRating: 'R4' } }, setting);
    expect(d.outcome).toBe('REQUIRE');
    expect(codes(d)).toEqual(['SENIOR_CUSTOMER', 'SENIOR_BRANCH_APPROVAL']);
    expect(d.missingSteps).toEqual(['BRANCH_HEAD_APPROVAL']);
    expectMessagesContain(reason(d, 'SENIOR_BRANCH_APPROVAL'), '70', 'R4');
    expect(codes(run(seniorCustomer, { customer: { age: 70 }, product: { riskRating: 'R3' } }, setting))).toEqual(['SENIOR_CUSTOMER']);
    expect(codes(run(seniorCustomer, { customer: { age: 64 }, product: { riskRating: 'R5' } }, setting))).toEqual([]);
  });

  it('follows core.seniorCustomerAge', () => {
    const d = run(seniorCustomer, { customer: { age: 64 } }, { 'core.seniorCustomerAge': 60 });
    expect(codes(d)).toEqual(['SENIOR_CUSTOMER']);
    expectMessagesContain(reason(d, 'SENIOR_CUSTOMER'), '64', '60');
  });

  it('does nothing on a redemption', () => {
    expect(codes(run(seniorCustomer, { customer: { age: 90 }, sale: { side: 'SELL' } }, { 'core.seniorApprovalFromRisk': 'R1' }))).toEqual([]);
  });
});

describe('core.audio-video-recording', () => {
  it('requires recording for wealth and securities products sold at the counter or wealth centre', () => {
    for (const [regime, channel] of [['WEALTH', 'COUNTER'], ['SECURITIES', 'WEALTH_CENTER']] as const) {
      const d = run(audioVideoRecording, { product: { regime }, sale: { channel } });
      expect(d.outcome).toBe('REQUIRE');
      expect(codes(d)).toEqual(['IN_BRANCH_RECORDING']);
      expect(d.missingSteps).toEqual(['AUDIO_VIDEO_RECORDING']);
      expectMessagesContain(reason(d, 'IN_BRANCH_RECORDING'), channel);
    }
  });

  it('needs no recording online, on mobile, or for other products', () => {
    expect(codes(run(audioVideoRecording, { product: { regime: 'WEALTH' }, sale: { channel: 'ONLINE' } }))).toEqual([]);
    expect(codes(run(audioVideoRecording, { product: { regime: 'WEALTH' }, sale: { channel: 'MOBILE' } }))).toEqual([]);
    expect(codes(run(audioVideoRecording, { product: { regime: 'OTHER' }, sale: { channel: 'COUNTER' } }))).toEqual([]);
  });

  it('follows core.counterRecordingChannels', () => {
    const setting = { 'core.counterRecordingChannels': ['MOBILE'] };
    expect(codes(run(audioVideoRecording, { sale: { channel: 'MOBILE' } }, setting))).toEqual(['IN_BRANCH_RECORDING']);
    expect(codes(run(audioVideoRecording, { sale: { channel: 'COUNTER' } }, setting))).toEqual([]);
  });

  it('is satisfied by a recorded session, and not needed for a redemption', () => {
    const done = run(audioVideoRecording, { sale: { channel: 'COUNTER', completedSteps: ['AUDIO_VIDEO_RECORDING'] } });
    expect(reason(done, 'IN_BRANCH_RECORDING').satisfied).toBe(true);
    expect(done.missingSteps).toEqual([]);
    expect(codes(run(audioVideoRecording, { sale: { channel: 'COUNTER', side: 'SELL' } }))).toEqual([]);
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
    expect(codes(d)).toEqual([
      'ABOVE_RISK_LEVEL_SIGNED_WARNING',
      'HIGH_RISK_EXTRA_CARE',
      'SENIOR_CUSTOMER',
      'SENIOR_BRANCH_APPROVAL',
      'IN_BRANCH_RECORDING',
    ]);
    expect(d.requiredSteps).toEqual(['SPECIAL_RISK_WARNING_SIGNED', 'BRANCH_HEAD_APPROVAL', 'AUDIO_VIDEO_RECORDING']);
    expect(d.missingSteps).toEqual(d.requiredSteps);
    expect(reason(d, 'SENIOR_CUSTOMER').ruleId).toBe('core.senior-customer');
    expect(reason(d, 'SENIOR_CUSTOMER').regulation['zh-CN']).toContain('第二十八条');
  });

  it('drops completed steps from missingSteps', () => {
    const d = run(coreRules, { ...seniorAtCounter, sale: { channel: 'COUNTER', completedSteps: ['AUDIO_VIDEO_RECORDING', 'SPECIAL_RISK_WARNING_SIGNED'] } }, approval);
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

  it.each(['', 'ALLOWED', 'allow', undefined])('fails closed on a reason whose outcome is not one of the four (%s): BLOCK RULE_ERROR for that rule only', (bad) => {
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
