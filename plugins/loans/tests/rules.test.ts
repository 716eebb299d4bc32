import { describe, expect, it } from 'vitest';
import { coreRules, evaluateRules, makeFacts, type FactsOverrides } from '../../../src/sdk/testing.js';
import { loanRules } from '../rules/index.js';
import { loanPledge } from '../rules/pledge.js';
import { LOAN_PRODUCTS } from '../seed/catalog.js';
import { loanSettings } from '../settings.js';
import { loanTerms } from '../sizing.js';
import { monthlyPayment, principalFor, readLoanTerms } from '../domain.js';
import { offerFor } from '../offers.js';
import { testSettings } from '../../../src/sdk/testing.js';
import type { HoldingFacts } from '../../../src/sdk/index.js';

// Each rule on both sides of its threshold, with the figures the server's sizing computes (sizing.ts),
// so a test can never pass on a figure the server would not produce.

const terms = (code: string) => {
  const { code: _c, nameZh: _z, nameEn: _e, ...t } = LOAN_PRODUCTS.find((p) => p.code === code)!;
  return t as unknown as Record<string, unknown>;
};
const FIRST_HOME = terms('LOAN-HOME-FIRST');
const SECOND_HOME = terms('LOAN-HOME-SECOND');
const CAR = terms('LOAN-CAR');
const E_LOAN = terms('LOAN-CONSUMER-E');
const BUSINESS = terms('LOAN-BUSINESS-SMALL');
const BOTH_STEPS = ['CREDIT_REPORT_AUTHORISATION', 'FACE_TO_FACE_INTERVIEW'];

/** The credit bureau's report, `ageDays` old: loans elsewhere and whether anything is overdue now. */
const bureau = (loans: { monthlyPayment: string }[] = [], ageDays = 3, overdueNow = false) => ({
  CREDIT_REPORT: {
    source: 'CREDIT_BUREAU',
    reportedAt: '2026-11-20T02:00:00.000Z',
    ageDays,
    payload: {
      cards: [],
      loans: loans.map((l) => ({ lender: '他行', kind: 'CONSUMER', outstanding: '10000', ...l })),
      overdue: { current: overdueNow, maxDaysLast24Months: overdueNow ? 30 : 0 },
    },
  },
});

/** Sizes the sale as the server does, then evaluates the loan rules (and, with `core`, the core rules). */
function judge(
  product: Record<string, unknown>,
  amount: string | null,
  details: Record<string, unknown>,
  o: FactsOverrides & { steps?: string[]; core?: boolean } = {},
  overrides: Record<string, unknown> = {},
) {
  const sized =
    amount === null
      ? { figures: {} }
      : loanTerms.sizing!.size({
          side: 'BUY',
          amount,
          quantity: null,
          currency: 'CNY',
          product: { id: 1, currency: 'CNY', unitPrice: null, details: product },
          details,
          settings: testSettings(loanSettings, overrides),
        });
  const facts = makeFacts({
    ...o,
    // A fresh, clean credit report on file unless the test says otherwise (the credit checks need one once the query is authorised).
    customer: { external: bureau(), ...o.customer },
    product: {
      line: 'LOANS',
      riskRating: 'R1',
      regime: 'OTHER',
      requiresRiskAssessment: false,
      minimumAmount: String(product.minAmount),
      amountStep: '0.01',
      details: product,
      ...o.product,
    },
    sale: { amount, channel: 'COUNTER', initiator: 'STAFF', details: { ...details, ...sized.figures }, completedSteps: o.steps ?? BOTH_STEPS, ...o.sale },
  });
  const d = evaluateRules(o.core ? [...coreRules, ...loanRules] : loanRules, facts, { source: 'loans', settings: loanSettings, overrides });
  return { outcome: d.outcome, codes: d.reasons.map((r) => r.code), figures: sized.figures as Record<string, string> };
}

describe('loan payment arithmetic', () => {
  it('computes level and equal-principal payments and inverts them to the cent', () => {
    // 1,000,000 over 360 months at 3.05 %: P·r·(1+r)^n / ((1+r)^n − 1) = 4,243.0544… (checked with Python's decimal), rounded up.
    expect(monthlyPayment('1000000', '0.0305', 360, 'EQUAL_INSTALMENT').toFixed(2)).toBe('4243.06');
    // Equal principal: 1,000,000 / 360 + 1,000,000 × 0.0305 / 12 = 2,777.78 + 2,541.67 = 5,319.45 (up).
    expect(monthlyPayment('1000000', '0.0305', 360, 'EQUAL_PRINCIPAL').toFixed(2)).toBe('5319.45');
    for (const method of ['EQUAL_INSTALMENT', 'EQUAL_PRINCIPAL'] as const) {
      const p = principalFor('4000', '0.0305', 240, method);
      expect(monthlyPayment(p, '0.0305', 240, method).lte('4000.01')).toBe(true);
      expect(monthlyPayment(p.add('1'), '0.0305', 240, method).gt('4000')).toBe(true);
    }
  });
});

