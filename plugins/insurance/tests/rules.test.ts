import { describe, expect, it } from 'vitest';
import { coolingOff } from '../rules/cooling-off.js';
import { insuranceRules } from '../rules/index.js';
import { insuredAgeBand } from '../rules/insured-age-band.js';
import { investmentLinkedCounter } from '../rules/investment-linked-counter.js';
import { legalCapacity } from '../rules/legal-capacity.js';
import { needsAnalysis } from '../rules/needs-analysis.js';
import { guaranteedOnlyReasons, nonGuaranteedEligibility } from '../rules/non-guaranteed-eligibility.js';
import { insuranceSettings, read } from '../settings.js';
import { testSettings } from '../../../src/sdk/testing.js';
import { insuranceFacts } from './support.js';
import { paymentTerms } from '../rules/payment-terms.js';
import { premiumToIncome } from '../rules/premium-to-income.js';
import { recording } from '../rules/recording.js';
import { codes, guaranteedTerms, run } from './support.js';

describe('insurance.needs-analysis', () => {
  it('requires a needs analysis for every purchase until it is recorded', () => {
    const d = run(needsAnalysis);
    expect(d.outcome).toBe('REQUIRE');
    expect(d.missingSteps).toEqual(['NEEDS_ANALYSIS']);
    const done = run(needsAnalysis, { sale: { completedSteps: ['NEEDS_ANALYSIS'] } });
    expect(done.missingSteps).toEqual([]);
    expect(done.reasons[0].satisfied).toBe(true);
  });

  it('does not stand in the way of a surrender', () => {
    expect(run(needsAnalysis, { sale: { side: 'SELL' } }).outcome).toBe('ALLOW');
  });

  it('records what it saw', () => {
    const d = run(needsAnalysis, { sale: { completedSteps: ['NEEDS_ANALYSIS'] } });
    expect(d.reasons[0]).toMatchObject({ outcome: 'REQUIRE', step: 'NEEDS_ANALYSIS', facts: { side: 'BUY', completedSteps: ['NEEDS_ANALYSIS'] } });
  });
});

