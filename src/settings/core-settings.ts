import { z } from 'zod';
import { text } from '../i18n/localized.js';
import type { SettingDefinition } from './registry.js';
import { complaintSettings } from '../domain/complaints/complaint.settings.js';
import { classificationSettings } from '../domain/customers/classification.settings.js';

const money = z.string().regex(/^\d+(\.\d+)?$/);
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
    key: 'core.activityWindowsDays',
    description: text('活跃度窗口（天）', 'Activity windows (days)'),
    schema: z.object({ frequent: z.number().int().min(1), occasional: z.number().int().min(1) }),
    default: { frequent: 90, occasional: 365 },
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
    description: text('高风险产品的风险等级起点（向普通投资者销售须特别注意）', 'Product risk from which a product is high-risk (extra care for ordinary investors)'),
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
    description: text(
      '对等配置：各客户等级所需的最低客户经理级别',
      'Matched assignment: the lowest manager grade that may serve each customer tier',
    ),
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
];
