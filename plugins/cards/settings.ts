import { z } from 'zod';
import { text, type SettingDefinition } from '../../src/sdk/index.js';

const cny = z.string().regex(/^\d+(\.\d+)?$/, 'a decimal amount in CNY');

/** Limits of Class II and Class III accounts (银发〔2016〕302号, 〔2018〕16号), in CNY. */
export interface AccountClassLimits {
  /** Class II: non-linked inflows and outflows, each per day and per year. */
  CLASS_II: { dailyCny: string; annualCny: string };
  /** Class III: balance cap, plus the same per-day and per-year limits. */
  CLASS_III: { balanceCny: string; dailyCny: string; annualCny: string };
}

/** Setting keys, so rules and resolvers never spell them twice. */
export const SETTING = {
  maxCardsPerCustomer: 'cards.maxCardsPerCustomer',
  studentCardBankCap: 'cards.studentCardBankCap',
  creditReportMaxAgeDays: 'cards.creditReportMaxAgeDays',
  minimumAgePrimaryCredit: 'cards.minimumAgePrimaryCredit',
  accountClassLimits: 'cards.accountClassLimits',
} as const;

/** The cards line's bank settings and their defaults. */
export const cardsSettings: SettingDefinition[] = [
  {
    key: SETTING.maxCardsPerCustomer,
    description: text('每位客户在本行最多持有的银行卡数（借记卡与信用卡合计）', 'Most cards of this bank one customer may hold (debit and credit together)'),
    schema: z.number().int().min(1),
    default: 5,
  },
  {
    key: SETTING.studentCardBankCap,
    description: text('学生持有学生信用卡的发卡银行家数上限（含本行）', 'Most banks a student may hold student credit cards from (this bank included)'),
    schema: z.number().int().min(1),
    default: 2,
  },
  {
    key: SETTING.creditReportMaxAgeDays,
    description: text(
      '学生信用卡审批所依据的征信报告的最长有效天数（过期须重新查询）',
      'Oldest credit report (days) a student card decision may rest on; older, a new query is needed',
    ),
    schema: z.number().int().min(1).max(365),
    default: 30,
  },
  {
    key: SETTING.minimumAgePrimaryCredit,
    description: text('申请信用卡主卡的最低年龄（附属卡不受限）', 'Minimum age for a primary credit card (supplementary cards exempt)'),
    // The regulation's floor is 18; a bank may only be stricter.
    schema: z.number().int().min(18).max(100),
    default: 18,
  },
  {
    key: SETTING.accountClassLimits,
    description: text('二、三类账户限额（人民币）', 'Class II and Class III account limits (CNY)'),
    schema: z.object({
      CLASS_II: z.object({ dailyCny: cny, annualCny: cny }),
      CLASS_III: z.object({ balanceCny: cny, dailyCny: cny, annualCny: cny }),
    }),
    default: {
      CLASS_II: { dailyCny: '10000', annualCny: '200000' },
      CLASS_III: { balanceCny: '2000', dailyCny: '2000', annualCny: '50000' },
    } satisfies AccountClassLimits,
  },
];
