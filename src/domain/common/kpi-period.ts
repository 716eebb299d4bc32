import { BEIJING_OFFSET_MS } from './beijing-time.js';

/**
 * Reporting periods of the bank (考核周期): a granularity and any date inside
 * the period. Boundaries are Beijing midnights (UTC+8, no DST, so a fixed
 * offset is exact): a branch's "day" is the day its staff work.
 *
 * - DAY: the date itself.
 * - WEEK: Monday to Sunday (ISO week) containing the date.
 * - DEKAD (旬): days 1–10 (上旬), 11–20 (中旬), 21 to the month's end (下旬, 8 to 11 days).
 * - MONTH, QUARTER (Jan/Apr/Jul/Oct), YEAR: the calendar ones containing the date.
 */
export const KPI_GRANULARITIES = ['DAY', 'WEEK', 'DEKAD', 'MONTH', 'QUARTER', 'YEAR'] as const;
export type KpiGranularity = (typeof KPI_GRANULARITIES)[number];

/** A half-open period [start, end): `start`/`end` are instants, `firstDay`/`lastDay` the Beijing dates it covers. */
export interface KpiPeriodRange {
  start: Date;
  end: Date;
  firstDay: string;
  lastDay: string;
}

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian, via UTC arithmetic). */
const dayNumber = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;
const isoOfDay = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** Beijing midnight starting calendar day `n`, as an instant. */
const beijingMidnight = (n: number): Date => new Date(n * DAY_MS - BEIJING_OFFSET_MS);

/** First day (inclusive) and day after the last (exclusive) of the period containing y-m-d, as day numbers. */
function bounds(granularity: KpiGranularity, y: number, m: number, d: number): [number, number] {
  const today = dayNumber(y, m, d);
  switch (granularity) {
    case 'DAY':
      return [today, today + 1];
    case 'WEEK': {
      // 1970-01-01 was a Thursday: (n + 3) mod 7 is 0 on Mondays.
      const monday = today - ((((today + 3) % 7) + 7) % 7);
      return [monday, monday + 7];
    }
    case 'DEKAD': {
      if (d <= 10) return [dayNumber(y, m, 1), dayNumber(y, m, 11)];
      if (d <= 20) return [dayNumber(y, m, 11), dayNumber(y, m, 21)];
      // Day 1 of the next month (Date.UTC rolls month 13 into January).
      return [dayNumber(y, m, 21), dayNumber(y, m + 1, 1)];
    }
    case 'MONTH':
      return [dayNumber(y, m, 1), dayNumber(y, m + 1, 1)];
    case 'QUARTER': {
      const first = m - ((m - 1) % 3);
      return [dayNumber(y, first, 1), dayNumber(y, first + 3, 1)];
    }
    case 'YEAR':
      return [dayNumber(y, 1, 1), dayNumber(y + 1, 1, 1)];
    default:
      throw new Error(`Unknown granularity ${String(granularity)}`);
  }
}

/**
 * The period of `granularity` containing `date` (`YYYY-MM-DD`, already a valid
 * date: the `Date` scalar checked it). Throws on anything else, as a
 * programming error.
 */
export function kpiPeriodRange(granularity: KpiGranularity, date: string): KpiPeriodRange {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`Not a YYYY-MM-DD date: ${date}`);
  const [from, to] = bounds(granularity, Number(m[1]), Number(m[2]), Number(m[3]));
  return { start: beijingMidnight(from), end: beijingMidnight(to), firstDay: isoOfDay(from), lastDay: isoOfDay(to - 1) };
}
