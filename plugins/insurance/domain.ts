import { text, type LocalizedText } from '../../src/sdk/index.js';

/** The kinds of policy the line sells. */
export const INSURANCE_TYPES = ['TRADITIONAL', 'PARTICIPATING', 'UNIVERSAL', 'INVESTMENT_LINKED', 'HEALTH', 'ACCIDENT', 'ANNUITY'] as const;
export type InsuranceType = (typeof INSURANCE_TYPES)[number];

export const PREMIUM_MODES = ['SINGLE', 'REGULAR'] as const;
/** SINGLE = 趸交 (one payment), REGULAR = 期交 (yearly payments). */
export type PremiumMode = (typeof PREMIUM_MODES)[number];

export const SEXES = ['MALE', 'FEMALE'] as const;
export type Sex = (typeof SEXES)[number];

/** Policies are sold in CNY only in this line; the quote needs no core row for it. */
export const INSURANCE_CURRENCY = 'CNY';

/** Age of majority (民法典 第十七条): the minor-child exception of 保险法 第三十三条 ends here. */
export const AGE_OF_MAJORITY = 18;

/**
 * Types whose benefits are not fixed by contract (保单利益不确定). 保监发〔2014〕3号
 * keeps these from older, regular-premium and low-income policyholders.
 */
export const NON_GUARANTEED_TYPES: readonly InsuranceType[] = ['PARTICIPATING', 'UNIVERSAL', 'INVESTMENT_LINKED'];

/** Whether a type's benefits are guaranteed by contract. */
export const isGuaranteedType = (t: InsuranceType): boolean => !NON_GUARANTEED_TYPES.includes(t);

export const isInsuranceType = (v: unknown): v is InsuranceType => typeof v === 'string' && (INSURANCE_TYPES as readonly string[]).includes(v);
export const isPremiumMode = (v: unknown): v is PremiumMode => typeof v === 'string' && (PREMIUM_MODES as readonly string[]).includes(v);
export const isSex = (v: unknown): v is Sex => typeof v === 'string' && (SEXES as readonly string[]).includes(v);

/** Names of the types for messages. */
export const INSURANCE_TYPE_LABELS: Record<InsuranceType, LocalizedText> = {
  TRADITIONAL: text('传统型', 'traditional'),
  PARTICIPATING: text('分红型', 'participating'),
  UNIVERSAL: text('万能型', 'universal'),
  INVESTMENT_LINKED: text('投资连结型', 'investment-linked'),
  HEALTH: text('健康保险', 'health'),
  ACCIDENT: text('意外伤害保险', 'accident'),
  ANNUITY: text('年金保险', 'annuity'),
};

/**
 * An insurance product's terms as rules read them (`facts.product.details`),
 * built from `insurance_details` by the facts loader.
 */
export interface InsuranceProductDetails {
  insurer: string;
  insuranceType: InsuranceType;
  guaranteed: boolean;
  /** null = whole life. */
  coverTermYears: number | null;
  premiumModes: PremiumMode[];
  paymentYearsOptions: number[];
  insuredAgeMin: number;
  insuredAgeMax: number;
  coolingOffDays: number;
  deathCover: boolean;
  lifeOrHealth: boolean;
  coverOverOneYear: boolean;
}

/** The `ProductLine` value this plugin owns. */
export const INSURANCE_LINE = 'INSURANCE';
