import { z } from 'zod';
import { text } from '../../i18n/localized.js';
import type { SettingDefinition } from '../../settings/registry.js';
import type { SettingsReader } from '../../settings/reader.js';

export const LEAD_INDUSTRIES_SETTING = 'core.leadIndustries';
export const LEADS_SETTING = 'core.leads';

export type LeadIndustries = Record<string, { zh: string; en: string }>;
export interface LeadSettings {
  /** Days a held lead may wait for feedback before it is overdue in the work queue. */
  feedbackDueDays: number;
  /** Open leads a manager may hold after a distribution when the caller gives no capacity. */
  defaultCapacity: number;
}

export const leadSettings: SettingDefinition[] = [
  {
    key: LEAD_INDUSTRIES_SETTING,
    description: text('线索行业代码表（行业归类）', 'Lead industry codes (distribution by industry)'),
    schema: z.record(z.string().regex(/^[A-Z][A-Z0-9_]{0,31}$/), z.object({ zh: z.string().min(1), en: z.string().min(1) })),
    // GB/T 4754 sections the bank's marketing groups by.
    default: {
      MANUFACTURING: { zh: '制造业', en: 'Manufacturing' },
      CONSTRUCTION: { zh: '建筑业', en: 'Construction' },
      REAL_ESTATE: { zh: '房地产业', en: 'Real estate' },
      WHOLESALE_RETAIL: { zh: '批发和零售业', en: 'Wholesale and retail' },
      TRANSPORT: { zh: '交通运输业', en: 'Transport' },
      IT_SERVICES: { zh: '信息技术服务业', en: 'IT services' },
      HEALTHCARE: { zh: '卫生和社会工作', en: 'Healthcare' },
      EDUCATION: { zh: '教育', en: 'Education' },
      PUBLIC_SECTOR: { zh: '公共管理', en: 'Public sector' },
      AGRICULTURE: { zh: '农林牧渔业', en: 'Agriculture' },
    },
  },
  {
    key: LEADS_SETTING,
    description: text(
      '线索：反馈时限（天）与默认分配上限（每位客户经理持有的未结线索数）',
      'Leads: days to feedback, and the default capacity (open leads per manager)',
    ),
    schema: z.object({ feedbackDueDays: z.number().int().min(1), defaultCapacity: z.number().int().min(1) }),
    default: { feedbackDueDays: 7, defaultCapacity: 25 },
  },
];

export const leadIndustries = (settings: SettingsReader) => settings.get<LeadIndustries>(LEAD_INDUSTRIES_SETTING);
export const leadConfig = (settings: SettingsReader) => settings.get<LeadSettings>(LEADS_SETTING);
