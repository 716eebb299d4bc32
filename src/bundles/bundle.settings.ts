import { z } from 'zod';
import { text, type LocalizedText } from '../i18n/localized.js';
import type { SettingDefinition } from '../settings/registry.js';
import type { SettingsReader } from '../settings/reader.js';
import { perObject } from '../sdk/per-object.js';

/**
 * What a bundle may include besides products (setting core.bundleServices): services the bank
 * grants (ENTITLEMENT: online banking, SMS alerts, payroll, bill payment) and conditions the
 * customer keeps (CONDITION: a minimum deposit) or that need their own approval (a personal
 * credit line). They are named as what they are, never stood in for by a product of another line.
 */
export interface BundleServiceDefinition {
  code: string;
  kind: 'ENTITLEMENT' | 'CONDITION';
  name: LocalizedText;
  /** The bundle states an amount for it (the minimum deposit, the credit line applied for). */
  amount: boolean;
}

export const SETTING_BUNDLE_SERVICES = 'core.bundleServices';
export const SETTING_BUNDLE_RULES = 'core.bundles';

/** How bundles are designed and honoured. */
export interface BundleRules {
  /** Days a SUPERSEDED version is still sold to whoever was offered it (then the new version only). */
  supersededGraceDays: number;
  /** Items a bundle holds at most. */
  maxItems: number;
}

const service = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/),
  kind: z.enum(['ENTITLEMENT', 'CONDITION']),
  name: z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }),
  amount: z.boolean(),
});

export const bundleSettings: SettingDefinition[] = [
  {
    key: SETTING_BUNDLE_SERVICES,
    description: text(
      '套餐可含的非产品内容：服务权益与条件（网上银行、短信通知、最低存款、个人授信额度…）',
      'What bundles may include besides products: service entitlements and conditions (online banking, SMS alerts, a minimum deposit, a personal credit line…)',
    ),
    schema: z.array(service).min(1),
    default: [
      { code: 'ONLINE_BANKING', kind: 'ENTITLEMENT', name: text('网上银行', 'Online banking'), amount: false },
      { code: 'MOBILE_BANKING', kind: 'ENTITLEMENT', name: text('手机银行', 'Mobile banking'), amount: false },
      { code: 'SMS_ALERTS', kind: 'ENTITLEMENT', name: text('短信通知', 'SMS alerts'), amount: false },
      { code: 'PAYROLL', kind: 'ENTITLEMENT', name: text('代发工资', 'Payroll crediting'), amount: false },
      { code: 'BILL_PAYMENT', kind: 'ENTITLEMENT', name: text('代收代缴（水电燃气、通讯费）', 'Bill payment (utilities, phone)'), amount: false },
      { code: 'SECURITIES_LINK', kind: 'ENTITLEMENT', name: text('银证转账', 'Bank–securities transfer link'), amount: false },
      { code: 'MINIMUM_DEPOSIT', kind: 'CONDITION', name: text('最低存款余额', 'Minimum deposit balance'), amount: true },
      { code: 'SAVINGS_DEPOSIT', kind: 'CONDITION', name: text('储蓄存款（柜面办理）', 'Savings deposit (opened at the counter)'), amount: true },
      { code: 'PERSONAL_CREDIT_LINE', kind: 'CONDITION', name: text('个人授信额度（需另行审批）', 'Personal credit line (approved separately)'), amount: true },
    ],
  } satisfies SettingDefinition<BundleServiceDefinition[]>,
  {
    key: SETTING_BUNDLE_RULES,
    description: text(
      '套餐：旧版本在新版本发布后仍可办理的天数、套餐内容上限',
      'Bundles: days a superseded version is still sold, and the most items a bundle holds',
    ),
    schema: z.object({ supersededGraceDays: z.number().int().min(0).max(365), maxItems: z.number().int().min(2).max(50) }),
    default: { supersededGraceDays: 30, maxItems: 12 },
  } satisfies SettingDefinition<BundleRules>,
] as SettingDefinition[];

const byCode = perObject((list: BundleServiceDefinition[]) => new Map(list.map((s) => [s.code, s])));

/** The service definitions by code (built once per setting value). */
export const bundleServicesOf = (settings: SettingsReader): Map<string, BundleServiceDefinition> =>
  byCode(settings.get<BundleServiceDefinition[]>(SETTING_BUNDLE_SERVICES));