describe('insurance.non-guaranteed-eligibility', () => {
  const rule = nonGuaranteedEligibility;

  it('single premium: 65 may buy a non-guaranteed product, 66 may not', () => {
    expect(run(rule, { customer: { age: 65 } }).outcome).toBe('ALLOW');
    const d = run(rule, { customer: { age: 66 } });
    expect(d.outcome).toBe('BLOCK');
    expect(codes(d)).toEqual(['NON_GUARANTEED_NOT_SUITABLE']);
    expect(d.reasons[0].message['zh-CN']).toContain('66 岁，超过 65 岁');
    expect(d.reasons[0].message.en).toContain('the policyholder is 66, over 65');
    expect(d.reasons[0].message.en).toContain('participating');
  });

  it('regular premium: 60 may buy, 61 may not; a single premium at 61 still may', () => {
    const regular = { premiumMode: 'REGULAR', paymentYears: 5 };
    expect(run(rule, { customer: { age: 60 }, details: regular }).outcome).toBe('ALLOW');
    const d = run(rule, { customer: { age: 61 }, details: regular });
    expect(d.outcome).toBe('BLOCK');
    expect(d.reasons[0].message.en).toContain('regular premiums and the policyholder is 61, over 60');
    expect(run(rule, { customer: { age: 61 } }).outcome).toBe('ALLOW');
  });

  it('reads an unstated premium mode as regular when the product offers both, as single when that is all it offers', () => {
    expect(run(rule, { customer: { age: 61 }, details: { premiumMode: undefined, paymentYears: undefined } }).outcome).toBe('BLOCK');
    expect(
      run(rule, { customer: { age: 61 }, product: { premiumModes: ['SINGLE'] }, details: { premiumMode: undefined, paymentYears: undefined } }).outcome,
    ).toBe('ALLOW');
  });

  it('income below the local benchmark blocks; at the benchmark it does not; the benchmark is a bank setting', () => {
    const low = run(rule, { customer: { personalAnnualIncome: '49999.99' } });
    expect(low.outcome).toBe('BLOCK');
    expect(low.reasons[0].message['zh-CN']).toContain('年收入 49999.99 元，低于当地基准 50000 元');
    expect(run(rule, { customer: { personalAnnualIncome: '50000' } }).outcome).toBe('ALLOW');
    expect(run(rule, { customer: { personalAnnualIncome: '40000' } }, { 'insurance.lowIncomeBenchmarkCny': '30000' }).outcome).toBe('ALLOW');
  });

  it('gives no reasons and keeps no evidence for a policyholder none applies to', () => {
    const s = read(testSettings(insuranceSettings));
    expect(guaranteedOnlyReasons(insuranceFacts({ customer: { age: 40, personalAnnualIncome: '300000' } }), 'REGULAR', s)).toEqual({ reasons: [], saw: {} });
    expect(guaranteedOnlyReasons(insuranceFacts({ customer: { age: 40, personalAnnualIncome: '1000' } }), 'SINGLE', s).saw).toMatchObject({
      personalAnnualIncome: '1000',
      lowIncomeBenchmarkCny: '50000',
    });
  });

  it('names only the reasons that apply', () => {
    const low = run(rule, { customer: { personalAnnualIncome: '49999.99' } });
    expect(low.reasons[0].message.en).toBe(
      'A participating product with non-guaranteed benefits may not be sold to this policyholder: annual income CNY 49999.99 is below the local benchmark of CNY 50000. Guaranteed-benefit products only',
    );
    const regularOnly = run(rule, { customer: { age: 61 }, details: { premiumMode: 'REGULAR', paymentYears: 5 } });
    expect(regularOnly.reasons[0].message.en).toBe(
      'A participating product with non-guaranteed benefits may not be sold to this policyholder: regular premiums and the policyholder is 61, over 60. Guaranteed-benefit products only',
    );
  });

  it('names every reason that applies', () => {
    const d = run(rule, { customer: { age: 70, personalAnnualIncome: '20000' }, details: { premiumMode: 'REGULAR', paymentYears: 5 } });
    expect(d.reasons).toHaveLength(1);
    expect(d.reasons[0].message.en).toMatch(/over 65; regular premiums .* over 60; annual income CNY 20000/);
  });

  it('sells guaranteed products to the same customers only after manual underwriting', () => {
    const d = run(rule, { customer: { age: 66 }, product: guaranteedTerms() });
    expect(d.outcome).toBe('REQUIRE');
    expect(codes(d)).toEqual(['MANUAL_UNDERWRITING']);
    expect(d.missingSteps).toEqual(['MANUAL_UNDERWRITING']);
    expect(run(rule, { customer: { age: 65 }, product: guaranteedTerms() }).outcome).toBe('ALLOW');
    expect(run(rule, { customer: { age: 66 }, product: guaranteedTerms(), sale: { completedSteps: ['MANUAL_UNDERWRITING'] } }).missingSteps).toEqual([]);
    expect(run(rule, { customer: { personalAnnualIncome: '10000' }, product: guaranteedTerms() }).outcome).toBe('REQUIRE');
  });

  it('takes the age limits from settings', () => {
    expect(run(rule, { customer: { age: 66 } }, { 'insurance.nonGuaranteedMaxAge': 70 }).outcome).toBe('ALLOW');
    const regular = { premiumMode: 'REGULAR', paymentYears: 5 };
    expect(run(rule, { customer: { age: 58 }, details: regular }, { 'insurance.nonGuaranteedRegularMaxAge': 55 }).outcome).toBe('BLOCK');
  });

  it('treats a participating product flagged guaranteed as non-guaranteed', () => {
    expect(run(rule, { customer: { age: 66 }, product: { guaranteed: true } }).outcome).toBe('BLOCK');
  });
});

