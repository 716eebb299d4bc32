import { z } from 'zod';
import { text } from '../i18n/localized.js';
import type { SettingDefinition } from './registry.js';
import { complaintSettings } from '../domain/complaints/complaint.settings.js';
import { classificationSettings } from '../domain/customers/classification.settings.js';
import { kpiSettings } from '../domain/kpis/kpi.settings.js';
import { leadSettings } from '../domain/leads/lead.settings.js';
import { approvalAuthoritySettings } from '../controls/four-eyes.js';
import { bundleSettings } from '../bundles/bundle.settings.js';
import { disabledRulesSetting } from '../suitability/active-rules.js';
import { counterSetting } from '../domain/branch-floor/counter.settings.js';
import { pointsSetting } from '../points/points.settings.js';
import { makerCheckerSetting } from '../controls/maker-checker/maker-checker.settings.js';

const money = z.string().regex(/^\d+(\.\d+)?$/);
const days = z.number().int().min(1);
const grade = z.enum(['JUNIOR', 'INTERMEDIATE', 'SENIOR', 'PRINCIPAL']);

/** Core bank settings and their defaults. */
export const coreSettings: SettingDefinition[] = [
  {
    key: 'core.riskAssessmentValidityDays',
    description: text('风险测评有效期（天）', 'Risk assessment validity (days)'),
    schema: z.number().int().min(1),
    default: 365,
  },
  {
    key: 'core.tierThresholdsCny',
    description: text('客户等级资产门槛（人民币）', 'Tier asset thresholds in CNY'),
    schema: z.object({ GOLD: money, PLATINUM: money, DIAMOND: money, PRIVATE_BANKING: money }),
    default: { GOLD: '50000', PLATINUM: '500000', DIAMOND: '2000000', PRIVATE_BANKING: '6000000' },
  },
  {
    key: 'core.activityByBusiness',
    description: text(
      '活跃度（以业务发生频率评价）：统计窗口（天）及经常联系户、流动户的最少业务笔数（未撤销的订单与联系到客户的联系）',
      'Activity by frequency of business: rolling window (days) and the least business (orders not cancelled, contacts that reached the customer) for FREQUENT and OCCASIONAL',
    ),
    schema: z
      .object({ windowDays: z.number().int().min(1), frequentFrom: z.number().int().min(1), occasionalFrom: z.number().int().min(1) })
      .refine((v) => v.frequentFrom > v.occasionalFrom, 'frequentFrom must exceed occasionalFrom'),
    // A rolling year: dormant (休眠) after a year without business, as the old recency windows had it;
    // quarterly business or more is frequent (经常联系).
    default: { windowDays: 365, frequentFrom: 4, occasionalFrom: 1 },
  },
  {
    key: 'core.contactCadenceDays',
    description: text(
      '客户联系计划：各客户等级×活跃度的联系周期（天），如私人银行每 14 天、休眠户每季度唤醒',
      'Contact plans: days between contacts per tier × activity (e.g. private banking every 14 days, dormant customers a quarterly reactivation call)',
    ),
    schema: z.object(
      Object.fromEntries(
        ['STANDARD', 'GOLD', 'PLATINUM', 'DIAMOND', 'PRIVATE_BANKING'].map((t) => [t, z.object({ FREQUENT: days, OCCASIONAL: days, DORMANT: days })]),
      ) as Record<
        'STANDARD' | 'GOLD' | 'PLATINUM' | 'DIAMOND' | 'PRIVATE_BANKING',
        z.ZodObject<{ FREQUENT: typeof days; OCCASIONAL: typeof days; DORMANT: typeof days }>
      >,
    ),
    default: {
      STANDARD: { FREQUENT: 180, OCCASIONAL: 180, DORMANT: 90 },
      GOLD: { FREQUENT: 90, OCCASIONAL: 90, DORMANT: 90 },
      PLATINUM: { FREQUENT: 30, OCCASIONAL: 60, DORMANT: 90 },
      DIAMOND: { FREQUENT: 21, OCCASIONAL: 30, DORMANT: 60 },
      PRIVATE_BANKING: { FREQUENT: 14, OCCASIONAL: 14, DORMANT: 30 },
    },
  },
  {
    key: 'core.workQueue',
    description: text(
      '客户经理工作台：提前提醒的天数/小时数，以及各类待办的优先级（越大越靠前）',
      "Manager work queue: look-ahead days/hours per kind, and each kind's priority (higher comes first)",
    ),
    schema: z.object({
      contactDueWithinDays: z.number().int().min(0),
      assessmentExpiringWithinDays: z.number().int().min(0),
      coolingOffEndingWithinHours: z.number().int().min(0),
      productMaturingWithinDays: z.number().int().min(0),
      priorities: z.object({
        COMPLAINT_OPEN: z.number().int(),
        RISK_ASSESSMENT_EXPIRED: z.number().int(),
        CONTACT_OVERDUE: z.number().int(),
        COOLING_OFF_ENDING: z.number().int(),
        PRODUCT_MATURING: z.number().int(),
        RISK_ASSESSMENT_EXPIRING: z.number().int(),
        DORMANT_REACTIVATION: z.number().int(),
        CONTACT_DUE: z.number().int(),
        UNASSIGNED: z.number().int(),
        // Added after the others: a stored value without it keeps working.
        NEAR_NEXT_TIER: z.number().int().default(45),
        LEAD_FEEDBACK_OVERDUE: z.number().int().default(75),
        LEAD_NEW: z.number().int().default(55),
        CUSTOMER_AT_BRANCH: z.number().int().default(95),
      }),
    }),
    default: {
      contactDueWithinDays: 7,
      assessmentExpiringWithinDays: 30,
      coolingOffEndingWithinHours: 48,
      productMaturingWithinDays: 30,
      priorities: {
        COMPLAINT_OPEN: 100,
        CUSTOMER_AT_BRANCH: 95,
        RISK_ASSESSMENT_EXPIRED: 90,
        CONTACT_OVERDUE: 80,
        LEAD_FEEDBACK_OVERDUE: 75,
        COOLING_OFF_ENDING: 70,
        PRODUCT_MATURING: 65,
        RISK_ASSESSMENT_EXPIRING: 60,
        LEAD_NEW: 55,
        DORMANT_REACTIVATION: 50,
        NEAR_NEXT_TIER: 45,
        CONTACT_DUE: 40,
        UNASSIGNED: 30,
      },
    },
  },
  {
    key: 'core.lifeStageAges',
    description: text('人生阶段年龄分界', 'Life stage age boundaries'),
    schema: z.object({ middleAged: z.number().int(), senior: z.number().int() }),
    default: { middleAged: 35, senior: 60 },
  },
  {
    key: 'core.seniorCustomerAge',
    description: text('高龄客户年龄（提示）', 'Age from which a customer is a senior customer (warning)'),
    schema: z.number().int().min(50).max(100),
    default: 65,
  },
  {
    key: 'core.seniorApprovalFromRisk',
    description: text('高龄客户需支行负责人审批的产品风险等级起点（空为不需要）', 'Product risk from which seniors need branch-head approval (null = never)'),
    schema: z.enum(['R1', 'R2', 'R3', 'R4', 'R5']).nullable(),
    default: null,
  },
  {
    key: 'core.highRiskFromRating',
    description: text(
      '高风险产品的风险等级起点（向普通投资者销售须特别注意）',
      'Product risk from which a product is high-risk (extra care for ordinary investors)',
    ),
    schema: z.enum(['R1', 'R2', 'R3', 'R4', 'R5']),
    default: 'R4',
  },
  {
    key: 'core.counterRecordingChannels',
    description: text('需双录的网点渠道', 'In-branch channels that need audio-video recording for wealth products'),
    schema: z.array(z.enum(['COUNTER', 'WEALTH_CENTER', 'ONLINE', 'MOBILE'])),
    default: ['COUNTER', 'WEALTH_CENTER'],
  },
  {
    key: 'core.professionalInvestor',
    description: text('专业投资者认定标准', 'Professional investor thresholds'),
    schema: z.object({ financialAssetsCny: money, averageIncomeCny: money, experienceYears: z.number().int() }),
    default: { financialAssetsCny: '5000000', averageIncomeCny: '500000', experienceYears: 2 },
  },
  {
    key: 'core.minimumManagerGradeByTier',
    description: text('对等配置：各客户等级所需的最低客户经理级别', 'Matched assignment: the lowest manager grade that may serve each customer tier'),
    schema: z.object({
      STANDARD: grade,
      GOLD: grade,
      PLATINUM: grade,
      DIAMOND: grade,
      PRIVATE_BANKING: grade,
    }),
    // The demo bank's grading: 私行 by principal managers, 钻石 by senior ones, 白金 by intermediate.
    default: { STANDARD: 'JUNIOR', GOLD: 'JUNIOR', PLATINUM: 'INTERMEDIATE', DIAMOND: 'SENIOR', PRIVATE_BANKING: 'PRINCIPAL' },
  },
  {
    key: 'core.pageSize',
    description: text('分页大小（默认/上限）', 'Page size (default / maximum)'),
    schema: z.object({ default: z.number().int().min(1), max: z.number().int().min(1) }),
    default: { default: 20, max: 100 },
  },
  ...complaintSettings,
  ...classificationSettings,
  ...kpiSettings,
  ...leadSettings,
  ...approvalAuthoritySettings,
  ...bundleSettings,
  disabledRulesSetting as SettingDefinition,
  counterSetting as SettingDefinition,
  pointsSetting as SettingDefinition,
  makerCheckerSetting as SettingDefinition,
];
