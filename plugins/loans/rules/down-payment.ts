import { Decimal, text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { SETTING_DOWN_PAYMENT, type DownPayment } from '../settings.js';
import { isSecondHome, readLoanTerms } from '../domain.js';
import { readLoanSale } from './read-sale.js';
import { SOURCES } from './sources.js';

/**
 * Housing loans: the property's price must be stated, and the down payment
 * ((price − loan) ÷ price, the server's `downPaymentShare`) reach the minimum for
 * a first or a second home (loans.minimumDownPayment; loan-to-value is its complement).
 */
export const loanDownPayment: SuitabilityRule = {
  id: 'loans.down-payment',
  version: '1.0.0',
  lines: ['LOANS'],
  regulation: SOURCES.downPayment2024,
  description: text('住房贷款首付款比例不低于首套 / 二套最低比例', 'Housing loans: down payment at least the first / second home minimum'),
  reasons: {
    LOAN_PROPERTY_VALUE_MISSING: {
      outcome: 'BLOCK',
      message: text('住房贷款须填写房屋成交价（details.propertyValue）', 'A housing loan needs the property price (details.propertyValue)'),
    },
    LOAN_DOWN_PAYMENT_TOO_LOW: {
      outcome: 'BLOCK',
      message: text('首付款比例 {share}% 低于{home}最低 {min}%', 'A down payment of {share}% is below the {homeEn} minimum of {min}%'),
    },
  },
  evaluate(facts, ctx) {
    const t = readLoanTerms(facts.product.details);
    if (!t || t.kind !== 'HOUSING' || facts.sale.side !== 'BUY' || facts.sale.amount === null) return [];
    const sale = readLoanSale(facts);
    // The server computes the share only from a positive price: no share, no price.
    if (sale.downPaymentShare === null) return [{ code: 'LOAN_PROPERTY_VALUE_MISSING', saw: { propertyValue: sale.propertyValue } }];
    const second = isSecondHome(t);
    const min = ctx.settings.get<DownPayment>(SETTING_DOWN_PAYMENT)[second ? 'SECOND_HOME' : 'FIRST_HOME'];
    if (new Decimal(sale.downPaymentShare).gte(min)) return [];
    const pct = (v: string) => new Decimal(v).mul(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed();
    return [
      {
        code: 'LOAN_DOWN_PAYMENT_TOO_LOW',
        params: { share: pct(sale.downPaymentShare), min: pct(min), home: second ? '二套房' : '首套房', homeEn: second ? 'second-home' : 'first-home' },
        saw: { downPaymentShare: sale.downPaymentShare, minimum: min, secondHome: second },
      },
    ];
  },
};
