import { Decimal, text, type RuleHit, type SuitabilityRule } from '../../../src/sdk/index.js';
import { SETTING_CREDIT_REPORT_AGE, SETTING_DEBT_RATIOS, type DebtRatios } from '../settings.js';
import { readLoanTerms } from '../domain.js';
import { freshCreditReport, monthlyDebtHere, readLoanSale } from './read-sale.js';
import { SOURCES } from './sources.js';

const pct = (d: Decimal) => d.mul(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);

/**
 * Debt service against income (《商业银行房地产贷款风险管理指引》: 月房产支出与收入比 ≤ 50 %,
 * 月所有债务支出与收入比 ≤ 55 %; settings loans.debtToIncome). Monthly income is the
 * personal annual income ÷ 12; debt is this loan's largest instalment (the server's
 * `monthlyPayment`), the instalments of loans held here, and those elsewhere — declared, or as a fresh
 * credit report shows them when that is more.
 * A housing loan's own instalment is also held to the housing cap. Checked once the
 * application is sized (amount and term).
 */
export const loanDebtToIncome: SuitabilityRule = {
  id: 'loans.debt-to-income',
  version: '1.0.0',
  lines: ['LOANS'],
  regulation: SOURCES.realEstateGuideline,
  description: text(
    '月债务支出与收入比不超过上限（住房贷款另有月房产支出比上限）',
    'Monthly debt payments within the share of income (housing loans also within the housing share)',
  ),
  reasons: {
    LOAN_NO_INCOME: { outcome: 'BLOCK', message: text('借款人无可核实的收入，不能承担还款', 'The borrower has no income on file to repay from') },
    LOAN_DEBT_TO_INCOME: {
      outcome: 'BLOCK',
      message: text(
        '月所有债务支出 {debt} 元占月收入 {income} 元的 {ratio}%，超过 {max}%',
        'Monthly debt payments of CNY {debt} are {ratio}% of the monthly income of CNY {income}, over {max}%',
      ),
    },
    LOAN_HOUSING_PAYMENT_RATIO: {
      outcome: 'BLOCK',
      message: text(
        '月房产支出 {payment} 元占月收入 {income} 元的 {ratio}%，超过 {max}%',
        'The monthly housing payment of CNY {payment} is {ratio}% of the monthly income of CNY {income}, over {max}%',
      ),
    },
  },
  evaluate(facts, ctx) {
    const t = readLoanTerms(facts.product.details);
    const sale = readLoanSale(facts);
    if (!t || facts.sale.side !== 'BUY' || sale.monthlyPayment === null) return [];
    const income = new Decimal(facts.customer.personalAnnualIncome).div(12).toDecimalPlaces(2, Decimal.ROUND_DOWN);
    if (income.lte(0)) return [{ code: 'LOAN_NO_INCOME', saw: { personalAnnualIncome: facts.customer.personalAnnualIncome } }];
    const caps = ctx.settings.get<DebtRatios>(SETTING_DEBT_RATIOS);
    const payment = new Decimal(sale.monthlyPayment);
    // Debt elsewhere: what the borrower declared, or what a fresh credit report shows if that is more.
    const reported = freshCreditReport(facts, ctx.settings.get<number>(SETTING_CREDIT_REPORT_AGE));
    const elsewhere = Decimal.max(sale.declaredMonthlyDebt, reported?.monthlyDebtElsewhere ?? '0');
    const debt = payment.add(monthlyDebtHere(facts)).add(elsewhere);
    const saw = {
      monthlyIncome: income.toFixed(2),
      monthlyPayment: payment.toFixed(2),
      monthlyDebtHere: monthlyDebtHere(facts),
      declaredMonthlyDebt: sale.declaredMonthlyDebt,
      reportedMonthlyDebt: reported === null ? null : reported.monthlyDebtElsewhere,
      caps,
    };
    const hits: RuleHit[] = [];
    const total = debt.div(income);
    if (total.gt(caps.totalDebtMax)) {
      hits.push({
        code: 'LOAN_DEBT_TO_INCOME',
        params: { debt: debt.toFixed(2), income: income.toFixed(2), ratio: pct(total), max: pct(new Decimal(caps.totalDebtMax)) },
        saw,
      });
    }
    const housing = payment.div(income);
    if (t.kind === 'HOUSING' && housing.gt(caps.housingPaymentMax)) {
      hits.push({
        code: 'LOAN_HOUSING_PAYMENT_RATIO',
        params: { payment: payment.toFixed(2), income: income.toFixed(2), ratio: pct(housing), max: pct(new Decimal(caps.housingPaymentMax)) },
        saw,
      });
    }
    return hits;
  },
};
