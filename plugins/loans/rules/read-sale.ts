import { Decimal, type SuitabilityFacts } from '../../../src/sdk/index.js';

/** The application terms and server figures rules read from `facts.sale.details`, each null when absent. */
export interface LoanSale {
  termMonths: number | null;
  purpose: string | null;
  propertyValue: string | null;
  declaredMonthlyDebt: string;
  entrustedPayment: boolean;
  monthlyPayment: string | null;
  downPaymentShare: string | null;
  /** Pledge loans: the position pledged (holdings.id). */
  pledgedHoldingId: number | null;
}

const decimalOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' && !new Decimal(v).isNaN() ? v : null);

export function readLoanSale(facts: SuitabilityFacts): LoanSale {
  const d = facts.sale.details;
  return {
    termMonths: Number.isInteger(d.termMonths) ? (d.termMonths as number) : null,
    purpose: typeof d.purpose === 'string' ? d.purpose : null,
    propertyValue: decimalOrNull(d.propertyValue),
    declaredMonthlyDebt: decimalOrNull(d.declaredMonthlyDebt) ?? '0',
    entrustedPayment: d.entrustedPayment === true,
    monthlyPayment: decimalOrNull(d.monthlyPayment),
    downPaymentShare: decimalOrNull(d.downPaymentShare),
    pledgedHoldingId: Number.isInteger(d.pledgedHoldingId) ? (d.pledgedHoldingId as number) : null,
  };
}

/** Monthly payments on loans the customer already holds here (the loans line's customer facts); 0 when none. */
export const monthlyDebtHere = (facts: SuitabilityFacts): string => decimalOrNull(facts.customer.lines.loans?.monthlyDebt) ?? '0';