describe('loans.term-and-amount', () => {
  it('blocks below the minimum and above the maximum amount, allows both ends', () => {
    const d = { termMonths: 36, repaymentMethod: 'EQUAL_INSTALMENT', purpose: 'CAR' };
    const rich = { customer: { personalAnnualIncome: '5000000' } };
    expect(judge(CAR, '19999.99', d, rich).codes).toContain('LOAN_AMOUNT_OUT_OF_RANGE');
    expect(judge(CAR, '20000', d, rich).codes).not.toContain('LOAN_AMOUNT_OUT_OF_RANGE');
    expect(judge(CAR, '1000000', { ...d, entrustedPayment: true }, rich).codes).not.toContain('LOAN_AMOUNT_OUT_OF_RANGE');
    expect(judge(CAR, '1000000.01', { ...d, entrustedPayment: true }, rich).codes).toContain('LOAN_AMOUNT_OUT_OF_RANGE');
  });

  it('blocks an amount without a term (nothing to judge the instalment or maturity by), not a listing without either', () => {
    expect(judge(CAR, '50000', { purpose: 'CAR' }).codes).toContain('LOAN_TERM_MISSING');
    expect(judge(CAR, null, {}).codes).not.toContain('LOAN_TERM_MISSING');
  });

  it("blocks a term outside the product's range", () => {
    const d = (termMonths: number) => ({ termMonths, repaymentMethod: 'EQUAL_INSTALMENT', purpose: 'CAR' });
    expect(judge(CAR, '50000', d(11)).codes).toContain('LOAN_TERM_OUT_OF_RANGE');
    expect(judge(CAR, '50000', d(12)).codes).not.toContain('LOAN_TERM_OUT_OF_RANGE');
    expect(judge(CAR, '50000', d(60)).codes).not.toContain('LOAN_TERM_OUT_OF_RANGE');
    expect(judge(CAR, '50000', d(61)).codes).toContain('LOAN_TERM_OUT_OF_RANGE');
  });
});

describe('loans.age-at-maturity', () => {
  it('allows a loan ending at 70 and blocks one ending at 71 (default), and follows the setting', () => {
    const d = (termMonths: number) => ({ termMonths, repaymentMethod: 'EQUAL_INSTALMENT', purpose: 'CAR' });
    expect(judge(CAR, '50000', d(60), { customer: { age: 65 } }).codes).not.toContain('LOAN_AGE_AT_MATURITY');
    expect(judge(CAR, '50000', d(60), { customer: { age: 66 } }).codes).toContain('LOAN_AGE_AT_MATURITY');
    // 49 months end in the fifth year: 66 + 5 = 71.
    expect(judge(CAR, '50000', d(49), { customer: { age: 66 } }).codes).toContain('LOAN_AGE_AT_MATURITY');
    expect(judge(CAR, '50000', d(48), { customer: { age: 66 } }).codes).not.toContain('LOAN_AGE_AT_MATURITY');
    expect(judge(CAR, '50000', d(60), { customer: { age: 66 } }, { 'loans.maxAgeAtMaturity': 71 }).codes).not.toContain('LOAN_AGE_AT_MATURITY');
  });
});

describe('loans.debt-to-income', () => {
  // 240,000 a year: 20,000 a month. Caps: all debt 55 % = 11,000; housing 50 % = 10,000.
  const earner = { customer: { personalAnnualIncome: '240000' } };
  const home = (amount: string, extra: Record<string, unknown> = {}) =>
    judge(FIRST_HOME, amount, { termMonths: 360, repaymentMethod: 'EQUAL_INSTALMENT', propertyValue: '10000000', ...extra }, earner);

  it("holds a housing loan's payment to 50 % of income: the largest amount passes, a hundred more does not", () => {
    const max = principalFor('9999.99', '0.0305', 360, 'EQUAL_INSTALMENT').toFixed(2);
    const ok = home(max);
    expect(Number(ok.figures.monthlyPayment)).toBeLessThanOrEqual(10000);
    expect(ok.codes).not.toContain('LOAN_HOUSING_PAYMENT_RATIO');
    const over = home(String(Number(max) + 100));
    expect(over.codes).toContain('LOAN_HOUSING_PAYMENT_RATIO');
    expect(over.outcome).toBe('BLOCK');
  });

  it('holds all debt, declared debts included, to 55 % of income', () => {
    const d = { termMonths: 36, repaymentMethod: 'EQUAL_INSTALMENT', purpose: 'RENOVATION' };
    // A 100,000 renovation loan over 36 months at 3.8 %: 2,943.5098… a month, rounded up to 2,943.51.
    const base = judge(terms('LOAN-RENOVATION'), '100000', d, earner);
    expect(base.figures.monthlyPayment).toBe('2943.51');
    expect(base.codes).not.toContain('LOAN_DEBT_TO_INCOME');
    // 2,943.51 + 8,056.49 = 11,000.00: exactly the cap passes; a cent more of declared debt does not.
    expect(judge(terms('LOAN-RENOVATION'), '100000', { ...d, declaredMonthlyDebt: '8056.49' }, earner).codes).not.toContain('LOAN_DEBT_TO_INCOME');
    expect(judge(terms('LOAN-RENOVATION'), '100000', { ...d, declaredMonthlyDebt: '8056.50' }, earner).codes).toContain('LOAN_DEBT_TO_INCOME');
    // Debts held here (the line's customer facts) count the same way.
    expect(
      judge(terms('LOAN-RENOVATION'), '100000', d, { customer: { personalAnnualIncome: '240000', lines: { loans: { monthlyDebt: '8056.50' } } } }).codes,
    ).toContain('LOAN_DEBT_TO_INCOME');
  });

  it('blocks a borrower without income', () => {
    expect(
      judge(CAR, '50000', { termMonths: 36, repaymentMethod: 'EQUAL_INSTALMENT', purpose: 'CAR' }, { customer: { personalAnnualIncome: '0' } }).codes,
    ).toContain('LOAN_NO_INCOME');
  });

  it('fails closed on a debt it cannot read, and reads a missing one as none', () => {
    const d = { termMonths: 36, repaymentMethod: 'EQUAL_INSTALMENT', purpose: 'RENOVATION' };
    for (const declaredMonthlyDebt of ['abc', 'NaN', 'Infinity', ' 8000', '1e3']) {
      const r = judge(terms('LOAN-RENOVATION'), '100000', { ...d, declaredMonthlyDebt }, earner);
      expect(r.outcome, declaredMonthlyDebt).toBe('BLOCK');
      expect(r.codes, declaredMonthlyDebt).toContain('RULE_ERROR');
    }
    for (const declaredMonthlyDebt of ['', undefined]) {
      expect(judge(terms('LOAN-RENOVATION'), '100000', { ...d, declaredMonthlyDebt }, earner).codes).toEqual([]);
    }
  });
});

