import { describe, expect, it } from 'vitest';
import { coolingOff } from '../rules/cooling-off.js';
import { insuredAgeBand } from '../rules/insured-age-band.js';
import { legalCapacity } from '../rules/legal-capacity.js';
import { nonGuaranteedEligibility } from '../rules/non-guaranteed-eligibility.js';
import { paymentTerms } from '../rules/payment-terms.js';
import { premiumToIncome } from '../rules/premium-to-income.js';
import { productTermsOf } from '../rules/read-facts.js';
import { recording } from '../rules/recording.js';
import { codes, policyTerms, run } from './support.js';

/** The policy terms as a loosely typed details row, with `o` laid over them (undefined removes a key). */
const row = (o: Record<string, unknown>): Record<string, unknown> => {
  const d: Record<string, unknown> = { ...policyTerms(), ...o };
  for (const k of Object.keys(d)) if (d[k] === undefined) delete d[k];
  return d;
};

describe('product terms: completeness', () => {
  it('reads complete terms, integers given as numbers or digit strings', () => {
    const t = productTermsOf(row({ insuredAgeMin: '18', insuredAgeMax: 60, paymentYearsOptions: ['5', 10] }), null);
    expect(t).toMatchObject({ complete: true, insuredAgeMin: 18, insuredAgeMax: 60, paymentYearsOptions: [5, 10] });
  });

  // Each part of the completeness check on its own: dropping any one must make the product unsellable.
  const broken: [string, Record<string, unknown>][] = [
    ['no insurance type', { insuranceType: undefined }],
    ['an unknown insurance type', { insuranceType: 'LOTTERY' }],
    ['no premium modes', { premiumModes: [] }],
    ['premium modes not a list', { premiumModes: 'SINGLE' }],
    ['only unknown premium modes', { premiumModes: ['MONTHLY'] }],
    ['no payment years', { paymentYearsOptions: [] }],
    ['payment years not a list', { paymentYearsOptions: 10 }],
    ['only zero or malformed payment years', { paymentYearsOptions: [0, '-5', 'ten', 2.5] }],
    ['no minimum age', { insuredAgeMin: undefined }],
    ['a fractional minimum age', { insuredAgeMin: 17.5 }],
    ['no maximum age', { insuredAgeMax: undefined }],
    ['a maximum age that is not a short digit string', { insuredAgeMax: '12345' }],
    ['a maximum age with a sign', { insuredAgeMax: '+70' }],
    ['a maximum age in a list', { insuredAgeMax: ['70'] }],
  ];
  for (const [what, o] of broken) {
    it(`blocks the sale of a product with ${what}`, () => {
      expect(productTermsOf(row(o), null).complete).toBe(false);
      const d = run(insuredAgeBand, { rawDetails: row(o) });
      expect(d.outcome).toBe('BLOCK');
      expect(codes(d)).toEqual(['PRODUCT_TERMS_MISSING']);
      expect(d.reasons[0].outcome).toBe('BLOCK');
    });
  }

  it('keeps only the usable payment years and premium modes', () => {
    const t = productTermsOf(row({ paymentYearsOptions: [0, 5, 'x', '10'], premiumModes: ['SINGLE', 'WEEKLY', 3] }), null);
    expect(t.paymentYearsOptions).toEqual([5, 10]);
    expect(t.premiumModes).toEqual(['SINGLE']);
    expect(t.complete).toBe(true);
  });

  it('reads the insurer from the row, else the partner code, else nothing', () => {
    expect(productTermsOf(row({ insurer: 'cpic-life' }), 'pingan-life').insurer).toBe('cpic-life');
    expect(productTermsOf(row({ insurer: 7 }), 'pingan-life').insurer).toBe('pingan-life');
    expect(productTermsOf(row({ insurer: undefined }), null).insurer).toBe('');
  });

  it('reads the cover term as a whole number of years or none', () => {
    expect(productTermsOf(row({ coverTermYears: 20 }), null).coverTermYears).toBe(20);
    expect(productTermsOf(row({ coverTermYears: '30' }), null).coverTermYears).toBe(30);
    expect(productTermsOf(row({ coverTermYears: null }), null).coverTermYears).toBeNull();
    expect(productTermsOf(row({ coverTermYears: 'whole life' }), null).coverTermYears).toBeNull();
  });
});

