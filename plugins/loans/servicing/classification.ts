import { Decimal } from '../../../src/sdk/index.js';

/** The five categories of loan quality (贷款五级分类), best first. */
export const LOAN_CLASSES = ['NORMAL', 'SPECIAL_MENTION', 'SUBSTANDARD', 'DOUBTFUL', 'LOSS'] as const;
export type LoanClass = (typeof LOAN_CLASSES)[number];

/** Days past due above which a loan is at least substandard, doubtful, loss (setting loans.classification). */
export interface ClassificationThresholds {
  substandardAfterDays: number;
  doubtfulAfterDays: number;
  lossAfterDays: number;
}

/** What the schedule says about one instalment, for days past due. */
export interface InstalmentState {
  dueDate: string;
  principal: string;
  interest: string;
  principalPaid: string;
  interestPaid: string;
}

const DAY_MS = 86_400_000;
const dayNumber = (isoDay: string) => Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS;

/** Whether an instalment is paid in full. */
export const isPaid = (i: InstalmentState): boolean => new Decimal(i.principalPaid).gte(i.principal) && new Decimal(i.interestPaid).gte(i.interest);

/**
 * Days past due (逾期天数) on the bank's day `today` (YYYY-MM-DD): days since the due date of the
 * oldest instalment not paid in full whose due date has passed; 0 when none is. An instalment is
 * overdue from the day after its due date.
 */
export function daysPastDue(instalments: readonly InstalmentState[], today: string): number {
  let oldest: string | null = null;
  for (const i of instalments) if (i.dueDate < today && !isPaid(i) && (oldest === null || i.dueDate < oldest)) oldest = i.dueDate;
  return oldest === null ? 0 : dayNumber(today) - dayNumber(oldest);
}

/**
 * The category of a loan from its days past due, as 《商业银行金融资产风险分类办法》(2023) draws the
 * lines by default: 正常 none overdue; 关注 any overdue; 次级 over 90 days; 可疑 over 270; 损失 over 360.
 */
export function classify(dpd: number, t: ClassificationThresholds): LoanClass {
  if (dpd > t.lossAfterDays) return 'LOSS';
  if (dpd > t.doubtfulAfterDays) return 'DOUBTFUL';
  if (dpd > t.substandardAfterDays) return 'SUBSTANDARD';
  if (dpd > 0) return 'SPECIAL_MENTION';
  return 'NORMAL';
}