describe('loans.down-payment', () => {
  const rich = { customer: { personalAnnualIncome: '5000000' } };
  it('allows a 15 % first-home and a 25 % second-home down payment, blocks less', () => {
    const d = { termMonths: 240, repaymentMethod: 'EQUAL_INSTALMENT', propertyValue: '1000000' };
    expect(judge(FIRST_HOME, '850000', d, rich).codes).not.toContain('LOAN_DOWN_PAYMENT_TOO_LOW');
    expect(judge(FIRST_HOME, '850000.01', d, rich).codes).toContain('LOAN_DOWN_PAYMENT_TOO_LOW');
    expect(judge(SECOND_HOME, '750000', d, rich).codes).not.toContain('LOAN_DOWN_PAYMENT_TOO_LOW');
    expect(judge(SECOND_HOME, '750001', d, rich).codes).toContain('LOAN_DOWN_PAYMENT_TOO_LOW');
    const r = judge(SECOND_HOME, '800000', d, rich);
    expect(r.figures).toMatchObject({ loanToValue: '0.8000', downPaymentShare: '0.2000' });
  });

  it('blocks a housing application without the property price', () => {
    expect(judge(FIRST_HOME, '500000', { termMonths: 240, repaymentMethod: 'EQUAL_INSTALMENT' }, rich).codes).toContain('LOAN_PROPERTY_VALUE_MISSING');
  });
});

describe('loans.purpose and loans.entrusted-payment', () => {
  const d = { termMonths: 24, repaymentMethod: 'EQUAL_INSTALMENT' };
  const rich = { customer: { personalAnnualIncome: '5000000' } };
  it('needs a purpose and refuses home purchase, securities and wealth products', () => {
    expect(judge(E_LOAN, '50000', d, rich).codes).toContain('LOAN_PURPOSE_MISSING');
    for (const purpose of ['HOME_PURCHASE', 'SECURITIES', 'WEALTH_PRODUCTS', 'PROPERTY'])
      expect(judge(E_LOAN, '50000', { ...d, purpose }, rich).codes).toContain('LOAN_PURPOSE_PROHIBITED');
    expect(judge(E_LOAN, '50000', { ...d, purpose: 'TRAVEL' }, rich).codes).toEqual([]);
  });

  it('requires entrusted payment above 300,000 (consumer) and 500,000 (business)', () => {
    const car = { ...d, termMonths: 36, purpose: 'CAR' };
    expect(judge(CAR, '300000', car, rich).codes).not.toContain('LOAN_ENTRUSTED_PAYMENT_REQUIRED');
    expect(judge(CAR, '300000.01', car, rich).codes).toContain('LOAN_ENTRUSTED_PAYMENT_REQUIRED');
    expect(judge(CAR, '300000.01', { ...car, entrustedPayment: true }, rich).codes).not.toContain('LOAN_ENTRUSTED_PAYMENT_REQUIRED');
    const biz = { ...d, termMonths: 36, purpose: 'BUSINESS_OPERATIONS' };
    expect(judge(BUSINESS, '500000', biz, rich).codes).not.toContain('LOAN_ENTRUSTED_PAYMENT_REQUIRED');
    expect(judge(BUSINESS, '500000.01', biz, rich).codes).toContain('LOAN_ENTRUSTED_PAYMENT_REQUIRED');
  });
});