describe('insurance.premium-to-income', () => {
  const rule = premiumToIncome;
  const income = { householdAnnualIncome: '100000', age: 40 };

  it('single premium: 4 × household income is fine, a cent more needs the signed declaration', () => {
    expect(run(rule, { customer: income, sale: { amount: '400000' } }).outcome).toBe('ALLOW');
    const d = run(rule, { customer: income, sale: { amount: '400000.01' } });
    expect(d.outcome).toBe('REQUIRE');
    expect(codes(d)).toEqual(['POLICYHOLDER_DECLARATION']);
    expect(d.missingSteps).toEqual(['POLICYHOLDER_DECLARATION_SIGNED']);
    expect(d.reasons[0].message.en).toContain('single premium CNY 400000.01 is over 4 × household annual income CNY 100000 (CNY 400000)');
  });

  it('regular premium: 20 % of household income is fine, a cent more needs the declaration', () => {
    const regular = { premiumMode: 'REGULAR', paymentYears: 5 };
    expect(run(rule, { customer: income, sale: { amount: '20000' }, details: regular }).outcome).toBe('ALLOW');
    const d = run(rule, { customer: income, sale: { amount: '20000.01' }, details: regular });
    expect(d.outcome).toBe('REQUIRE');
    expect(d.reasons[0].message['zh-CN']).toContain('年交保费 20000.01 元超过家庭年收入 100000 元的 20%');
  });

  it('payment years plus age: 59 is fine, 60 needs the declaration', () => {
    const regular = { premiumMode: 'REGULAR', paymentYears: 10 };
    expect(run(rule, { customer: { ...income, age: 49 }, sale: { amount: '1000' }, details: regular }).outcome).toBe('ALLOW');
    const d = run(rule, { customer: { ...income, age: 50 }, sale: { amount: '1000' }, details: regular });
    expect(d.outcome).toBe('REQUIRE');
    expect(d.reasons[0].message.en).toContain('payment years 10 plus policyholder age 50 is 60, at or over 60');
    // A single premium counts as one year of payment.
    expect(run(rule, { customer: { ...income, age: 58 }, sale: { amount: '1000' } }).outcome).toBe('ALLOW');
    expect(run(rule, { customer: { ...income, age: 59 }, sale: { amount: '1000' } }).outcome).toBe('REQUIRE');
  });

  it('assumes the longest payment period the product offers when none is given', () => {
    const d = run(rule, { customer: { ...income, age: 50 }, sale: { amount: '1000' }, details: { premiumMode: 'REGULAR', paymentYears: undefined } });
    expect(d.outcome).toBe('REQUIRE');
    expect(d.reasons[0].facts).toMatchObject({ paymentYears: 10, paymentYearsAssumed: true });
  });

  it('does not apply to guaranteed products', () => {
    expect(run(rule, { customer: { ...income, age: 59 }, product: guaranteedTerms(), sale: { amount: '9000000' } }).outcome).toBe('ALLOW');
  });

  it('without an amount only the age test runs', () => {
    expect(run(rule, { customer: income, sale: { amount: null } }).outcome).toBe('ALLOW');
    expect(run(rule, { customer: { ...income, age: 59 }, sale: { amount: null } }).outcome).toBe('REQUIRE');
  });

  it('takes its multipliers from settings and is lifted by the signed declaration', () => {
    const overrides = { 'insurance.singlePremiumIncomeMultiple': '5', 'insurance.regularPremiumIncomeShare': '0.1' };
    expect(run(rule, { customer: income, sale: { amount: '450000' } }, overrides).outcome).toBe('ALLOW');
    const regular = { premiumMode: 'REGULAR', paymentYears: 5 };
    expect(run(rule, { customer: income, sale: { amount: '15000' }, details: regular }, overrides).outcome).toBe('REQUIRE');
    const signed = run(rule, { customer: income, sale: { amount: '500000', completedSteps: ['POLICYHOLDER_DECLARATION_SIGNED'] } });
    expect(signed.missingSteps).toEqual([]);
  });
});

describe('insurance.investment-linked-counter', () => {
  const ilp = { insuranceType: 'INVESTMENT_LINKED' as const };

  it('blocks investment-linked insurance at an ordinary counter, not in a wealth centre or online', () => {
    const d = run(investmentLinkedCounter, { product: ilp, sale: { channel: 'COUNTER' } });
    expect(d.outcome).toBe('BLOCK');
    expect(codes(d)).toEqual(['INVESTMENT_LINKED_AT_COUNTER']);
    expect(run(investmentLinkedCounter, { product: ilp, sale: { channel: 'WEALTH_CENTER' } }).outcome).toBe('ALLOW');
    expect(run(investmentLinkedCounter, { product: ilp, sale: { channel: 'ONLINE' } }).outcome).toBe('ALLOW');
  });

  it('leaves other types alone at the counter', () => {
    expect(run(investmentLinkedCounter, { sale: { channel: 'COUNTER' } }).outcome).toBe('ALLOW');
  });

  it('names the channel, follows the blocked channels setting, and leaves surrenders alone', () => {
    const d = run(investmentLinkedCounter, { product: ilp, sale: { channel: 'COUNTER' } });
    expect(d.reasons[0]).toMatchObject({ outcome: 'BLOCK', facts: { insuranceType: 'INVESTMENT_LINKED', channel: 'COUNTER' } });
    expect(d.reasons[0].message.en).toContain('ordinary counter (COUNTER)');
    const over = { 'insurance.investmentLinkedBlockedChannels': ['COUNTER', 'MOBILE'] };
    expect(codes(run(investmentLinkedCounter, { product: ilp, sale: { channel: 'MOBILE' } }, over))).toEqual(['INVESTMENT_LINKED_AT_COUNTER']);
    expect(run(investmentLinkedCounter, { product: ilp, sale: { channel: 'COUNTER', side: 'SELL' } }).reasons).toEqual([]);
  });
});

