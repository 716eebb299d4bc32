import { Decimal } from '../../../src/sdk/index.js';
import { classify, daysPastDue, isPaid, type ClassificationThresholds, type InstalmentState, type LoanClass } from './classification.js';

/** An instalment of the schedule as stored. */
export interface StoredInstalment extends InstalmentState {
  n: number;
}

/** Where a loan stands on a given day: derived from its schedule, never stored (so it cannot go stale). */
export interface LoanState {
  outstandingPrincipal: string;
  daysPastDue: number;
  classification: LoanClass;
  /** Principal and interest of the instalments past due and unpaid. */
  overduePrincipal: string;
  overdueInterest: string;
  /** The first instalment not paid in full (null: settled). */
  next: StoredInstalment | null;
}

/** The state of a loan on the bank's day `today` (YYYY-MM-DD). */
export function loanState(instalments: readonly StoredInstalment[], today: string, thresholds: ClassificationThresholds): LoanState {
  let outstanding = new Decimal(0);
  let overduePrincipal = new Decimal(0);
  let overdueInterest = new Decimal(0);
  let next: StoredInstalment | null = null;
  for (const i of [...instalments].sort((a, b) => a.n - b.n)) {
    const principalLeft = new Decimal(i.principal).sub(i.principalPaid);
    outstanding = outstanding.add(principalLeft);
    if (isPaid(i)) continue;
    next ??= i;
    if (i.dueDate < today) {
      overduePrincipal = overduePrincipal.add(principalLeft);
      overdueInterest = overdueInterest.add(new Decimal(i.interest).sub(i.interestPaid));
    }
  }
  const dpd = daysPastDue(instalments, today);
  return {
    outstandingPrincipal: outstanding.toFixed(2),
    daysPastDue: dpd,
    classification: classify(dpd, thresholds),
    overduePrincipal: overduePrincipal.toFixed(2),
    overdueInterest: overdueInterest.toFixed(2),
    next,
  };
}