describe('loans.credit-checks', () => {
  it('requires the credit-report authorisation and the interview as steps, and lifts each once recorded', () => {
    const d = { termMonths: 24, repaymentMethod: 'EQUAL_INSTALMENT', purpose: 'TRAVEL' };
    const none = judge(E_LOAN, '50000', d, { steps: [] });
    expect(none.outcome).toBe('REQUIRE');
    expect(none.codes).toEqual(['LOAN_CREDIT_AUTHORISATION', 'LOAN_INTERVIEW']);
    expect(judge(E_LOAN, '50000', d, { steps: ['CREDIT_REPORT_AUTHORISATION'] }).codes).toEqual(['LOAN_INTERVIEW']);
    expect(judge(E_LOAN, '50000', d, { steps: BOTH_STEPS }).outcome).toBe('ALLOW');
  });

  it('leaves a plain loan application allowed by the core rules too (no risk assessment needed)', () => {
    const r = judge(
      E_LOAN,
      '50000',
      { termMonths: 24, repaymentMethod: 'EQUAL_INSTALMENT', purpose: 'TRAVEL' },
      { core: true, customer: { risk: { level: null, assessedAt: null, expiresAt: null } } },
    );
    expect(r.codes).toEqual([]);
    expect(r.outcome).toBe('ALLOW');
  });
});

describe('what the loan rules leave alone', () => {
  const d = { termMonths: 360, repaymentMethod: 'EQUAL_INSTALMENT', propertyValue: '100', purpose: 'SECURITIES', declaredMonthlyDebt: '999999' };
  const poor = { customer: { age: 80, personalAnnualIncome: '0' } };

  it("says nothing about another line's product, whatever the terms", () => {
    const facts = makeFacts({ ...poor, sale: { amount: '99999999', details: { ...d, monthlyPayment: '99999', downPaymentShare: '0' }, completedSteps: [] } });
    expect(evaluateRules(loanRules, facts, { source: 'loans', settings: loanSettings }).reasons).toEqual([]);
  });

  it('says nothing about a redemption (SELL) of a loan product', () => {
    for (const p of [FIRST_HOME, CAR, BUSINESS]) {
      const facts = makeFacts({
        ...poor,
        product: { line: 'LOANS', details: p },
        sale: { side: 'SELL', amount: '99999999', details: { ...d, monthlyPayment: '99999', downPaymentShare: '0' }, completedSteps: [] },
      });
      expect(evaluateRules(loanRules, facts, { source: 'loans', settings: loanSettings }).reasons).toEqual([]);
    }
  });

  it('checks no amount, ratio, down payment, purpose or payment arrangement in a listing without an amount', () => {
    for (const p of [FIRST_HOME, CAR, BUSINESS]) {
      const r = judge(p, null, { termMonths: 60 }, { customer: { personalAnnualIncome: '0' } });
      expect(r.codes).toEqual([]);
    }
  });

  it('holds only housing loans to the housing-payment cap', () => {
    // 20,000 a month; a car loan paying 52 % of it passes the 55 % total cap and is no housing payment.
    const amount = principalFor('10400', '0.038', 60, 'EQUAL_INSTALMENT').toFixed(2);
    const r = judge(
      CAR,
      amount,
      { termMonths: 60, repaymentMethod: 'EQUAL_INSTALMENT', purpose: 'CAR', entrustedPayment: true },
      { customer: { personalAnnualIncome: '240000' } },
    );
    expect(r.codes).toEqual([]);
  });

  it('reads an empty declared debt as none, and a fractional term as no term', () => {
    const r = judge(
      terms('LOAN-RENOVATION'),
      '100000',
      { termMonths: 36, repaymentMethod: 'EQUAL_INSTALMENT', purpose: 'RENOVATION' },
      {
        customer: { personalAnnualIncome: '240000' },
        sale: { details: { termMonths: 36, purpose: 'RENOVATION', declaredMonthlyDebt: '', monthlyPayment: '2943.51' } },
      },
    );
    expect(r.codes).toEqual([]);
    const frac = judge(CAR, '50000', { purpose: 'CAR' }, { sale: { details: { termMonths: 12.5, purpose: 'CAR' } } });
    expect(frac.codes).toEqual(['LOAN_TERM_MISSING']);
  });
});