describe('insurance.recording', () => {
  it('records personal cover over a year sold at the counter or in a wealth centre, not online', () => {
    for (const channel of ['COUNTER', 'WEALTH_CENTER'] as const) {
      const d = run(recording, { sale: { channel } });
      expect(d.outcome).toBe('REQUIRE');
      expect(d.missingSteps).toEqual(['AUDIO_VIDEO_RECORDING']);
    }
    expect(run(recording, { sale: { channel: 'ONLINE' } }).outcome).toBe('ALLOW');
  });

  it('records sales to policyholders of 60 or over through any channel: 59 no, 60 yes', () => {
    expect(run(recording, { customer: { age: 59 }, sale: { channel: 'MOBILE' } }).outcome).toBe('ALLOW');
    const d = run(recording, { customer: { age: 60 }, sale: { channel: 'MOBILE' } });
    expect(d.outcome).toBe('REQUIRE');
    expect(d.reasons[0].message.en).toContain('the policyholder is 60, 60 or over');
  });

  it('does not record one-year cover, even at the counter or for a senior', () => {
    const oneYear = { coverTermYears: 1, coverOverOneYear: false, insuranceType: 'ACCIDENT' as const };
    expect(run(recording, { product: oneYear, sale: { channel: 'COUNTER' } }).outcome).toBe('ALLOW');
    expect(run(recording, { product: oneYear, customer: { age: 70 }, sale: { channel: 'ONLINE' } }).outcome).toBe('ALLOW');
  });

  it('does not record cover that is not life or health (e.g. property), even at the counter or for a senior', () => {
    const property = { lifeOrHealth: false, insuranceType: 'ACCIDENT' as const };
    expect(run(recording, { product: property, sale: { channel: 'COUNTER' } }).reasons).toEqual([]);
    expect(run(recording, { product: property, customer: { age: 75 }, sale: { channel: 'MOBILE' } }).reasons).toEqual([]);
  });

  it('names every reason that applies, in both languages', () => {
    const d = run(recording, { product: { insuranceType: 'INVESTMENT_LINKED' }, customer: { age: 60 }, sale: { channel: 'COUNTER' } });
    expect(d.reasons).toHaveLength(1);
    expect(d.reasons[0]).toMatchObject({ outcome: 'REQUIRE', step: 'AUDIO_VIDEO_RECORDING' });
    expect(d.reasons[0].message.en).toBe(
      'The sale must be audio-video recorded: personal insurance over one year sold in branch (COUNTER); the policyholder is 60, 60 or over; investment-linked insurance',
    );
    expect(d.reasons[0].message['zh-CN']).toBe(
      '须对销售过程录音录像（双录）：在本行网点（COUNTER）销售一年期以上人身保险；投保人 60 岁，达到 60 岁；投资连结保险',
    );
    expect(d.reasons[0].facts).toMatchObject({ channel: 'COUNTER', age: 60, insuranceType: 'INVESTMENT_LINKED', recordingSeniorAge: 60 });
  });

  it('follows the recording settings and leaves surrenders alone', () => {
    const over = { 'insurance.recordingChannels': ['MOBILE'], 'insurance.recordingSeniorAge': 65 };
    expect(run(recording, { customer: { age: 60 }, sale: { channel: 'COUNTER' } }, over).reasons).toEqual([]);
    expect(run(recording, { sale: { channel: 'MOBILE' } }, over).outcome).toBe('REQUIRE');
    expect(
      run(recording, { product: { insuranceType: 'INVESTMENT_LINKED' }, customer: { age: 70 }, sale: { side: 'SELL', channel: 'COUNTER' } }).reasons,
    ).toEqual([]);
  });

  it('always records investment-linked sales', () => {
    const d = run(recording, { product: { insuranceType: 'INVESTMENT_LINKED' }, customer: { age: 30 }, sale: { channel: 'ONLINE' } });
    expect(d.outcome).toBe('REQUIRE');
    expect(d.reasons[0].message['zh-CN']).toContain('投资连结保险');
  });

  it('is satisfied by a recording on file', () => {
    expect(run(recording, { sale: { channel: 'COUNTER', completedSteps: ['AUDIO_VIDEO_RECORDING'] } }).missingSteps).toEqual([]);
  });
});

