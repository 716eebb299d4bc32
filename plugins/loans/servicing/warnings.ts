import { Decimal, text, type LocalizedText } from '../../../src/sdk/index.js';

export const LOAN_WARNING_CODES = ['OVERDUE', 'DEBT_TO_INCOME_ABOVE_LIMIT', 'PLEDGE_COVER_BELOW'] as const;
export type LoanWarningCode = (typeof LOAN_WARNING_CODES)[number];

/** A post-loan early-warning signal (贷后风险预警信号), with the figures it saw. */
export interface LoanWarning {
  code: LoanWarningCode;
  message: LocalizedText;
  saw: Record<string, string | number>;
}

/** What the warnings read about a loan and its borrower today. */
export interface WarningInput {
  daysPastDue: number;
  overdueAmount: string;
  /** Monthly income (personal annual income ÷ 12). */
  monthlyIncome: string;
  /** This bank's instalments now due monthly on every open loan of the borrower, plus debt declared elsewhere. */
  monthlyDebt: string;
  totalDebtMax: string;
  /** Pledge loans: the pledged position's value now (null when it can no longer be valued) against the outstanding principal. */
  pledge: { marketValueCny: string | null; outstandingPrincipal: string; warnCoverBelow: string } | null;
}

const pct = (d: Decimal) => d.mul(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);

/**
 * The early-warning signals of a loan (贷后风险预警): an instalment overdue; the borrower's
 * debt service now above the cap (loans.debtToIncome.totalDebtMax) after new debt or lower
 * income; a pledge loan whose pledged position has fallen below the cover ratio (loans.pledge).
 */
export function loanWarnings(w: WarningInput): LoanWarning[] {
  const out: LoanWarning[] = [];
  if (w.daysPastDue > 0) {
    out.push({
      code: 'OVERDUE',
      message: text(`已逾期 ${w.daysPastDue} 天，逾期本息 ${w.overdueAmount} 元`, `${w.daysPastDue} days past due; CNY ${w.overdueAmount} overdue`),
      saw: { daysPastDue: w.daysPastDue, overdueAmount: w.overdueAmount },
    });
  }
  const income = new Decimal(w.monthlyIncome);
  const debt = new Decimal(w.monthlyDebt);
  if (debt.gt(0) && (income.lte(0) || debt.div(income).gt(w.totalDebtMax))) {
    const ratio = income.lte(0) ? '∞' : pct(debt.div(income));
    out.push({
      code: 'DEBT_TO_INCOME_ABOVE_LIMIT',
      message: text(
        `月债务支出 ${debt.toFixed(2)} 元占月收入 ${income.toFixed(2)} 元的 ${ratio}%，已超过 ${pct(new Decimal(w.totalDebtMax))}%`,
        `Monthly debt payments of CNY ${debt.toFixed(2)} are ${ratio}% of the monthly income of CNY ${income.toFixed(2)}, above ${pct(new Decimal(w.totalDebtMax))}%`,
      ),
      saw: { monthlyDebt: debt.toFixed(2), monthlyIncome: income.toFixed(2), totalDebtMax: w.totalDebtMax },
    });
  }
  const p = w.pledge;
  if (p && new Decimal(p.outstandingPrincipal).gt(0)) {
    const value = p.marketValueCny === null ? new Decimal(0) : new Decimal(p.marketValueCny);
    const cover = value.div(p.outstandingPrincipal);
    if (cover.lt(p.warnCoverBelow)) {
      out.push({
        code: 'PLEDGE_COVER_BELOW',
        message: text(
          `质押物市值 ${value.toFixed(2)} 元仅为贷款余额 ${p.outstandingPrincipal} 元的 ${cover.toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2)} 倍，低于 ${p.warnCoverBelow} 倍`,
          `The pledged position is worth CNY ${value.toFixed(2)}, ${cover.toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2)}× the outstanding CNY ${p.outstandingPrincipal}, below ${p.warnCoverBelow}×`,
        ),
        saw: {
          marketValueCny: value.toFixed(2),
          outstandingPrincipal: p.outstandingPrincipal,
          cover: cover.toDecimalPlaces(4, Decimal.ROUND_DOWN).toFixed(4),
          warnCoverBelow: p.warnCoverBelow,
        },
      });
    }
  }
  return out;
}
