import { z } from 'zod';
import { text, type SettingDefinition } from '../../src/sdk/index.js';
import type { AssetClassCode } from './domain.js';

const cny = z.string().regex(/^\d+(\.\d+)?$/, 'a non-negative decimal string such as "300000"');

/** Setting keys of the funds line. */
export const FUNDS_SETTINGS = {
  qualifiedInvestor: 'funds.qualifiedInvestor',
  privateMinimumsCny: 'funds.privateMinimumsCny',
  publicWealthMinimumCny: 'funds.publicWealthMinimumCny',
  privateCoolingOffHours: 'funds.privateCoolingOffHours',
} as const;

/** Qualified investor (合格投资者) thresholds of the 2018 asset-management guidelines. */
export interface QualifiedInvestorThresholds {
  experienceYears: number;
  householdNetFinancialAssetsCny: string;
  householdFinancialAssetsCny: string;
  averageIncomeCny: string;
}

/** Minimum single investment in a private product, per asset class, in CNY. */
export type PrivateMinimumsCny = Record<AssetClassCode, string>;

/** The funds line's bank settings, with the regulatory values as defaults. */
export const fundsSettings: SettingDefinition[] = [
  {
    key: FUNDS_SETTINGS.qualifiedInvestor,
    description: text(
      '私募产品合格投资者标准：投资经历年限，且家庭金融净资产、家庭金融资产或近三年本人年均收入之一达标（人民币）',
      'Qualified investor for private products: years of experience, and one of household net financial assets, household financial assets or 3-year average personal income (CNY)',
    ),
    schema: z.object({
      experienceYears: z.number().int().min(0),
      householdNetFinancialAssetsCny: cny,
      householdFinancialAssetsCny: cny,
      averageIncomeCny: cny,
    }),
    default: {
      experienceYears: 2,
      householdNetFinancialAssetsCny: '3000000',
      householdFinancialAssetsCny: '5000000',
      averageIncomeCny: '400000',
    } satisfies QualifiedInvestorThresholds,
  },
  {
    key: FUNDS_SETTINGS.privateMinimumsCny,
    description: text('私募产品单笔投资起点（按资产类别，人民币）', 'Private product minimum per investment, by asset class (CNY)'),
    schema: z.object({ FIXED_INCOME: cny, MIXED: cny, EQUITY: cny, COMMODITY_DERIVATIVES: cny }),
    default: {
      FIXED_INCOME: '300000',
      MIXED: '400000',
      EQUITY: '1000000',
      COMMODITY_DERIVATIVES: '1000000',
    } satisfies PrivateMinimumsCny,
  },
  {
    key: FUNDS_SETTINGS.publicWealthMinimumCny,
    description: text(
      '银行自营公募理财产品销售起点（人民币；理财子公司产品不适用）',
      "Minimum purchase of the bank's own public wealth products (CNY; wealth subsidiary products exempt)",
    ),
    schema: cny,
    default: '10000',
  },
  {
    key: FUNDS_SETTINGS.privateCoolingOffHours,
    description: text('私募产品投资冷静期（小时，不少于 24）', 'Cooling-off period of private products (hours, at least 24)'),
    // The regulation sets 24 h as the floor; a bank may only lengthen it.
    schema: z
      .number()
      .int()
      .min(24)
      .max(24 * 30),
    default: 24,
  },
];