describe('insurance.insured-age-band', () => {
  const band = { insuredAgeMin: 18, insuredAgeMax: 60 };

  it('accepts the band edges and blocks one year outside each', () => {
    expect(run(insuredAgeBand, { product: band, details: { insuredAge: 18 } }).outcome).toBe('ALLOW');
    expect(run(insuredAgeBand, { product: band, details: { insuredAge: 60 } }).outcome).toBe('ALLOW');
    const young = run(insuredAgeBand, { product: band, details: { insuredAge: 17 } });
    expect(young.outcome).toBe('BLOCK');
    expect(young.reasons[0].message['zh-CN']).toBe('被保险人 17 岁，不在本产品投保年龄 18–60 岁范围内');
    expect(run(insuredAgeBand, { product: band, details: { insuredAge: 61 } }).outcome).toBe('BLOCK');
  });

  it("uses the customer's age when the policyholder insures self", () => {
    expect(run(insuredAgeBand, { product: band, customer: { age: 61 } }).outcome).toBe('BLOCK');
    expect(run(insuredAgeBand, { product: band, customer: { age: 60 } }).outcome).toBe('ALLOW');
  });

  it('blocks a product whose terms are not on file', () => {
    const d = run(insuredAgeBand, { rawDetails: {} });
    expect(codes(d)).toEqual(['PRODUCT_TERMS_MISSING']);
    expect(d.outcome).toBe('BLOCK');
    expect(d.reasons[0].facts).toEqual({ details: {} });
  });

  it('states the age and band it refused, and leaves surrenders alone', () => {
    const old = run(insuredAgeBand, { product: band, details: { insuredAge: 61 } });
    expect(old.reasons[0]).toMatchObject({
      code: 'INSURED_AGE_OUT_OF_BAND',
      outcome: 'BLOCK',
      facts: { insuredAge: 61, insuredAgeMin: 18, insuredAgeMax: 60 },
    });
    expect(run(insuredAgeBand, { rawDetails: {}, sale: { side: 'SELL' } }).reasons).toEqual([]);
  });
});

describe('insurance.payment-terms', () => {
  it('blocks a payment period or mode the product does not offer', () => {
    expect(run(paymentTerms, { details: { premiumMode: 'REGULAR', paymentYears: 10 } }).outcome).toBe('ALLOW');
    const d = run(paymentTerms, { details: { premiumMode: 'REGULAR', paymentYears: 7 } });
    expect(d.outcome).toBe('BLOCK');
    expect(d.reasons[0].message.en).toContain('does not offer REGULAR payment over 7 years');
    expect(run(paymentTerms, { product: { premiumModes: ['REGULAR'], paymentYearsOptions: [5, 10] } }).outcome).toBe('BLOCK');
    expect(run(paymentTerms, { details: { premiumMode: 'SINGLE', paymentYears: 5 } }).outcome).toBe('BLOCK');
  });

  it('a regular premium is paid over more than one year, even when the product lists a 1-year option', () => {
    // policyTerms offers [1, 5, 10]: 1 year is the single premium, not a regular one.
    const d = run(paymentTerms, { details: { premiumMode: 'REGULAR', paymentYears: 1 } });
    expect(d.outcome).toBe('BLOCK');
    expect(d.reasons[0]).toMatchObject({ code: 'PAYMENT_TERMS_NOT_OFFERED', outcome: 'BLOCK' });
    expect(d.reasons[0].message.en).toBe('This product does not offer REGULAR payment over 1 years; modes SINGLE/REGULAR, payment years 1/5/10');
    expect(d.reasons[0].facts).toMatchObject({ premiumMode: 'REGULAR', paymentYears: 1, premiumModes: ['SINGLE', 'REGULAR'], paymentYearsOptions: [1, 5, 10] });
    expect(run(paymentTerms, { details: { premiumMode: 'REGULAR', paymentYears: 5 } }).outcome).toBe('ALLOW');
    expect(run(paymentTerms, { details: { premiumMode: 'SINGLE', paymentYears: 1 } }).outcome).toBe('ALLOW');
  });

  it('blocks a mode the product does not offer even with an offered period', () => {
    const d = run(paymentTerms, { product: { premiumModes: ['REGULAR'], paymentYearsOptions: [5, 10] }, details: { premiumMode: 'SINGLE', paymentYears: 1 } });
    expect(d.outcome).toBe('BLOCK');
    expect(codes(d)).toEqual(['PAYMENT_TERMS_NOT_OFFERED']);
  });

  it('leaves a product without terms to insurance.insured-age-band, and surrenders alone', () => {
    expect(run(paymentTerms, { rawDetails: {} }).reasons).toEqual([]);
    expect(run(paymentTerms, { sale: { side: 'SELL' }, details: { premiumMode: 'REGULAR', paymentYears: 7 } }).reasons).toEqual([]);
  });
});

