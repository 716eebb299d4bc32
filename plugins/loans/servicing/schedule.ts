import { Decimal } from '../../../src/sdk/index.js';
import { monthlyPayment, type RepaymentMethod } from '../domain.js';

/** One scheduled instalment: its number (1…term), due date (the bank's calendar day, YYYY-MM-DD), principal and interest. */
export interface ScheduledInstalment {
  n: number;
  dueDate: string;
  principal: string;
  interest: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The due date of instalment `n` of a loan disbursed on `disbursedOn` (YYYY-MM-DD):
 * the same day of the month `n` months later, or that month's last day when it is shorter
 * (a loan disbursed on 31 January is due on 28/29 February, then 31 March). `n` may be negative (months before).
 */
export function dueDateOf(disbursedOn: string, n: number): string {
  const [y, m, d] = disbursedOn.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + n;
  const year = y + Math.floor(monthIndex / 12);
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/**
 * The repayment schedule (还款计划) of a loan: monthly, interest on the outstanding
 * principal at the annual rate ÷ 12, rounded half-up to the cent each month.
 * 等额本息 (EQUAL_INSTALMENT): every instalment is the level payment the rules judged
 * (`monthlyPayment`, rounded up to the cent), the last one takes what is left so the
 * principal sums exactly. 等额本金 (EQUAL_PRINCIPAL): the principal ÷ term each month
 * (rounded down to the cent, the last one takes the rest) plus that month's interest.
 */
export function repaymentSchedule(principal: string, annualRate: string, months: number, method: RepaymentMethod, disbursedOn: string): ScheduledInstalment[] {
  if (!Number.isInteger(months) || months <= 0) throw new Error('months must be a positive integer');
  const p = new Decimal(principal);
  const r = new Decimal(annualRate).div(12);
  const level = method === 'EQUAL_INSTALMENT' ? monthlyPayment(p, annualRate, months, method) : null;
  const slice = p.div(months).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  const out: ScheduledInstalment[] = [];
  let balance = p;
  for (let n = 1; n <= months; n++) {
    const interest = balance.mul(r).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    let part = level ? level.sub(interest) : slice;
    // The last instalment clears the balance; a level payment smaller than the interest never happens at lending rates, but never let principal go negative.
    if (n === months || part.gt(balance)) part = balance;
    if (part.lt(0)) part = new Decimal(0);
    out.push({ n, dueDate: dueDateOf(disbursedOn, n), principal: part.toFixed(2), interest: interest.toFixed(2) });
    balance = balance.sub(part);
  }
  return out;
}
