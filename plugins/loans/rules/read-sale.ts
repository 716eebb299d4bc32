import { Decimal, decimalOrNull, type SuitabilityFacts } from '../../../src/sdk/index.js';

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

/**
 * A figure from the sale details or a report, as its text: absent (not a string, or '') is null; text that is no
 * decimal (the SDK's `decimalOrNull`: 'abc', 'NaN', 'Infinity', padded) throws, so every loans rule reading the sale
 * fails closed (RULE_ERROR, BLOCK) rather than reading an unreadable debt or payment as none.
 */
function figure(v: unknown): string | null {
  if (typeof v !== 'string' || v === '') return null;
  if (decimalOrNull(v) === null) throw new Error(`loans: unreadable figure ${JSON.stringify(v)}`);
  return v;
}

export function readLoanSale(facts: SuitabilityFacts): LoanSale {
  const d = facts.sale.details;
  return {
    termMonths: Number.isInteger(d.termMonths) ? (d.termMonths as number) : null,
    purpose: typeof d.purpose === 'string' ? d.purpose : null,
    propertyValue: figure(d.propertyValue),
    declaredMonthlyDebt: figure(d.declaredMonthlyDebt) ?? '0',
    entrustedPayment: d.entrustedPayment === true,
    monthlyPayment: figure(d.monthlyPayment),
    downPaymentShare: figure(d.downPaymentShare),
    pledgedHoldingId: Number.isInteger(d.pledgedHoldingId) ? (d.pledgedHoldingId as number) : null,
  };
}

/** Monthly payments on loans the customer already holds here (the loans line's customer facts); 0 when none. */
export const monthlyDebtHere = (facts: SuitabilityFacts): string => figure(facts.customer.lines.loans?.monthlyDebt) ?? '0';

/**
 * The credit bureau's report when one no older than loans.creditReportMaxAgeDays is on file (else null: what it
 * would say is unknown), with the monthly payments it shows on loans elsewhere.
 */
export function freshCreditReport(facts: SuitabilityFacts, maxAgeDays: number): { ageDays: number; overdueNow: boolean; monthlyDebtElsewhere: string } | null {
  const r = facts.customer.external.CREDIT_REPORT;
  if (!r || r.ageDays > maxAgeDays) return null;
  let monthly = new Decimal(0);
  const loans = r.payload.loans;
  if (Array.isArray(loans)) for (const l of loans as (Record<string, unknown> | null)[]) monthly = monthly.add(figure(l?.monthlyPayment) ?? '0');
  const overdue = r.payload.overdue as Record<string, unknown> | undefined;
  return { ageDays: r.ageDays, overdueNow: overdue?.current === true, monthlyDebtElsewhere: monthly.toFixed(2) };
}
