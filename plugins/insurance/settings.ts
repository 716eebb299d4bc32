import { z } from 'zod';
import { text, type SettingDefinition, type SettingsReader } from '../../src/sdk/index.js';

const decimal = z.string().regex(/^\d{1,12}(\.\d{1,6})?$/);
const channels = z.array(z.enum(['COUNTER', 'WEALTH_CENTER', 'ONLINE', 'MOBILE']));

/** The insurance line's bank settings, defaults from 保监发〔2014〕3号 and 可回溯办法 where they exist. */
export const insuranceSettings: SettingDefinition[] = [
  {
    key: 'insurance.nonGuaranteedMaxAge',
    description: text(
      '可购买非保证利益型保险（分红、万能、投连）的投保人最高年龄',
      'Oldest policyholder age for non-guaranteed products (participating, universal, investment-linked)',
    ),
    schema: z.number().int().min(18).max(120),
    default: 65,
  },
  {
    key: 'insurance.nonGuaranteedRegularMaxAge',
    description: text('期交非保证利益型保险的投保人最高年龄', 'Oldest policyholder age for regular-premium non-guaranteed products'),
    schema: z.number().int().min(18).max(120),
    default: 60,
  },
  {
    key: 'insurance.lowIncomeBenchmarkCny',
    description: text(
      '低收入基准（人民币/年）：投保人年收入低于此值时只能购买保证利益型产品。各地统计部门公布的城镇居民人均可支配收入不同，由本行设定',
      'Low-income benchmark (CNY a year): below it, guaranteed products only. Local disposable-income figures differ by city, so the bank sets it',
    ),
    schema: decimal,
    default: '50000',
  },
  {
    key: 'insurance.singlePremiumIncomeMultiple',
    description: text(
      '趸交保费超过家庭年收入的倍数时须签署投保声明',
      'Single premium above this multiple of household annual income needs a signed policyholder declaration',
    ),
    schema: decimal,
    default: '4',
  },
  {
    key: 'insurance.regularPremiumIncomeShare',
    description: text(
      '年期交保费超过家庭年收入的比例时须签署投保声明',
      'Annual regular premium above this share of household annual income needs a signed policyholder declaration',
    ),
    schema: decimal,
    default: '0.2',
  },
  {
    key: 'insurance.declarationAgePlusPaymentYears',
    description: text(
      '交费年限与投保人年龄之和达到此值时须签署投保声明',
      'Payment years plus policyholder age at or above this needs a signed policyholder declaration',
    ),
    schema: z.number().int().min(1).max(200),
    default: 60,
  },
  {
    key: 'insurance.recordingSeniorAge',
    description: text(
      '投保人达到此年龄时，一年期以上人身保险须双录',
      'Policyholder age from which personal insurance over one year needs audio-video recording',
    ),
    schema: z.number().int().min(18).max(120),
    default: 60,
  },
  {
    key: 'insurance.recordingChannels',
    description: text(
      '一年期以上人身保险须双录的本行网点渠道',
      "The bank's in-branch channels where personal insurance over one year needs audio-video recording",
    ),
    schema: channels,
    default: ['COUNTER', 'WEALTH_CENTER'],
  },
  {
    key: 'insurance.investmentLinkedBlockedChannels',
    description: text('不得销售投资连结保险的渠道（普通柜台）', 'Channels where investment-linked insurance may not be sold (ordinary counters)'),
    schema: channels,
    default: ['COUNTER'],
  },
];

/** Typed reads of the settings above: each read asks the reader afresh (a setting changed at run time is seen at once). */
export interface InsuranceSettings {
  nonGuaranteedMaxAge(): number;
  nonGuaranteedRegularMaxAge(): number;
  lowIncomeBenchmarkCny(): string;
  singlePremiumIncomeMultiple(): string;
  regularPremiumIncomeShare(): string;
  declarationAgePlusPaymentYears(): number;
  recordingSeniorAge(): number;
  recordingChannels(): string[];
  investmentLinkedBlockedChannels(): string[];
}

function typedReads(settings: SettingsReader): InsuranceSettings {
  return {
    nonGuaranteedMaxAge: () => settings.get<number>('insurance.nonGuaranteedMaxAge'),
    nonGuaranteedRegularMaxAge: () => settings.get<number>('insurance.nonGuaranteedRegularMaxAge'),
    lowIncomeBenchmarkCny: () => settings.get<string>('insurance.lowIncomeBenchmarkCny'),
    singlePremiumIncomeMultiple: () => settings.get<string>('insurance.singlePremiumIncomeMultiple'),
    regularPremiumIncomeShare: () => settings.get<string>('insurance.regularPremiumIncomeShare'),
    declarationAgePlusPaymentYears: () => settings.get<number>('insurance.declarationAgePlusPaymentYears'),
    recordingSeniorAge: () => settings.get<number>('insurance.recordingSeniorAge'),
    recordingChannels: () => settings.get<string[]>('insurance.recordingChannels'),
    investmentLinkedBlockedChannels: () => settings.get<string[]>('insurance.investmentLinkedBlockedChannels'),
  };
}

// Rules read settings on every evaluation: building nine closures each time was
// a tenth of the engine's time. One set per reader (the reader itself reads live).
const byReader = new WeakMap<SettingsReader, InsuranceSettings>();

/** Typed reads of the settings above, through `settings`. */
export function read(settings: SettingsReader): InsuranceSettings {
  let r = byReader.get(settings);
  if (!r) {
    r = typedReads(settings);
    byReader.set(settings, r);
  }
  return r;
}
