import { Decimal } from '../../src/sdk/index.js';

export const LOAN_KINDS = ['HOUSING', 'PLEDGE', 'CONSUMER', 'BUSINESS'] as const;
export type LoanKind = (typeof LOAN_KINDS)[number];
export const REPAYMENT_METHODS = ['EQUAL_INSTALMENT', 'EQUAL_PRINCIPAL'] as const;
export type RepaymentMethod = (typeof REPAYMENT_METHODS)[number];
/** What a consumer or business loan says it finances. */
export const LOAN_PURPOSES = [
  'CAR',
  'EDUCATION',
  'RENOVATION',
  'TRAVEL',
  'DURABLES',
  'MEDICAL',
  'BUSINESS_OPERATIONS',
  'PROPERTY',
  'SECURITIES',
  'WEALTH_PRODUCTS',
  'HOME_PURCHASE',
] as const;
export type LoanPurpose = (typeof LOAN_PURPOSES)[number];

/** A loan product's terms as rules read them (`facts.product.details`). */
export interface LoanTerms {
  kind: LoanKind;
  category: string;
  annualRate: string;
  minTermMonths: number;
  maxTermMonths: number;
  minAmount: string;
  maxAmount: string;
  repaymentMethods: RepaymentMethod[];
  collateral: string;
}

/** The product's loan terms, or null when the product is not a loan (rules then say nothing). */
export function readLoanTerms(details: Record<string, unknown>): LoanTerms | null {
  if (typeof details.kind !== 'string' || !(LOAN_KINDS as readonly string[]).includes(details.kind)) return null;
  return details as unknown as LoanTerms;
}

/** Whether a product finances a second home (its down payment and ratio rules differ). */
export const isSecondHome = (t: LoanTerms): boolean => t.category === 'SECOND_HOME';

/**
 * The largest monthly payment of a loan: the level payment of 等额本息
 * (P·r·(1+r)^n / ((1+r)^n − 1)), or the first — largest — payment of 等额本金
 * (P/n + P·r). Rounded up to the cent: the ratio rules must not be passed by rounding.
 */
export function monthlyPayment(principal: Decimal.Value, annualRate: Decimal.Value, months: number, method: RepaymentMethod): Decimal {
  const p = new Decimal(principal);
  const r = new Decimal(annualRate).div(12);
  if (months <= 0) throw new Error('months must be positive');
  if (method === 'EQUAL_PRINCIPAL') return p.div(months).add(p.mul(r)).toDecimalPlaces(2, Decimal.ROUND_UP);
  if (r.isZero()) return p.div(months).toDecimalPlaces(2, Decimal.ROUND_UP);
  const growth = r.add(1).pow(months);
  return p.mul(r).mul(growth).div(growth.sub(1)).toDecimalPlaces(2, Decimal.ROUND_UP);
}

/**
 * The largest principal whose largest monthly payment is at most `payment`
 * (inverse of {@link monthlyPayment}), rounded down to the cent.
 */
export function principalFor(payment: Decimal.Value, annualRate: Decimal.Value, months: number, method: RepaymentMethod): Decimal {
  const m = new Decimal(payment);
  if (m.lte(0)) return new Decimal(0);
  const r = new Decimal(annualRate).div(12);
  if (method === 'EQUAL_PRINCIPAL') return m.div(new Decimal(1).div(months).add(r)).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  if (r.isZero()) return m.mul(months).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  const growth = r.add(1).pow(months);
  return m.mul(growth.sub(1)).div(r.mul(growth)).toDecimalPlaces(2, Decimal.ROUND_DOWN);
}

/** Whole years of age at a loan's maturity: age now plus the term, rounded up to the year it ends in. */
export const ageAtMaturity = (ageNow: number, months: number): number => ageNow + Math.ceil(months / 12);
