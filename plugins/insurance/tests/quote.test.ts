import { describe, expect, it } from 'vitest';
import { FinmartError } from '../../../src/sdk/index.js';
import { quotePremium, type QuoteTerms, type RateEntry } from '../quote.js';

const terms: QuoteTerms = { insuredAgeMin: 18, insuredAgeMax: 70, coverTermYears: 20, paymentYearsOptions: [1, 10, 20] };

const rates: RateEntry[] = [
  { sex: 'MALE', ageFrom: 18, ageTo: 30, paymentYears: 10, ratePer1000: '8.50' },
  { sex: 'MALE', ageFrom: 31, ageTo: 40, paymentYears: 10, ratePer1000: '12.34' },
  { sex: 'MALE', ageFrom: 41, ageTo: 50, paymentYears: 10, ratePer1000: '19.80' },
  { sex: 'FEMALE', ageFrom: 31, ageTo: 40, paymentYears: 10, ratePer1000: '10.49' },
  { sex: 'MALE', ageFrom: 31, ageTo: 40, paymentYears: 1, ratePer1000: '1.005' },
  { sex: 'MALE', ageFrom: 41, ageTo: 50, paymentYears: 1, ratePer1000: '0.125' },
  { sex: 'MALE', ageFrom: 51, ageTo: 60, paymentYears: 1, ratePer1000: '12.345' },
  { sex: 'MALE', ageFrom: 61, ageTo: 70, paymentYears: 1, ratePer1000: '1234.5678' },
];

const quote = (o: Partial<Parameters<typeof quotePremium>[2]> = {}, t: QuoteTerms = terms) =>
  quotePremium(t, rates, { age: 35, sex: 'MALE', paymentYears: 10, sumAssured: '100000', ...o });

/** The BAD_USER_INPUT error a call throws, or fails the test. */
function inputError(fn: () => unknown): FinmartError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FinmartError);
    expect((e as FinmartError).extensions.code).toBe('BAD_USER_INPUT');
    return e as FinmartError;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('quotePremium', () => {
  it('prices sum assured ÷ 1,000 × rate per year, and the total over the payment years', () => {
    expect(quote()).toEqual({
      annualPremium: '1234.00',
      totalPremium: '12340.00',
      paymentYears: 10,
      sumAssured: '100000.00',
      ratePerThousand: '12.34',
      sex: 'MALE',
    });
  });

  it('picks the row of the age band and sex', () => {
    expect(quote({ age: 40 }).annualPremium).toBe('1234.00');
    expect(quote({ age: 41 }).annualPremium).toBe('1980.00');
    expect(quote({ age: 30 }).annualPremium).toBe('850.00');
    expect(quote({ sex: 'FEMALE' }).annualPremium).toBe('1049.00');
  });

  it('rounds half up to the cent, never through floats', () => {
    // 1.005 is 1.00499999… as a float; exact decimal arithmetic gives 1.01.
    expect(quote({ paymentYears: 1, sumAssured: '1000' }).annualPremium).toBe('1.01');
    // 0.125: half up gives 0.13 (banker's rounding would give 0.12).
    expect(quote({ age: 45, paymentYears: 1, sumAssured: '1000' }).annualPremium).toBe('0.13');
    // 1,500 × 12.345 ÷ 1,000 = 18.5175 → 18.52.
    expect(quote({ age: 55, paymentYears: 1, sumAssured: '1500' }).annualPremium).toBe('18.52');
    // 3,333.33 × 12.34 ÷ 1,000 = 41.1333…, annual rounded first, total = annual × 10.
    const q = quote({ sumAssured: '3333.33' });
    expect(q.annualPremium).toBe('41.13');
    expect(q.totalPremium).toBe('411.30');
  });

  it('stays exact for the largest sums assured', () => {
    const q = quote({ age: 65, paymentYears: 1, sumAssured: '999999999999.99' });
    expect(q.annualPremium).toBe('1234567799999.99');
    expect(q.totalPremium).toBe('1234567799999.99');
  });

  it('refuses an age outside the product band, naming the band in both languages', () => {
    const e = inputError(() => quote({ age: 17 }));
    expect(e.extensions.field).toBe('age');
    expect(e.messages['zh-CN']).toBe('被保险人年龄 17 岁不在投保年龄 18–70 岁范围内');
    expect(e.messages.en).toBe('Age 17 is outside the insurable ages 18–70');
    expect(inputError(() => quote({ age: 71 })).extensions.field).toBe('age');
    expect(inputError(() => quote({ age: 35.5 })).extensions.field).toBe('age');
  });

  it('refuses a payment period the product does not offer', () => {
    const e = inputError(() => quote({ paymentYears: 5 }));
    expect(e.extensions.field).toBe('paymentYears');
    expect(e.messages.en).toContain('options: 1/10/20');
  });

  it('refuses an age the rate table does not price for that payment period', () => {
    // 20-year payment is offered, but the table has no 20-year rows.
    const e = inputError(() => quote({ paymentYears: 20 }));
    expect(e.extensions.field).toBe('age');
    expect(e.messages.en).toBe('The rate table has no rate for age 35 with 20 payment years');
    expect(inputError(() => quote({ age: 20, sex: 'FEMALE' })).extensions.field).toBe('age');
  });

  it('refuses an unknown sex and sums assured that are not positive cent amounts', () => {
    expect(inputError(() => quote({ sex: 'OTHER' })).extensions.field).toBe('sex');
    for (const sumAssured of ['0', '-1000', '100.001', 'abc', '1e6', '1000000000000']) {
      expect(inputError(() => quote({ sumAssured })).extensions.field).toBe('sumAssured');
    }
  });

  it("checks the term against the product's: omitted or equal is fine, anything else is not", () => {
    expect(quote({ termYears: 20 }).annualPremium).toBe('1234.00');
    expect(quote({ termYears: null }).annualPremium).toBe('1234.00');
    expect(inputError(() => quote({ termYears: 30 })).extensions.field).toBe('termYears');
    const wholeLife = { ...terms, coverTermYears: null };
    const e = inputError(() => quote({ termYears: 20 }, wholeLife));
    expect(e.messages.en).toBe('This product has no 20-year term; its cover is whole life');
    expect(quote({}, wholeLife).annualPremium).toBe('1234.00');
  });
});