describe('product terms: strict defaults', () => {
  it('reads a product as guaranteed only when it says so and its type is a guaranteed one', () => {
    expect(productTermsOf(row({ insuranceType: 'TRADITIONAL', guaranteed: true }), null).guaranteed).toBe(true);
    expect(productTermsOf(row({ insuranceType: 'TRADITIONAL', guaranteed: undefined }), null).guaranteed).toBe(false);
    expect(productTermsOf(row({ insuranceType: 'TRADITIONAL', guaranteed: 'yes' }), null).guaranteed).toBe(false);
    expect(productTermsOf(row({ insuranceType: 'PARTICIPATING', guaranteed: true }), null).guaranteed).toBe(false);
    // Without a known type the flag proves nothing.
    expect(productTermsOf(row({ insuranceType: undefined, guaranteed: true }), null).guaranteed).toBe(false);
  });

  it('an unstated guarantee is non-guaranteed: the over-age customer is refused, not underwritten', () => {
    const d = run(nonGuaranteedEligibility, { customer: { age: 66 }, rawDetails: row({ insuranceType: 'TRADITIONAL', guaranteed: undefined }) });
    expect(d.outcome).toBe('BLOCK');
    expect(codes(d)).toEqual(['NON_GUARANTEED_NOT_SUITABLE']);
    expect(d.reasons[0].message.en).toContain('A traditional product');
    expect(d.reasons[0].message['zh-CN']).toContain('保单利益不确定的传统型产品');
  });

  it('names no type for a product whose terms are not on file', () => {
    const d = run(nonGuaranteedEligibility, { customer: { age: 66 }, rawDetails: { guaranteed: true } });
    expect(d.outcome).toBe('BLOCK');
    expect(codes(d)).toEqual(['NON_GUARANTEED_NOT_SUITABLE']);
    expect(d.reasons[0].message.en).toContain('A insurance product');
    expect(d.reasons[0].facts).toMatchObject({ guaranteed: false, insuranceType: 'TRADITIONAL', age: 66, nonGuaranteedMaxAge: 65, premiumMode: 'SINGLE' });
    expect(d.reasons[0].message['zh-CN']).toContain('保单利益不确定的保险产品');
  });

  it('unstated death cover is death cover: a policyholder without capacity is blocked', () => {
    for (const deathCover of [undefined, 'no', 0, '']) {
      const d = run(legalCapacity, { customer: { legalCapacity: 'NONE' }, rawDetails: row({ deathCover }) });
      expect(d.outcome).toBe('BLOCK');
      expect(codes(d)).toEqual(['DEATH_COVER_NO_CAPACITY']);
    }
  });

  it('unstated term and kind of cover are personal cover over one year: recorded at the counter', () => {
    for (const o of [{ coverOverOneYear: undefined }, { lifeOrHealth: undefined }, { coverOverOneYear: 0, lifeOrHealth: '' }]) {
      const d = run(recording, { sale: { channel: 'COUNTER' }, rawDetails: row(o) });
      expect(d.outcome).toBe('REQUIRE');
      expect(d.reasons[0].facts).toMatchObject({ lifeOrHealth: true, coverOverOneYear: true });
    }
  });

  it('an unstated or malformed cooling-off period is none: nothing to tell', () => {
    for (const coolingOffDays of [undefined, 'fifteen', 10.5]) {
      expect(run(coolingOff, { rawDetails: row({ coolingOffDays }) }).reasons).toEqual([]);
    }
    expect(run(coolingOff, { rawDetails: row({ coolingOffDays: '10' }) }).reasons[0].message.en).toContain('10-day');
  });
});

