import { z } from 'zod';
import { text, type LocalizedText } from '../../i18n/localized.js';

const amount = z.string().regex(/^\d{1,14}(\.\d{1,2})?$/, 'an amount such as "1200.50"');
const name = z.string().trim().min(1).max(60);

/**
 * What each kind of external report carries, and who may report it. The payload is validated against
 * its schema before anything is written; unknown keys are refused (a report says what it says, nothing more).
 */
export const REPORT_KINDS = {
  /** 征信报告 from the credit bureau (人民银行征信中心): cards and loans at other institutions, overdue history. */
  CREDIT_REPORT: {
    source: 'CREDIT_BUREAU',
    name: text('个人信用报告', 'Personal credit report'),
    schema: z.strictObject({
      cards: z.array(z.strictObject({ issuer: name, type: z.enum(['CREDIT', 'DEBIT']), student: z.boolean() })).max(100),
      loans: z
        .array(z.strictObject({ lender: name, kind: z.enum(['HOUSING', 'CAR', 'CONSUMER', 'BUSINESS', 'OTHER']), monthlyPayment: amount, outstanding: amount }))
        .max(100),
      overdue: z.strictObject({ current: z.boolean(), maxDaysLast24Months: z.number().int().min(0).max(10_000) }),
    }),
  },
  /** 外汇局个人年度购汇额度使用情况: purchases made at other banks in a calendar year. */
  FX_ANNUAL_PURCHASES: {
    source: 'FX_AUTHORITY',
    name: text('年度购汇额度使用情况', 'Annual FX purchases (FX authority)'),
    schema: z.strictObject({ year: z.number().int().min(2000).max(2100), purchasedUsdElsewhere: amount }),
  },
  /** 收入核实: income verified from a document. */
  INCOME: {
    source: 'INCOME_VERIFICATION',
    name: text('收入证明核实', 'Income verification'),
    schema: z.strictObject({ annualIncome: amount, method: z.enum(['PAYSLIP', 'TAX_RECORD', 'BANK_STATEMENT', 'EMPLOYER_LETTER']), employer: name.optional() }),
  },
} as const satisfies Record<string, { source: string; name: LocalizedText; schema: z.ZodType }>;

export type ReportKind = keyof typeof REPORT_KINDS;