describe("the reasons' messages quote the figures", () => {
  const rich = { customer: { personalAnnualIncome: '5000000' } };
  const message = (product: Record<string, unknown>, amount: string, details: Record<string, unknown>, o: FactsOverrides = {}, code = '') => {
    const sized = loanTerms.sizing!.size({
      side: 'BUY',
      amount,
      quantity: null,
      currency: 'CNY',
      product: { id: 1, currency: 'CNY', unitPrice: null, details: product },
      details,
      settings: testSettings(loanSettings),
    });
    const facts = makeFacts({
      ...o,
      product: { line: 'LOANS', details: product },
      sale: { amount, details: { ...details, ...sized.figures }, completedSteps: BOTH_STEPS },
    });
    const d = evaluateRules(loanRules, facts, { source: 'loans', settings: loanSettings });
    const m = d.reasons.find((r) => r.code === code)!.message;
    return { 'zh-CN': m['zh-CN'], en: m.en };
  };
  it('down payment: the share, the minimum and which home', () => {
    const m = message(
      SECOND_HOME,
      '800000',
      { termMonths: 240, repaymentMethod: 'EQUAL_INSTALMENT', propertyValue: '1000000' },
      rich,
      'LOAN_DOWN_PAYMENT_TOO_LOW',
    );
    expect(m).toEqual({ 'zh-CN': '首付款比例 20% 低于二套房最低 25%', en: 'A down payment of 20% is below the second-home minimum of 25%' });
    const first = message(
      FIRST_HOME,
      '900000',
      { termMonths: 240, repaymentMethod: 'EQUAL_INSTALMENT', propertyValue: '1000000' },
      rich,
      'LOAN_DOWN_PAYMENT_TOO_LOW',
    );
    expect(first['zh-CN']).toBe('首付款比例 10% 低于首套房最低 15%');
  });
  it('debt to income: the debt, the income and the ratios', () => {
    const m = message(
      terms('LOAN-RENOVATION'),
      '100000',
      { termMonths: 36, repaymentMethod: 'EQUAL_INSTALMENT', purpose: 'RENOVATION', declaredMonthlyDebt: '9056.49' },
      { customer: { personalAnnualIncome: '240000' } },
      'LOAN_DEBT_TO_INCOME',
    );
    expect(m.en).toBe('Monthly debt payments of CNY 12000.00 are 60.0% of the monthly income of CNY 20000.00, over 55.0%');
  });
  it('a property price of nothing is no price', () => {
    const r = judge(FIRST_HOME, '500000', { termMonths: 240, repaymentMethod: 'EQUAL_INSTALMENT', propertyValue: '0' }, rich);
    expect(r.codes).toContain('LOAN_PROPERTY_VALUE_MISSING');
  });
  it('business loans are held to the purpose rule too, and the steps are named', () => {
    expect(judge(BUSINESS, '100000', { termMonths: 36, repaymentMethod: 'EQUAL_INSTALMENT', purpose: 'SECURITIES' }, rich).codes).toContain(
      'LOAN_PURPOSE_PROHIBITED',
    );
    const facts = makeFacts({ product: { line: 'LOANS', details: E_LOAN }, sale: { amount: null, details: {}, completedSteps: [] } });
    expect(evaluateRules(loanRules, facts, { source: 'loans', settings: loanSettings }).requiredSteps).toEqual([
      'CREDIT_REPORT_AUTHORISATION',
      'FACE_TO_FACE_INTERVIEW',
    ]);
  });
});

describe('pre-qualification (offerFor)', () => {
  const settings = testSettings(loanSettings);
  it('offers the amount the debt-to-income rule accepts, bounded by the age at maturity', () => {
    const t = readLoanTerms(FIRST_HOME)!;
    const o = offerFor(t, { age: 40, personalAnnualIncome: '240000' }, '0', settings);
    expect(o).toMatchObject({ available: true, termMonths: 360, limitedBy: 'HOUSING_PAYMENT' });
    const at = judge(
      FIRST_HOME,
      o.maxAmount!,
      { termMonths: o.termMonths, repaymentMethod: o.method, propertyValue: '10000000' },
      { customer: { age: 40, personalAnnualIncome: '240000' } },
    );
    expect(at.codes).toEqual([]);
    const above = judge(
      FIRST_HOME,
      String(Number(o.maxAmount) + 10),
      { termMonths: o.termMonths, repaymentMethod: o.method, propertyValue: '10000000' },
      { customer: { age: 40, personalAnnualIncome: '240000' } },
    );
    expect(above.codes).toContain('LOAN_HOUSING_PAYMENT_RATIO');
    // At 55 the term stops at 70: 15 years.
    expect(offerFor(t, { age: 55, personalAnnualIncome: '240000' }, '0', settings).termMonths).toBe(180);
    expect(offerFor(t, { age: 66, personalAnnualIncome: '240000' }, '0', settings)).toMatchObject({ available: false, limitedBy: 'AGE' });
    expect(offerFor(t, { age: 40, personalAnnualIncome: '0' }, '0', settings)).toMatchObject({ available: false, limitedBy: 'NO_INCOME' });
    expect(offerFor(readLoanTerms(E_LOAN)!, { age: 40, personalAnnualIncome: '5000000' }, '0', settings)).toMatchObject({
      available: true,
      maxAmount: '300000.00',
      limitedBy: 'PRODUCT_MAXIMUM',
    });
  });
});

