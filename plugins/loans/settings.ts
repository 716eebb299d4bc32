import { z } from 'zod';
import { text, type SettingDefinition } from '../../src/sdk/index.js';

const share = z.string().regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, 'a fraction between 0 and 1, such as "0.55"');
const cover = z.string().regex(/^\d{1,2}(\.\d{1,4})?$/, 'a ratio such as "1.2"');
const amount = z.string().regex(/^\d{1,14}(\.\d{1,2})?$/, 'an amount such as "300000"');

export const SETTING_DEBT_RATIOS = 'loans.debtToIncome';
export const SETTING_DOWN_PAYMENT = 'loans.minimumDownPayment';
export const SETTING_MAX_AGE = 'loans.maxAgeAtMaturity';
export const SETTING_PROHIBITED_PURPOSES = 'loans.prohibitedPurposes';
export const SETTING_ENTRUSTED_PAYMENT = 'loans.entrustedPaymentAbove';
export const SETTING_PLEDGE = 'loans.pledge';
export const SETTING_CLASSIFICATION = 'loans.classification';
export const SETTING_REMINDERS = 'loans.reminders';
export const SETTING_CROSS_SELL = 'loans.crossSell';
export const SETTING_CREDIT_REPORT_AGE = 'loans.creditReportMaxAgeDays';

export interface CrossSellSetting {
  /** A housing loan paid out within this many months makes the borrower a new homeowner. */
  newHomeownerMonths: number;
  /** Months of instalments a new homeowner is advised to keep liquid. */
  reserveMonths: number;
}

/** Pledge categories of the pledge products (loans_details.category). */
export type PledgeCategory = 'DEPOSIT' | 'WEALTH' | 'BOND';
export interface PledgeSetting {
  /** The product lines whose positions may be pledged, per pledge category. */
  lines: Record<PledgeCategory, string[]>;
  /** Highest loan as a share of the pledged position's market value (质押率). */
  maxLoanToValue: Record<PledgeCategory, string>;
  /** Post-loan warning when the position's value ÷ the outstanding principal falls below this (覆盖率). */
  warnCoverBelow: Record<PledgeCategory, string>;
}
export interface ReminderSetting {
  /** An instalment falling due within this many days is a reminder in the manager's work queue. */
  dueWithinDays: number;
  /** Queue priorities (core.workQueue's scale: complaints 100, overdue contacts 80…). */
  priorities: { LOANS_OVERDUE: number; LOANS_REPAYMENT_DUE: number };
}

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
    description: text('贷款到期时借款人年龄上限（周岁）', "Highest borrower age at the loan's maturity (years)"),
    schema: z.number().int().min(18).max(100),
    default: 70,
  } satisfies SettingDefinition<number>,
  {
    key: SETTING_PROHIBITED_PURPOSES,
    description: text(
      '个人消费与经营贷款不得用于的用途（购房、证券、理财等；《个人贷款管理办法》及监管对消费贷流入楼市股市的禁令）',
      "Purposes consumer and business loans may not finance (home purchase, securities, wealth products…; personal loan rules and the supervisors' ban on consumer credit flowing into property and stock markets)",
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
  {
    key: SETTING_PLEDGE,
    description: text(
      '质押贷款：可质押的产品线、质押率上限（贷款金额 ÷ 质押物市值）与贷后覆盖率预警线（质押物市值 ÷ 贷款余额）',
      'Pledge loans: the lines whose positions may be pledged, the highest loan-to-value of the pledged position, and the post-loan cover ratio (value ÷ outstanding) below which a warning is raised',
    ),
    schema: z.object({
      lines: z.object({
        DEPOSIT: z.array(z.string().regex(/^[A-Z_]{2,30}$/)),
        WEALTH: z.array(z.string().regex(/^[A-Z_]{2,30}$/)),
        BOND: z.array(z.string().regex(/^[A-Z_]{2,30}$/)),
      }),
      maxLoanToValue: z.object({ DEPOSIT: share, WEALTH: share, BOND: share }),
      warnCoverBelow: z.object({ DEPOSIT: cover, WEALTH: cover, BOND: cover }),
    }),
    // Foreign-currency deposits are the deposits finmart holds (the forex line); wealth products are funds. No line holds bonds yet.
    default: {
      lines: { DEPOSIT: ['FOREX'], WEALTH: ['FUNDS'], BOND: [] },
      maxLoanToValue: { DEPOSIT: '0.9', WEALTH: '0.7', BOND: '0.9' },
      warnCoverBelow: { DEPOSIT: '1.05', WEALTH: '1.2', BOND: '1.05' },
    },
  } satisfies SettingDefinition<PledgeSetting>,
  {
    key: SETTING_CLASSIFICATION,
    description: text(
      '贷款五级分类的逾期天数界限（《商业银行金融资产风险分类办法》2023：逾期超过 90 天至少次级、超过 270 天至少可疑、超过 360 天损失；任何逾期至少关注）',
      'Days past due beyond which a loan is at least substandard, doubtful, loss (NFRA–PBOC financial asset risk classification measures 2023: 90, 270, 360; any overdue is at least special mention)',
    ),
    schema: z
      .object({ substandardAfterDays: z.number().int().min(1), doubtfulAfterDays: z.number().int().min(1), lossAfterDays: z.number().int().min(1) })
      .refine(
        (t) => t.substandardAfterDays < t.doubtfulAfterDays && t.doubtfulAfterDays < t.lossAfterDays,
        'the days must increase: substandard < doubtful < loss',
      ),
    default: { substandardAfterDays: 90, doubtfulAfterDays: 270, lossAfterDays: 360 },
  } satisfies SettingDefinition<{ substandardAfterDays: number; doubtfulAfterDays: number; lossAfterDays: number }>,
  {
    key: SETTING_REMINDERS,
    description: text(
      '还款提醒：到期日前多少天起进入客户经理待办，及到期与逾期提醒的优先级',
      "Repayment reminders: how many days before an instalment falls due it enters the manager's work queue, and the queue priorities of due and overdue loans",
    ),
    schema: z.object({
      dueWithinDays: z.number().int().min(0).max(60),
      priorities: z.object({ LOANS_OVERDUE: z.number().int(), LOANS_REPAYMENT_DUE: z.number().int() }),
    }),
    default: { dueWithinDays: 7, priorities: { LOANS_OVERDUE: 85, LOANS_REPAYMENT_DUE: 58 } },
  } satisfies SettingDefinition<ReminderSetting>,
  {
    key: SETTING_CREDIT_REPORT_AGE,
    description: text(
      '贷款审批所依据的征信报告最长有效天数（过期须重新查询）',
      'Oldest credit report (days) a loan decision may rest on; older, a new query is needed',
    ),
    schema: z.number().int().min(1).max(365),
    default: 30,
  } satisfies SettingDefinition<number>,
  {
    key: SETTING_CROSS_SELL,
    description: text(
      '贷后交叉销售：住房贷款发放后多少个月内视为新购房客户，建议保留几个月月供的流动资金',
      'Cross-sell after a loan: months after a housing loan during which the borrower is a new homeowner, and how many months of instalments they are advised to keep liquid',
    ),
    schema: z.object({ newHomeownerMonths: z.number().int().min(0).max(120), reserveMonths: z.number().int().min(0).max(36) }),
    default: { newHomeownerMonths: 12, reserveMonths: 6 },
  } satisfies SettingDefinition<CrossSellSetting>,
] as SettingDefinition[];
