import type { SettingsReader } from '../../settings/reader.js';
import { beijingYmd } from '../common/beijing-time.js';

const DAY_MS = 86_400_000;

/** Whole years between a `YYYY-MM-DD` birth date and `now` (China date). */
export function ageAt(birthDate: string, now: Date): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const { y, m, d } = beijingYmd(now);
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
