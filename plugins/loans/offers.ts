import { Decimal, text, type LocalizedText, type SettingsReader } from '../../src/sdk/index.js';
import { SETTING_DEBT_RATIOS, SETTING_MAX_AGE, type DebtRatios } from './settings.js';
import { monthlyPayment, principalFor, type LoanTerms, type RepaymentMethod } from './domain.js';

/** What bounds a pre-qualified amount. */
export type OfferLimit = 'PRODUCT_MAXIMUM' | 'DEBT_TO_INCOME' | 'HOUSING_PAYMENT' | 'AGE' | 'NO_INCOME';

export interface Offer {
  available: boolean;
  maxAmount: string | null;
  termMonths: number | null;
  method: RepaymentMethod;
  monthlyPayment: string | null;
  limitedBy: OfferLimit;
  explanation: LocalizedText;
}

/**
 * Pre-qualification (渠道营销 / 识别销售): the largest amount of a product the
 * customer could borrow under the same settings the rules apply — the age at
 * maturity caps the term, and the monthly payment at the longest such term
 * stays within the debt-to-income caps (housing: also the housing cap) of the
 * customer's income, after the payments on loans the customer already has
 * (`monthlyDebt`). Level payments (等额本息) when offered: they allow the larger
 * amount. Indicative only: the application is judged by the rules, with
 * debts declared elsewhere and the property price.
 */
export function offerFor(t: LoanTerms, customer: { age: number; personalAnnualIncome: string }, monthlyDebt: string, settings: SettingsReader): Offer {
  const method: RepaymentMethod = t.repaymentMethods.includes('EQUAL_INSTALMENT') ? 'EQUAL_INSTALMENT' : t.repaymentMethods[0]!;
  const none = (limitedBy: OfferLimit, explanation: LocalizedText): Offer => ({
    available: false,
    maxAmount: null,
    termMonths: null,
    method,
    monthlyPayment: null,
    limitedBy,
    explanation,
  });
  const maxAge = settings.get<number>(SETTING_MAX_AGE);
  const term = Math.min(t.maxTermMonths, (maxAge - customer.age) * 12);
  if (term < t.minTermMonths) return none('AGE', text(`到期年龄将超过 ${maxAge} 岁上限`, `The loan would end after the borrower turns ${maxAge}`));
  const income = new Decimal(customer.personalAnnualIncome).div(12).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  if (income.lte(0)) return none('NO_INCOME', text('无可核实收入', 'No income on file'));
  const caps = settings.get<DebtRatios>(SETTING_DEBT_RATIOS);
  const byDebt = income.mul(caps.totalDebtMax).sub(monthlyDebt);
  const byHousing = t.kind === 'HOUSING' ? income.mul(caps.housingPaymentMax) : null;
  const housingBinds = byHousing !== null && byHousing.lt(byDebt);
  // A cent under the cap: the rule rounds the instalment up.
  const budget = (housingBinds ? byHousing! : byDebt).sub('0.01');
  const byIncome = principalFor(budget, t.annualRate, term, method);
  const max = Decimal.min(t.maxAmount, byIncome);
  const limitedBy: OfferLimit = byIncome.lt(t.maxAmount) ? (housingBinds ? 'HOUSING_PAYMENT' : 'DEBT_TO_INCOME') : 'PRODUCT_MAXIMUM';
  if (max.lt(t.minAmount)) return none(limitedBy, text('收入不足以承担最低贷款额的月供', "The income does not carry the smallest loan's instalment"));
  const payment = monthlyPayment(max, t.annualRate, term, method).toFixed(2);
  const amount = max.toFixed(2);
  const why: Record<OfferLimit, LocalizedText> = {
    PRODUCT_MAXIMUM: text(`产品上限 ${amount} 元`, `the product maximum, CNY ${amount}`),
    DEBT_TO_INCOME: text(
      `月所有债务支出不超过收入的 ${new Decimal(caps.totalDebtMax).mul(100).toFixed()}%`,
      `all monthly debt payments within ${new Decimal(caps.totalDebtMax).mul(100).toFixed()}% of income`,
    ),
    HOUSING_PAYMENT: text(
      `月房产支出不超过收入的 ${new Decimal(caps.housingPaymentMax).mul(100).toFixed()}%`,
      `the housing payment within ${new Decimal(caps.housingPaymentMax).mul(100).toFixed()}% of income`,
    ),
    AGE: text('', ''),
    NO_INCOME: text('', ''),
  };
  return {
    available: true,
    maxAmount: amount,
    termMonths: term,
    method,
    monthlyPayment: payment,
    limitedBy,
    explanation: text(
      `最高约 ${amount} 元，${term} 个月，月供约 ${payment} 元（受限于${why[limitedBy]['zh-CN']}）`,
      `Up to about CNY ${amount} over ${term} months, about CNY ${payment} a month (bounded by ${why[limitedBy].en})`,
    ),
  };
}
