import type { SettingsReader } from '../../settings/reader.js';

const DAY_MS = 86_400_000;

/** The calendar date in China (UTC+8, no DST) of an instant: ages and years follow the bank's day. */
export function chinaDate(at: Date): { y: number; m: number; d: number } {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  return { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate() };
}

/** Whole years between a `YYYY-MM-DD` birth date and `now` (China date). */
export function ageAt(birthDate: string, now: Date): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const { y, m, d } = chinaDate(now);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** YOUNG < 35 ≤ MIDDLE_AGED < 60 ≤ SENIOR (boundaries are settings). */
export function lifeStageOf(age: number, settings: SettingsReader): 'YOUNG' | 'MIDDLE_AGED' | 'SENIOR' {
  const b = settings.get<{ middleAged: number; senior: number }>('core.lifeStageAges');
  if (age >= b.senior) return 'SENIOR';
  if (age >= b.middleAged) return 'MIDDLE_AGED';
  return 'YOUNG';
}

export const TIERS = ['STANDARD', 'GOLD', 'PLATINUM', 'DIAMOND', 'PRIVATE_BANKING'] as const;
export type Tier = (typeof TIERS)[number];

/** A tier from assets, contribution or both: classification.ts (`tierFor`, setting core.tierBasis). */

/** Rank of a tier, for "minimum tier" comparisons. */
export const tierRank = (tier: string): number => TIERS.indexOf(tier as Tier);

/** When an assessment made at `assessedAt` stops being valid. */
export function assessmentExpiry(assessedAt: Date, settings: SettingsReader): Date {
  return new Date(assessedAt.getTime() + settings.get<number>('core.riskAssessmentValidityDays') * DAY_MS);
}