describe('sale terms', () => {
  it('reads payment years given as a digit string', () => {
    const d = run(premiumToIncome, { customer: { age: 50 }, sale: { amount: '1000' }, details: { premiumMode: 'REGULAR', paymentYears: '10' } });
    expect(d.reasons[0].facts).toMatchObject({ paymentYears: 10, paymentYearsAssumed: false });
  });

  it('takes zero or malformed payment years as unstated: the longest the product offers for regular premiums', () => {
    for (const paymentYears of [0, 'ten', undefined]) {
      const d = run(premiumToIncome, { customer: { age: 50 }, sale: { amount: '1000' }, details: { premiumMode: 'REGULAR', paymentYears } });
      expect(d.outcome).toBe('REQUIRE');
      expect(d.reasons[0].facts).toMatchObject({ paymentYears: 10, paymentYearsAssumed: true });
      expect(run(paymentTerms, { details: { premiumMode: 'REGULAR', paymentYears } }).outcome).toBe('ALLOW');
    }
  });

  it('an unstated period of a single premium is one year', () => {
    expect(run(paymentTerms, { details: { premiumMode: 'SINGLE', paymentYears: undefined } }).outcome).toBe('ALLOW');
    const d = run(premiumToIncome, { customer: { age: 59 }, sale: { amount: '1000' }, details: { premiumMode: 'SINGLE', paymentYears: undefined } });
    expect(d.reasons[0].facts).toMatchObject({ paymentYears: 1, paymentYearsAssumed: true, premiumModeAssumed: false });
  });

  it('the only premium mode a product offers is the mode of a sale that does not say', () => {
    const single = run(premiumToIncome, {
      customer: { age: 59 },
      sale: { amount: '1000' },
      product: { premiumModes: ['SINGLE'] },
      details: { premiumMode: undefined, paymentYears: undefined },
    });
    expect(single.reasons[0].facts).toMatchObject({ premiumMode: 'SINGLE', premiumModeAssumed: false, paymentYears: 1 });
    const regular = run(premiumToIncome, {
      customer: { age: 50 },
      sale: { amount: '1000' },
      product: { premiumModes: ['REGULAR'], paymentYearsOptions: [5, 10] },
      details: { premiumMode: undefined, paymentYears: undefined },
    });
    expect(regular.reasons[0].facts).toMatchObject({ premiumMode: 'REGULAR', premiumModeAssumed: false, paymentYears: 10 });
    const either = run(premiumToIncome, { customer: { age: 50 }, sale: { amount: '1000' }, details: { premiumMode: 'WEEKLY', paymentYears: undefined } });
    expect(either.reasons[0].facts).toMatchObject({ premiumMode: 'REGULAR', premiumModeAssumed: true });
  });

  it("the insured is the customer unless the sale says otherwise: the customer's age", () => {
    const band = { insuredAgeMin: 18, insuredAgeMax: 60 };
    expect(run(insuredAgeBand, { product: band, customer: { age: 61 }, details: { insuredAge: 'sixty' } }).outcome).toBe('BLOCK');
    expect(run(insuredAgeBand, { product: band, customer: { age: 61 }, details: { insuredAge: '40' } }).outcome).toBe('ALLOW');
  });

  it('a minor child insured is presumed to lack capacity and not to be the policyholder', () => {
    // Parents insuring their child (under 18): allowed though the child lacks capacity.
    expect(run(legalCapacity, { details: { insuredIsMinorChildOfPolicyholder: true, insuredAge: 10 } }).outcome).toBe('ALLOW');
    // The same claim for an adult child: blocked, the child being presumed without capacity.
    const adult = run(legalCapacity, { details: { insuredIsMinorChildOfPolicyholder: true, insuredAge: 25 } });
    expect(adult.outcome).toBe('BLOCK');
    expect(adult.reasons[0].facts).toMatchObject({ insuredIsPolicyholder: false, insuredHasLegalCapacity: false, insuredIsMinorChildOfPolicyholder: true });
    // Only an explicit true makes the child claim.
    const claimed = run(legalCapacity, { details: { insuredIsMinorChildOfPolicyholder: 'yes', insuredAge: 10 } });
    expect(claimed.outcome).toBe('ALLOW');
    expect(run(legalCapacity, { customer: { legalCapacity: 'LIMITED' }, details: { insuredIsMinorChildOfPolicyholder: 'yes', insuredAge: 10 } }).outcome).toBe(
      'BLOCK',
    );
  });

  it("another adult insured takes the customer's capacity unless the sale states theirs", () => {
    const other = { insuredIsPolicyholder: false, insuredAge: 45 };
    // A customer of full capacity insuring another adult (capacity unstated): allowed.
    expect(run(legalCapacity, { details: other }).outcome).toBe('ALLOW');
    // An insured stated without capacity: blocked, whatever the customer.
    expect(run(legalCapacity, { details: { ...other, insuredHasLegalCapacity: false } }).outcome).toBe('BLOCK');
    // A customer of limited capacity insuring another adult, capacity unstated: the customer's is assumed.
    expect(run(legalCapacity, { customer: { legalCapacity: 'LIMITED' }, details: other }).outcome).toBe('BLOCK');
  });
});
