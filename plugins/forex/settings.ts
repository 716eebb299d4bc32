import { z } from 'zod';
import { text, type SettingDefinition } from '../../src/sdk/index.js';

export const SETTING_ANNUAL_QUOTA = 'forex.annualQuotaUsd';
export const SETTING_PROHIBITED = 'forex.prohibitedPurposes';
export const SETTING_CURRENT_ACCOUNT = 'forex.currentAccountPurposes';

const purposeCode = z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/);

/** The forex line's bank settings. */
export const forexSettings: SettingDefinition[] = [
  {
    key: SETTING_ANNUAL_QUOTA,
    description: text(
      '个人年度结售汇便利化额度（美元，境内个人购汇与个人结汇各自计算）',
      'Annual FX facilitation quota per individual in USD (purchases by onshore individuals and sales counted separately)',
    ),
    schema: z.string().regex(/^\d{1,12}(\.\d{1,2})?$/),
    default: '50000',
  } satisfies SettingDefinition<string>,
  {
    key: SETTING_PROHIBITED,
    description: text(
      '个人购汇禁止用途（即使在额度内亦不得办理）：境外购房、证券投资、人寿保险、投资性返还分红类保险',
      'Purposes for which FX may not be bought, even within the quota: overseas property, securities, life insurance, investment-return insurance',
    ),
    schema: z.array(purposeCode),
    default: ['OVERSEAS_PROPERTY', 'SECURITIES_INVESTMENT', 'LIFE_INSURANCE', 'INVESTMENT_RETURN_INSURANCE'],
  } satisfies SettingDefinition<string[]>,
  {
    key: SETTING_CURRENT_ACCOUNT,
    description: text('个人购汇可申报的经常项目用途', 'Current-account purposes a customer may declare when buying FX'),
    schema: z.array(purposeCode).min(1),
    default: [
      'TRAVEL',
      'STUDY_ABROAD',
      'BUSINESS_TRAVEL',
      'VISITING_RELATIVES',
      'MEDICAL',
      'FAMILY_SUPPORT',
      'GOODS_TRADE',
      'NON_INVESTMENT_INSURANCE',
      'CONSULTING',
    ],
  } satisfies SettingDefinition<string[]>,
] as SettingDefinition[];
