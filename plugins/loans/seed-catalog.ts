import type { LoanTerms } from './terms.js';

/** A demo loan product: names and the line's terms (rates as of late 2026: LPR 1y 3.00 %, 5y+ 3.50 %). */
export interface LoanProductDef extends LoanTerms {
  code: string;
  nameZh: string;
  nameEn: string;
}

const BOTH = ['EQUAL_INSTALMENT', 'EQUAL_PRINCIPAL'] as LoanTerms['repaymentMethods'];
const LEVEL = ['EQUAL_INSTALMENT'] as LoanTerms['repaymentMethods'];

/** Twelve products: housing (first, second, provident-fund combination), pledge, consumer, small business. */
export const LOAN_PRODUCTS: LoanProductDef[] = [
  { code: 'LOAN-HOME-FIRST', nameZh: '首套个人住房贷款', nameEn: 'First-home mortgage', kind: 'HOUSING', category: 'FIRST_HOME', annualRate: '0.0305', minTermMonths: 60, maxTermMonths: 360, minAmount: '100000', maxAmount: '10000000', repaymentMethods: BOTH, collateral: 'PROPERTY' },
  { code: 'LOAN-HOME-SECOND', nameZh: '二套个人住房贷款', nameEn: 'Second-home mortgage', kind: 'HOUSING', category: 'SECOND_HOME', annualRate: '0.0345', minTermMonths: 60, maxTermMonths: 300, minAmount: '100000', maxAmount: '8000000', repaymentMethods: BOTH, collateral: 'PROPERTY' },
  { code: 'LOAN-HOME-COMBO', nameZh: '公积金组合住房贷款（商业部分）', nameEn: 'Provident-fund combination mortgage (commercial part)', kind: 'HOUSING', category: 'PROVIDENT_COMBINATION', annualRate: '0.0305', minTermMonths: 60, maxTermMonths: 360, minAmount: '50000', maxAmount: '5000000', repaymentMethods: BOTH, collateral: 'PROPERTY' },
  { code: 'LOAN-PLEDGE-DEPOSIT', nameZh: '个人存单质押贷款', nameEn: 'Deposit-pledged personal loan', kind: 'PLEDGE', category: 'DEPOSIT', annualRate: '0.0300', minTermMonths: 1, maxTermMonths: 36, minAmount: '10000', maxAmount: '5000000', repaymentMethods: BOTH, collateral: 'PLEDGE' },
  { code: 'LOAN-PLEDGE-WEALTH', nameZh: '理财产品质押贷款', nameEn: 'Wealth-product-pledged loan', kind: 'PLEDGE', category: 'WEALTH', annualRate: '0.0360', minTermMonths: 1, maxTermMonths: 12, minAmount: '10000', maxAmount: '3000000', repaymentMethods: LEVEL, collateral: 'PLEDGE' },
  { code: 'LOAN-PLEDGE-BOND', nameZh: '国债质押贷款', nameEn: 'Treasury-bond-pledged loan', kind: 'PLEDGE', category: 'BOND', annualRate: '0.0320', minTermMonths: 1, maxTermMonths: 36, minAmount: '10000', maxAmount: '3000000', repaymentMethods: BOTH, collateral: 'PLEDGE' },
  { code: 'LOAN-CAR', nameZh: '个人汽车消费贷款', nameEn: 'Car loan', kind: 'CONSUMER', category: 'CAR', annualRate: '0.0380', minTermMonths: 12, maxTermMonths: 60, minAmount: '20000', maxAmount: '1000000', repaymentMethods: BOTH, collateral: 'VEHICLE' },
  { code: 'LOAN-EDUCATION', nameZh: '个人助学消费贷款', nameEn: 'Education loan', kind: 'CONSUMER', category: 'EDUCATION', annualRate: '0.0350', minTermMonths: 12, maxTermMonths: 96, minAmount: '10000', maxAmount: '300000', repaymentMethods: LEVEL, collateral: 'NONE' },
  { code: 'LOAN-RENOVATION', nameZh: '个人家装消费贷款', nameEn: 'Home renovation loan', kind: 'CONSUMER', category: 'RENOVATION', annualRate: '0.0380', minTermMonths: 12, maxTermMonths: 60, minAmount: '20000', maxAmount: '1000000', repaymentMethods: BOTH, collateral: 'NONE' },
  { code: 'LOAN-CONSUMER-E', nameZh: '个人信用消费贷款（e 贷）', nameEn: 'Unsecured consumer loan (e-loan)', kind: 'CONSUMER', category: 'GENERAL', annualRate: '0.0390', minTermMonths: 6, maxTermMonths: 36, minAmount: '5000', maxAmount: '300000', repaymentMethods: LEVEL, collateral: 'NONE' },
  { code: 'LOAN-BUSINESS-SMALL', nameZh: '个人小微经营贷款', nameEn: 'Small-business owner loan', kind: 'BUSINESS', category: 'SMALL_BUSINESS', annualRate: '0.0350', minTermMonths: 12, maxTermMonths: 60, minAmount: '50000', maxAmount: '5000000', repaymentMethods: BOTH, collateral: 'PROPERTY' },
  { code: 'LOAN-BUSINESS-CREDIT', nameZh: '个人经营信用贷款', nameEn: 'Unsecured business owner loan', kind: 'BUSINESS', category: 'SMALL_BUSINESS', annualRate: '0.0420', minTermMonths: 6, maxTermMonths: 36, minAmount: '50000', maxAmount: '1000000', repaymentMethods: LEVEL, collateral: 'NONE' },
];