describe('loans.pledge', () => {
  const WEALTH = terms('LOAN-PLEDGE-WEALTH');
  const DEPOSIT = terms('LOAN-PLEDGE-DEPOSIT');
  const BOND = terms('LOAN-PLEDGE-BOND');
  const holding = (over: Partial<HoldingFacts> = {}): HoldingFacts => ({
    id: 41,
    productId: 7,
    productCode: 'FUND-X',
    line: 'FUNDS',
    quantity: '10000',
    costAmount: '10000',
    costCurrency: 'CNY',
    status: 'ACTIVE',
    openedAt: '2025-01-01T00:00:00.000Z',
    attributes: {},
    marketValue: '100000.00',
    valueCurrency: 'CNY',
    marketValueCny: '100000.00',
    pledgedTo: null,
    ...over,
  });
  const d = { termMonths: 12, repaymentMethod: 'EQUAL_INSTALMENT', pledgedHoldingId: 41 };
  const rich = (holdings: HoldingFacts[]) => ({ customer: { personalAnnualIncome: '5000000', holdings } });

  it("lends up to the share of the pledged position's market value, and not a cent more", () => {
    // Wealth products: 70 % of 100,000.
    expect(judge(WEALTH, '70000', d, rich([holding()])).codes).toEqual([]);
    const over = judge(WEALTH, '70000.01', d, rich([holding()]));
    expect(over.codes).toEqual(['LOAN_PLEDGE_OVER_VALUE']);
    // Foreign-currency deposits: 90 % of their CNY value.
    const fx = holding({ line: 'FOREX', marketValue: '10000.00', valueCurrency: 'USD', marketValueCny: '71000.00' });
    expect(judge(DEPOSIT, '63900', d, rich([fx])).codes).toEqual([]);
    expect(judge(DEPOSIT, '63900.01', d, rich([fx])).codes).toEqual(['LOAN_PLEDGE_OVER_VALUE']);
    // The share is a setting.
    const tighter = {
      'loans.pledge': {
        lines: { DEPOSIT: ['FOREX'], WEALTH: ['FUNDS'], BOND: [] },
        maxLoanToValue: { DEPOSIT: '0.9', WEALTH: '0.5', BOND: '0.9' },
        warnCoverBelow: { DEPOSIT: '1.05', WEALTH: '1.2', BOND: '1.05' },
      },
    };
    expect(judge(WEALTH, '50000.01', d, rich([holding()]), tighter).codes).toEqual(['LOAN_PLEDGE_OVER_VALUE']);
  });

  it("needs a position that is the customer's, open, free, and of a line the category accepts", () => {
    expect(judge(WEALTH, '10000', { termMonths: 12, repaymentMethod: 'EQUAL_INSTALMENT' }, rich([holding()])).codes).toEqual(['LOAN_PLEDGE_MISSING']);
    expect(judge(WEALTH, '10000', { ...d, pledgedHoldingId: 42 }, rich([holding()])).codes).toEqual(['LOAN_PLEDGE_NOT_HELD']);
    expect(judge(WEALTH, '10000', d, rich([holding({ status: 'PENDING' })])).codes).toEqual(['LOAN_PLEDGE_NOT_HELD']);
    expect(judge(WEALTH, '10000', d, rich([holding({ marketValueCny: null })])).codes).toEqual(['LOAN_PLEDGE_NOT_HELD']);
    expect(judge(WEALTH, '10000', d, rich([holding({ line: 'GOLD' })])).codes).toEqual(['LOAN_PLEDGE_INELIGIBLE']);
    // No line holds treasury bonds: the bond pledge loan has nothing to pledge.
    expect(judge(BOND, '10000', d, rich([holding()])).codes).toEqual(['LOAN_PLEDGE_INELIGIBLE']);
    expect(judge(WEALTH, '10000', d, rich([holding({ pledgedTo: 'loans.loan:3' })])).codes).toEqual(['LOAN_PLEDGE_TAKEN']);
  });

  it('keeps what it saw in the decision record (the evidence of a refusal)', () => {
    const seen = (h: HoldingFacts[], details = d) => {
      const facts = makeFacts({
        ...rich(h),
        product: { line: 'LOANS', riskRating: 'R1', regime: 'OTHER', requiresRiskAssessment: false, details: WEALTH },
        sale: { amount: '10000', details: { ...details, monthlyPayment: '860.00' }, completedSteps: BOTH_STEPS },
      });
      return evaluateRules(loanRules, facts, { source: 'loans', settings: loanSettings }).reasons.find((r) => r.code.startsWith('LOAN_PLEDGE'))!.facts;
    };
    expect(seen([])).toEqual({ pledgedHoldingId: 41 });
    expect(seen([holding({ status: 'PENDING' })])).toEqual({ pledgedHoldingId: 41, holding: { status: 'PENDING', marketValueCny: '100000.00' } });
    expect(seen([holding({ pledgedTo: 'loans.loan:3' })])).toEqual({ pledgedHoldingId: 41, pledgedTo: 'loans.loan:3' });
    expect(seen([holding({ line: 'GOLD' })])).toEqual({ pledgedHoldingId: 41, line: 'GOLD', category: 'WEALTH', pledgeable: ['FUNDS'] });
    const odd = makeFacts({
      ...rich([holding()]),
      product: { line: 'LOANS', details: { ...WEALTH, category: 'ART' } },
      sale: { amount: '10000', details: { ...d, monthlyPayment: '860.00' }, completedSteps: BOTH_STEPS },
    });
    expect(evaluateRules(loanRules, odd, { source: 'loans', settings: loanSettings }).reasons.map((r) => r.code)).toContain('LOAN_PLEDGE_INELIGIBLE');
  });

  it('says nothing without an amount (eligibility listings), on a sale, or for other kinds of loan', () => {
    expect(judge(WEALTH, null, {}, rich([])).codes).toEqual([]);
    const sell = makeFacts({
      ...rich([]),
      product: { line: 'LOANS', details: WEALTH },
      sale: { side: 'SELL', amount: '10000', details: {}, completedSteps: BOTH_STEPS },
    });
    expect(evaluateRules([loanPledge], sell, { source: 'loans', settings: loanSettings }).reasons).toEqual([]);
    expect(judge(CAR, '100000', { termMonths: 36, repaymentMethod: 'EQUAL_INSTALMENT', purpose: 'CAR', pledgedHoldingId: 41 }, rich([])).codes).not.toContain(
      'LOAN_PLEDGE_MISSING',
    );
  });
});

