import { bankDay, Decimal, text, type RuleHit, type SuitabilityRule } from '../../../src/sdk/index.js';
import { dueDateOf } from '../servicing/schedule.js';
import { SETTING_CROSS_SELL, type CrossSellSetting } from '../settings.js';
import { SOURCES } from './sources.js';

/** The lines whose purchases tie up or risk money a borrower may need for their instalments. */
export const INVESTING_LINES = ['FUNDS', 'GOLD', 'INSURANCE'];

/**
 * 客户评价与开发: after a loan, what the bank offers a borrower takes it into account. A borrower behind
 * on a loan here is told the arrears come first (WARN); a new homeowner (a housing loan paid out within
 * loans.crossSell.newHomeownerMonths) buying something they cannot readily sell (liquidity LOW) is told
 * to keep loans.crossSell.reserveMonths of instalments liquid (WARN). Bundle offers and eligible products
 * read the same rule, so their ranking and explanations follow the loan.
 */
export const loanBorrowerInvesting: SuitabilityRule = {
  id: 'loans.borrower-investing',
  version: '1.0.0',
  lines: INVESTING_LINES,
  regulation: SOURCES.postLoan,
  description: text(
    '借款人投资理财时兼顾还款：逾期先还、新购房者保留还款备付金',
    "A borrower's investments leave room for repayment: arrears first, a new homeowner keeps a repayment reserve",
  ),
  reasons: {
    LOAN_BORROWER_IN_ARREARS: {
      outcome: 'WARN',
      message: text('客户在本行贷款已逾期，应先偿还逾期本息', 'The customer is behind on a loan here: the arrears should be repaid first'),
    },
    LOAN_LIQUIDITY_RESERVE: {
      outcome: 'WARN',
      message: text(
        '客户新近办理住房贷款，该产品流动性低：建议保留 {months} 个月月供（{reserve} 元）的流动资金',
        'The customer took a housing loan recently and this product is illiquid: keep {months} months of instalments (CNY {reserve}) liquid',
      ),
    },
  },
  evaluate(facts, ctx) {
    const f = facts.customer.lines.loans;
    if (!f || facts.sale.side !== 'BUY') return [];
    const hits: RuleHit[] = [];
    if (f.overdue === true) hits.push({ code: 'LOAN_BORROWER_IN_ARREARS', saw: { overdue: f.overdue } });
    const since = f.latestHousingLoanOn;
    if (typeof since === 'string' && facts.product.liquidity === 'LOW') {
      const s = ctx.settings.get<CrossSellSetting>(SETTING_CROSS_SELL);
      // Still "new" until the same day newHomeownerMonths later, on the bank's calendar (China).
      if (bankDay(new Date(facts.now)) < dueDateOf(since, s.newHomeownerMonths)) {
        const monthly = typeof f.monthlyDebt === 'string' ? f.monthlyDebt : '0';
        const reserve = new Decimal(monthly).mul(s.reserveMonths).toFixed(2);
        hits.push({
          code: 'LOAN_LIQUIDITY_RESERVE',
          params: { months: s.reserveMonths, reserve },
          saw: { latestHousingLoanOn: since, liquidity: 'LOW', monthlyDebt: monthly, reserveMonths: s.reserveMonths },
        });
      }
    }
    return hits;
  },
};
