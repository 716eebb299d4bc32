import { z } from 'zod';
import { text, type SettingDefinition } from '../../src/sdk/index.js';

const share = z.string().regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, 'a fraction between 0 and 1, such as "0.55"');
const amount = z.string().regex(/^\d{1,14}(\.\d{1,2})?$/, 'an amount such as "300000"');

export const SETTING_DEBT_RATIOS = 'loans.debtToIncome';
export const SETTING_DOWN_PAYMENT = 'loans.minimumDownPayment';
export const SETTING_MAX_AGE = 'loans.maxAgeAtMaturity';
export const SETTING_PROHIBITED_PURPOSES = 'loans.prohibitedPurposes';
export const SETTING_ENTRUSTED_PAYMENT = 'loans.entrustedPaymentAbove';

export interface DebtRatios {
  /** Monthly housing payments ÷ monthly income (月房产支出与收入比). */
  housingPaymentMax: string;
  /** All monthly debt payments ÷ monthly income (月所有债务支出与收入比). */
  totalDebtMax: string;
}
export interface DownPayment {
  FIRST_HOME: string;
  SECOND_HOME: string;
}
export interface EntrustedPayment {
  consumer: string;
  business: string;
}

/** The loans line's bank settings. */
export const loanSettings: SettingDefinition[] = [
  {
    key: SETTING_DEBT_RATIOS,
    description: text(
      '借款人月房产支出与收入比、月所有债务支出与收入比的上限（《商业银行房地产贷款风险管理指引》：50% 与 55%）',
      'Caps on monthly housing payments and on all monthly debt payments as shares of monthly income (CBRC real-estate lending guideline: 50 % and 55 %)',
    ),
    schema: z.object({ housingPaymentMax: share, totalDebtMax: share }),
    default: { housingPaymentMax: '0.5', totalDebtMax: '0.55' },
  } satisfies SettingDefinition<DebtRatios>,
  {
    key: SETTING_DOWN_PAYMENT,
    description: text(
      '个人住房贷款最低首付款比例（首套 / 二套；银发〔2024〕102 号：15% / 25%，当地可上浮）',
      'Minimum down payment for housing loans, first / second home (PBOC–NFRA notice 2024 No. 102: 15 % / 25 %, local floors may be higher)',
    ),
    schema: z.object({ FIRST_HOME: share, SECOND_HOME: share }),
    default: { FIRST_HOME: '0.15', SECOND_HOME: '0.25' },
  } satisfies SettingDefinition<DownPayment>,
  {
    key: SETTING_MAX_AGE,
    description: text('贷款到期时借款人年龄上限（周岁）', 'Highest borrower age at the loan\'s maturity (years)'),
    schema: z.number().int().min(18).max(100),
    default: 70,
  } satisfies SettingDefinition<number>,
  {
    key: SETTING_PROHIBITED_PURPOSES,
    description: text(
      '个人消费与经营贷款不得用于的用途（购房、证券、理财等；《个人贷款管理办法》及监管对消费贷流入楼市股市的禁令）',
      'Purposes consumer and business loans may not finance (home purchase, securities, wealth products…; personal loan rules and the supervisors\' ban on consumer credit flowing into property and stock markets)',
    ),
    schema: z.array(z.string().regex(/^[A-Z_]{2,40}$/)),
    default: ['HOME_PURCHASE', 'PROPERTY', 'SECURITIES', 'WEALTH_PRODUCTS'],
  } satisfies SettingDefinition<string[]>,
  {
    key: SETTING_ENTRUSTED_PAYMENT,
    description: text(
      '须采用受托支付的单笔金额（超过即须受托支付；《个人贷款管理办法》2024：消费贷 30 万元、经营贷 50 万元）',
      'Single-loan amounts above which entrusted payment (受托支付) is required (personal loan rules 2024: consumer CNY 300,000, business CNY 500,000)',
    ),
    schema: z.object({ consumer: amount, business: amount }),
    default: { consumer: '300000', business: '500000' },
  } satisfies SettingDefinition<EntrustedPayment>,
] as SettingDefinition[];
