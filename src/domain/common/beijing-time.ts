/**
 * The bank's clock: Beijing time (UTC+8, China Standard Time). China has kept
 * no daylight saving since 1991, so a fixed offset is exact and no time-zone
 * database is needed. Everything that asks "which day, year or hour is it at
 * the bank" — ages, KPI periods, work-queue due dates, NAV dates, the FX quota
 * year — reads it here, so the offset is written once.
 */

/** Beijing time minus UTC, in milliseconds. */
export const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing calendar date of an instant, as numbers (month and day from 1). */
export function beijingYmd(at: Date): { y: number; m: number; d: number } {
  const local = new Date(at.getTime() + BEIJING_OFFSET_MS);
  return { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate() };
}

/** The Beijing calendar date of an instant, `YYYY-MM-DD`. */
export function beijingDay(at: Date): string {
  const { y, m, d } = beijingYmd(at);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The Beijing calendar year of an instant (the FX quota and other yearly limits run per calendar year there). */
export const beijingYear = (at: Date): number => new Date(at.getTime() + BEIJING_OFFSET_MS).getUTCFullYear();

/** The Beijing wall-clock time of an instant, `HH:MM`. */
export function beijingTimeOfDay(at: Date): string {
  const local = new Date(at.getTime() + BEIJING_OFFSET_MS);
  return `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
}

/** The instant a Beijing calendar day (`YYYY-MM-DD`) starts: 00:00 Beijing, 16:00 UTC the day before. */
export const beijingMidnight = (day: string): Date => new Date(Date.parse(`${day}T00:00:00Z`) - BEIJING_OFFSET_MS);

/** The instant the Beijing day of `at` started (00:00 Beijing). */
export function startOfBeijingDay(at: Date): Date {
  const { y, m, d } = beijingYmd(at);
  return new Date(Date.UTC(y, m - 1, d) - BEIJING_OFFSET_MS);
}
