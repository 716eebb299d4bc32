import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { Decimal, inIds, type Db } from '../../../src/sdk/index.js';
import { loanDetails, loanInstalments, loans } from '../schema.js';

/** What the loans line knows about a borrower (the rules' `customer.lines.loans`). */
export interface BorrowerFacts {
  /** Open loans here. */
  activeLoans: number;
  /** The instalment each open loan asks for next (principal + interest), summed: the debt service the ratio rules add. */
  monthlyDebt: string;
  outstandingPrincipal: string;
  /** Whether any open loan has an instalment past due and unpaid on `today`. */
  overdue: boolean;
  /** The bank's day the latest housing loan was paid out (null: none open) — a new homeowner's life stage. */
  latestHousingLoanOn: string | null;
}

/**
 * Borrower facts of customers on the bank's day `today`, in one statement: each open loan with its
 * first instalment not paid in full (repayments clear the oldest first, so it is also the oldest unpaid one).
 */
export async function borrowerFacts(db: Db, customerIds: readonly number[], today: string): Promise<Map<number, BorrowerFacts>> {
  const out = new Map<number, BorrowerFacts>();
  if (customerIds.length === 0) return out;
  const rows = await db
    .selectDistinctOn([loans.id], {
      customerId: loans.customerId,
      outstanding: loans.outstandingPrincipal,
      kind: loanDetails.kind,
      disbursedOn: loans.disbursedOn,
      dueDate: loanInstalments.dueDate,
      principal: loanInstalments.principal,
      interest: loanInstalments.interest,
    })
    .from(loans)
    .innerJoin(loanInstalments, and(eq(loanInstalments.loanId, loans.id), isNull(loanInstalments.paidAt)))
    .leftJoin(loanDetails, eq(loanDetails.productId, loans.productId))
    .where(and(inIds(loans.customerId, customerIds), eq(loans.status, 'ACTIVE')))
    .orderBy(asc(loans.id), asc(loanInstalments.n));
  for (const r of rows) {
    const f = out.get(r.customerId) ?? { activeLoans: 0, monthlyDebt: '0.00', outstandingPrincipal: '0.00', overdue: false, latestHousingLoanOn: null };
    f.activeLoans += 1;
    f.monthlyDebt = new Decimal(f.monthlyDebt).add(r.principal).add(r.interest).toFixed(2);
    f.outstandingPrincipal = new Decimal(f.outstandingPrincipal).add(r.outstanding).toFixed(2);
    f.overdue ||= r.dueDate < today;
    if (r.kind === 'HOUSING' && (f.latestHousingLoanOn === null || r.disbursedOn > f.latestHousingLoanOn)) f.latestHousingLoanOn = r.disbursedOn;
    out.set(r.customerId, f);
  }
  return out;
}

/** Outstanding principal of customers' open loans, in CNY: the line's `liabilities`. */
export async function outstandingByCustomer(db: Db, customerIds: readonly number[]): Promise<Map<number, string>> {
  if (customerIds.length === 0) return new Map();
  const rows = await db
    .select({ customerId: loans.customerId, owed: sql<string>`sum(${loans.outstandingPrincipal})::text` })
    .from(loans)
    .where(and(inIds(loans.customerId, customerIds), eq(loans.status, 'ACTIVE')))
    .groupBy(loans.customerId);
  return new Map(rows.map((r) => [r.customerId, new Decimal(r.owed).toFixed(2)]));
}
