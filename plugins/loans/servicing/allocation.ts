import { Decimal } from '../../../src/sdk/index.js';
import type { InstalmentState } from './classification.js';

/** What a repayment pays of one instalment. */
export interface InstalmentPayment {
  n: number;
  interest: string;
  principal: string;
}

/** An instalment with its number, as the allocation reads it. */
export interface NumberedInstalment extends InstalmentState {
  n: number;
}

/** What is still owed on the loan: principal and interest of every instalment not paid in full. */
export function owed(instalments: readonly NumberedInstalment[]): { principal: Decimal; interest: Decimal } {
  let principal = new Decimal(0);
  let interest = new Decimal(0);
  for (const i of instalments) {
    principal = principal.add(new Decimal(i.principal).sub(i.principalPaid));
    interest = interest.add(new Decimal(i.interest).sub(i.interestPaid));
  }
  return { principal, interest };
}

/**
 * Allocates a repayment (还款) oldest instalment first, each instalment's interest before its
 * principal (the order 《个人贷款管理办法》 contracts usually set: 先息后本): overdue instalments
 * are cleared before the current one, and money beyond the current one pays the next ones as
 * scheduled (no interest is recomputed for paying early). Returns null when the amount exceeds
 * what is owed — the caller refuses it rather than book a credit balance.
 */
export function allocateRepayment(amount: Decimal.Value, instalments: readonly NumberedInstalment[]): InstalmentPayment[] | null {
  let left = new Decimal(amount);
  const total = owed(instalments);
  if (left.gt(total.principal.add(total.interest))) return null;
  const out: InstalmentPayment[] = [];
  for (const i of [...instalments].sort((a, b) => a.n - b.n)) {
    if (left.lte(0)) break;
    const interest = Decimal.min(left, new Decimal(i.interest).sub(i.interestPaid));
    left = left.sub(interest);
    const principal = Decimal.min(left, new Decimal(i.principal).sub(i.principalPaid));
    left = left.sub(principal);
    if (interest.gt(0) || principal.gt(0)) out.push({ n: i.n, interest: interest.toFixed(2), principal: principal.toFixed(2) });
  }
  return out;
}