describe('loans.borrower-investing (cross-sell after a loan)', () => {
  const buy = (
    lines: Record<string, unknown> | undefined,
    product: Record<string, unknown> = {},
    now = '2026-06-01T02:00:00.000Z',
    overrides: Record<string, unknown> = {},
  ) => {
    const facts = makeFacts({
      customer: { lines: lines ? { loans: lines } : {} },
      product: { line: 'FUNDS', liquidity: 'LOW', ...product },
      sale: { amount: '50000', details: {} },
    });
    const d = evaluateRules(loanRules, { ...facts, now }, { source: 'loans', settings: loanSettings, overrides });
    return d.reasons.map((r) => `${r.code}:${r.outcome}`);
  };
  const homeowner = { activeLoans: 1, monthlyDebt: '4243.06', outstandingPrincipal: '1000000.00', overdue: false, latestHousingLoanOn: '2025-06-02' };

  it('tells a new homeowner to keep six months of instalments liquid before an illiquid product, until twelve months have passed', () => {
    expect(buy(homeowner)).toEqual(['LOAN_LIQUIDITY_RESERVE:WARN']);
    expect(buy(homeowner, {}, '2026-06-02T02:00:00.000Z')).toEqual([]);
    expect(buy(homeowner, { liquidity: 'MEDIUM' })).toEqual([]);
    expect(buy({ ...homeowner, latestHousingLoanOn: null })).toEqual([]);
    expect(buy(homeowner, {}, '2026-06-01T02:00:00.000Z', { 'loans.crossSell': { newHomeownerMonths: 6, reserveMonths: 6 } })).toEqual([]);
    const facts = makeFacts({
      customer: { lines: { loans: homeowner } },
      product: { line: 'FUNDS', liquidity: 'LOW' },
      sale: { amount: '50000', details: {} },
    });
    const r = evaluateRules(loanRules, { ...facts, now: '2026-06-01T02:00:00.000Z' }, { source: 'loans', settings: loanSettings }).reasons[0]!;
    expect(r.message.en).toBe('The customer took a housing loan recently and this product is illiquid: keep 6 months of instalments (CNY 25458.36) liquid');
  });

  it('counts the bank day in China, and a reserve of nothing when nothing is due monthly', () => {
    // 16:30 UTC on 1 June is 2 June in China: twelve months have passed.
    expect(buy(homeowner, {}, '2026-06-01T16:30:00.000Z')).toEqual([]);
    expect(buy(homeowner, {}, '2026-06-01T15:30:00.000Z')).toEqual(['LOAN_LIQUIDITY_RESERVE:WARN']);
    const facts = makeFacts({
      customer: { lines: { loans: { ...homeowner, monthlyDebt: undefined } } },
      product: { line: 'FUNDS', liquidity: 'LOW' },
      sale: { amount: '50000', details: {} },
    });
    const r = evaluateRules(loanRules, { ...facts, now: '2026-06-01T02:00:00.000Z' }, { source: 'loans', settings: loanSettings });
    expect(r.reasons.map((x) => [x.code, x.outcome, x.facts])).toEqual([
      ['LOAN_LIQUIDITY_RESERVE', 'WARN', { latestHousingLoanOn: '2025-06-02', liquidity: 'LOW', monthlyDebt: '0', reserveMonths: 6 }],
    ]);
    const arrears = makeFacts({
      customer: { lines: { loans: { ...homeowner, latestHousingLoanOn: null, overdue: true } } },
      product: { line: 'FUNDS', liquidity: 'HIGH' },
      sale: { amount: '50000', details: {} },
    });
    expect(evaluateRules(loanRules, arrears, { source: 'loans', settings: loanSettings }).reasons[0]!.facts).toEqual({ overdue: true });
  });

  it('tells a borrower in arrears that the arrears come first, on every investing line but not on loans or sales', () => {
    expect(buy({ ...homeowner, latestHousingLoanOn: null, overdue: true }, { liquidity: 'HIGH' })).toEqual(['LOAN_BORROWER_IN_ARREARS:WARN']);
    expect(buy({ ...homeowner, latestHousingLoanOn: null, overdue: true }, { line: 'GOLD', liquidity: 'HIGH' })).toEqual(['LOAN_BORROWER_IN_ARREARS:WARN']);
    expect(buy({ ...homeowner, latestHousingLoanOn: null, overdue: true }, { line: 'CARDS', liquidity: 'HIGH' })).toEqual([]);
    expect(buy(undefined)).toEqual([]);
    const sell = makeFacts({
      customer: { lines: { loans: { ...homeowner, overdue: true } } },
      product: { line: 'FUNDS', liquidity: 'LOW' },
      sale: { side: 'SELL', amount: '50000', details: {} },
    });
    expect(evaluateRules(loanRules, sell, { source: 'loans', settings: loanSettings }).reasons).toEqual([]);
  });
});