describe('insurance.legal-capacity', () => {
  const rule = legalCapacity;

  it('allows a capable policyholder insuring self', () => {
    expect(run(rule).outcome).toBe('ALLOW');
  });

  it('blocks death cover for a policyholder without full capacity insuring self', () => {
    const d = run(rule, { customer: { legalCapacity: 'LIMITED' } });
    expect(d.outcome).toBe('BLOCK');
    expect(codes(d)).toEqual(['DEATH_COVER_NO_CAPACITY']);
    expect(d.reasons[0].message['zh-CN']).toContain('限制民事行为能力人');
    // Saying the insured is capable does not help when the insured is the policyholder.
    expect(run(rule, { customer: { legalCapacity: 'NONE' }, details: { insuredHasLegalCapacity: true } }).outcome).toBe('BLOCK');
  });

  it('blocks death cover for another insured without capacity', () => {
    const d = run(rule, { details: { insuredIsPolicyholder: false, insuredAge: 45, insuredHasLegalCapacity: false } });
    expect(d.outcome).toBe('BLOCK');
    expect(run(rule, { details: { insuredIsPolicyholder: false, insuredAge: 45, insuredHasLegalCapacity: true } }).outcome).toBe('ALLOW');
  });

  it('lets parents insure their minor child, but not once the child is 18', () => {
    const child = { insuredIsMinorChildOfPolicyholder: true, insuredHasLegalCapacity: false };
    expect(run(rule, { details: { ...child, insuredAge: 17 } }).outcome).toBe('ALLOW');
    expect(run(rule, { details: { ...child, insuredAge: 5 } }).outcome).toBe('ALLOW');
    expect(run(rule, { details: { ...child, insuredAge: 18 } }).outcome).toBe('BLOCK');
  });

  it('names the capacity the policyholder lacks, or says less than full for another insured', () => {
    const none = run(rule, { customer: { legalCapacity: 'NONE' } });
    expect(none.reasons[0].message.en).toBe(
      'The insured has no legal capacity; death cover may not be bought for them, except by parents for a child under 18',
    );
    expect(none.reasons[0].message['zh-CN']).toContain('无民事行为能力人');
    const limited = run(rule, { customer: { legalCapacity: 'LIMITED' } });
    expect(limited.reasons[0].message.en).toContain('The insured has limited legal capacity;');
    const other = run(rule, { details: { insuredIsPolicyholder: false, insuredAge: 45, insuredHasLegalCapacity: false } });
    expect(other.reasons[0].message.en).toContain('The insured has less than full legal capacity;');
    expect(other.reasons[0].message['zh-CN']).toContain('不具有完全民事行为能力的人');
    expect(other.reasons[0]).toMatchObject({
      outcome: 'BLOCK',
      facts: { insuredIsPolicyholder: false, insuredHasLegalCapacity: false, customerLegalCapacity: 'FULL', insuredAge: 45, deathCover: true },
    });
  });

  it('a policyholder without capacity insuring someone else is judged by the insured', () => {
    const other = { insuredIsPolicyholder: false, insuredAge: 45, insuredHasLegalCapacity: true };
    expect(run(rule, { customer: { legalCapacity: 'LIMITED' }, details: other }).outcome).toBe('ALLOW');
  });

  it('leaves surrenders alone', () => {
    expect(run(rule, { customer: { legalCapacity: 'NONE' }, sale: { side: 'SELL' } }).reasons).toEqual([]);
  });

  it('does not apply to cover without a death benefit', () => {
    expect(run(rule, { product: { deathCover: false }, customer: { legalCapacity: 'NONE' } }).outcome).toBe('ALLOW');
  });
});

