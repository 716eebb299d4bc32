import type { SettingsReader } from '../../settings/reader.js';

/** Manager grades, lowest first (客户经理级别). */
export const GRADES = ['JUNIOR', 'INTERMEDIATE', 'SENIOR', 'PRINCIPAL'] as const;
export type Grade = (typeof GRADES)[number];

/** Rank of a grade (JUNIOR 0 … PRINCIPAL 3); an unknown grade ranks below every real one. */
export const gradeRank = (grade: string): number => GRADES.indexOf(grade as Grade);

/** Grade names for messages, in both languages. */
export const GRADE_LABELS: Record<Grade, { 'zh-CN': string; en: string }> = {
  JUNIOR: { 'zh-CN': '初级客户经理', en: 'junior manager' },
  INTERMEDIATE: { 'zh-CN': '中级客户经理', en: 'intermediate manager' },
  SENIOR: { 'zh-CN': '高级客户经理', en: 'senior manager' },
  PRINCIPAL: { 'zh-CN': '资深客户经理', en: 'principal manager' },
};

/** The lowest grade that may serve a customer of `tier` (setting `core.minimumManagerGradeByTier`). */
export function minimumGradeFor(tier: string, settings: SettingsReader): Grade {
  return settings.get<Record<string, Grade>>('core.minimumManagerGradeByTier')[tier] ?? 'JUNIOR';
}

/** Whether a manager of `grade` is below what `tier` needs (对等配置 broken). */
export const gradeBelow = (grade: string, required: Grade): boolean => gradeRank(grade) < gradeRank(required);

/** The grades strictly below `required`. */
export const gradesBelow = (required: Grade): Grade[] => GRADES.filter((g) => gradeRank(g) < gradeRank(required));