describe('the credit report behind a loan decision', () => {
  const d = { termMonths: 36, repaymentMethod: 'EQUAL_INSTALMENT', purpose: 'CAR' };
  const income = { personalAnnualIncome: '240000' };

  it('needs the report itself once the query is authorised: missing or older than 30 days blocks', () => {
    expect(judge(CAR, '100000', d, { customer: { ...income, external: {} } }).codes).toEqual(['LOAN_CREDIT_REPORT_NOT_ON_FILE']);
    expect(judge(CAR, '100000', d, { customer: { ...income, external: bureau([], 31) } }).codes).toEqual(['LOAN_CREDIT_REPORT_NOT_ON_FILE']);
    expect(judge(CAR, '100000', d, { customer: { ...income, external: bureau([], 30) } }).codes).toEqual([]);
    expect(judge(CAR, '100000', d, { customer: { ...income, external: bureau([], 31) } }, { 'loans.creditReportMaxAgeDays': 31 }).codes).toEqual([]);
    // Before the query is authorised, the step is what is asked for.
    expect(judge(CAR, '100000', d, { customer: { ...income, external: {} }, steps: [] }).codes).toEqual(['LOAN_CREDIT_AUTHORISATION', 'LOAN_INTERVIEW']);
  });

  it('refuses a borrower the report shows overdue elsewhere now', () => {
    expect(judge(CAR, '100000', d, { customer: { ...income, external: bureau([], 3, true) } }).codes).toEqual(['LOAN_CREDIT_OVERDUE']);
  });

  it('counts the debt the report shows elsewhere when it is more than was declared', () => {
    // Monthly income 20,000; cap 55 % = 11,000. The car loan is ~2,943.51 a month.
    const under = judge(CAR, '100000', { ...d, declaredMonthlyDebt: '8000' }, { customer: { ...income, external: bureau([{ monthlyPayment: '1000' }]) } });
    expect(under.codes).toEqual([]);
    const reported = judge(
      CAR,
      '100000',
      { ...d, declaredMonthlyDebt: '1000' },
      { customer: { ...income, external: bureau([{ monthlyPayment: '5000' }, { monthlyPayment: '3100' }]) } },
    );
    expect(reported.codes).toEqual(['LOAN_DEBT_TO_INCOME']);
    const seen = (external: Record<string, unknown>) => {
      const facts = makeFacts({
        customer: { ...income, external },
        product: { line: 'LOANS', riskRating: 'R1', regime: 'OTHER', requiresRiskAssessment: false, details: CAR },
        sale: { amount: '100000', details: { ...d, declaredMonthlyDebt: '9000', monthlyPayment: '2943.51' }, completedSteps: BOTH_STEPS },
      });
      return evaluateRules(loanRules, facts, { source: 'loans', settings: loanSettings }).reasons.find((r) => r.code === 'LOAN_DEBT_TO_INCOME')!.facts;
    };
    expect(seen(bureau([{ monthlyPayment: '100' }]))).toMatchObject({ declaredMonthlyDebt: '9000', reportedMonthlyDebt: '100.00' });
    expect(seen({})).toMatchObject({ reportedMonthlyDebt: null });
    // Rows that are not loans count as nothing; a report without an overdue section is not "overdue".
    const odd = {
      CREDIT_REPORT: {
        source: 'CREDIT_BUREAU',
        reportedAt: '2026-11-20T02:00:00.000Z',
        ageDays: 3,
        payload: { cards: [], loans: [null, { lender: 'x' }, { monthlyPayment: '5000' }] },
      },
    };
    expect(judge(CAR, '100000', { ...d, declaredMonthlyDebt: '1000' }, { customer: { ...income, external: odd } }).codes).toEqual([]);
    expect(
      judge(
        CAR,
        '100000',
        { ...d, declaredMonthlyDebt: '1000' },
        { customer: { ...income, external: { CREDIT_REPORT: { ...odd.CREDIT_REPORT, payload: { loans: 'none' } } } } },
      ).codes,
    ).toEqual([]);
    expect(
      judge(
        CAR,
        '100000',
        { ...d, declaredMonthlyDebt: '1000' },
        { customer: { ...income, external: { CREDIT_REPORT: { ...odd.CREDIT_REPORT, payload: {} } } } },
      ).codes,
    ).toEqual([]);
    // A stale report is not read for debts (and blocks on its own).
    const stale = judge(CAR, '100000', { ...d, declaredMonthlyDebt: '1000' }, { customer: { ...income, external: bureau([{ monthlyPayment: '8100' }], 31) } });
    expect(stale.codes).toEqual(['LOAN_CREDIT_REPORT_NOT_ON_FILE']);
  });
});