describe('insurance.cooling-off', () => {
  it('warns of the product’s 犹豫期 for personal cover over one year', () => {
    const d = run(coolingOff);
    expect(d.outcome).toBe('WARN');
    expect(d.reasons[0].message.en).toContain('15-day cooling-off period');
    expect(run(coolingOff, { product: { coolingOffDays: 20 } }).reasons[0].message['zh-CN']).toContain('20 日犹豫期');
  });

  it('says nothing for one-year cover or non-personal cover', () => {
    expect(run(coolingOff, { product: { coverTermYears: 1, coverOverOneYear: false, coolingOffDays: 0 } }).outcome).toBe('ALLOW');
    expect(run(coolingOff, { product: { coverTermYears: 1, coverOverOneYear: false, coolingOffDays: 15 } }).reasons).toEqual([]);
    expect(run(coolingOff, { product: { lifeOrHealth: false } }).outcome).toBe('ALLOW');
  });

  it('says nothing of a cooling-off period of 0 days, and a 1-day one is told', () => {
    expect(run(coolingOff, { product: { coolingOffDays: 0 } }).reasons).toEqual([]);
    const one = run(coolingOff, { product: { coolingOffDays: 1 } });
    expect(one.reasons[0]).toMatchObject({
      code: 'COOLING_OFF_PERIOD',
      outcome: 'WARN',
      facts: { coolingOffDays: 1, lifeOrHealth: true, coverOverOneYear: true },
    });
  });

  it('says nothing on a surrender', () => {
    expect(run(coolingOff, { sale: { side: 'SELL' } }).reasons).toEqual([]);
  });
});

describe('all insurance rules together', () => {
  it('a 40-year-old buying a guaranteed policy online needs only the needs analysis, and is told of the 犹豫期', () => {
    const d = run(insuranceRules, { product: guaranteedTerms() });
    expect(d.outcome).toBe('REQUIRE');
    expect(d.missingSteps).toEqual(['NEEDS_ANALYSIS']);
    expect(codes(d).sort()).toEqual(['COOLING_OFF_PERIOD', 'NEEDS_ANALYSIS']);
    const done = run(insuranceRules, { product: guaranteedTerms(), sale: { completedSteps: ['NEEDS_ANALYSIS'] } });
    expect(done.missingSteps).toEqual([]);
  });

  it('a 62-year-old at the counter: participating regular blocked; guaranteed needs underwriting and recording', () => {
    const details = { premiumMode: 'REGULAR', paymentYears: 5 };
    const blocked = run(insuranceRules, { customer: { age: 62 }, sale: { channel: 'COUNTER' }, details });
    expect(blocked.outcome).toBe('BLOCK');
    const guaranteed = run(insuranceRules, { customer: { age: 62 }, product: guaranteedTerms(), sale: { channel: 'COUNTER' }, details });
    expect(guaranteed.outcome).toBe('REQUIRE');
    expect(guaranteed.missingSteps.sort()).toEqual(['AUDIO_VIDEO_RECORDING', 'MANUAL_UNDERWRITING', 'NEEDS_ANALYSIS']);
  });

  it('never throws on a product without terms or a sale without details', () => {
    const d = run(insuranceRules, { rawDetails: {}, details: { premiumMode: undefined, paymentYears: undefined } });
    expect(codes(d)).not.toContain('RULE_ERROR');
    expect(d.outcome).toBe('BLOCK');
  });

  it('leaves surrenders alone', () => {
    expect(run(insuranceRules, { customer: { age: 80, legalCapacity: 'NONE' }, sale: { side: 'SELL', channel: 'COUNTER' } }).reasons).toEqual([]);
  });
});
