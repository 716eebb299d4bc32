import { describe, expect, it } from 'vitest';
import { kpiPeriodRange, type KpiGranularity } from '../../src/domain/common/kpi-period.js';

// Periods are [first day 00:00, day after the last 00:00) in Beijing time (UTC+8):
// 2026-11-30 00:00 Beijing is 2026-11-29T16:00Z.

const range = (g: KpiGranularity, d: string) => {
  const r = kpiPeriodRange(g, d);
  return [r.firstDay, r.lastDay, r.start.toISOString(), r.end.toISOString()];
};

describe('kpiPeriodRange', () => {
  it('DAY: the Beijing day, 16:00Z to 16:00Z', () => {
    expect(range('DAY', '2026-11-30')).toEqual(['2026-11-30', '2026-11-30', '2026-11-29T16:00:00.000Z', '2026-11-30T16:00:00.000Z']);
    expect(range('DAY', '2024-02-29')).toEqual(['2024-02-29', '2024-02-29', '2024-02-28T16:00:00.000Z', '2024-02-29T16:00:00.000Z']);
  });

  it('WEEK: Monday to Sunday, across month and year ends', () => {
    // 2026-11-30 is a Monday; 2026-12-06 the Sunday of the same week.
    expect(range('WEEK', '2026-11-30').slice(0, 2)).toEqual(['2026-11-30', '2026-12-06']);
    expect(range('WEEK', '2026-12-06').slice(0, 2)).toEqual(['2026-11-30', '2026-12-06']);
    expect(range('WEEK', '2026-11-29').slice(0, 2)).toEqual(['2026-11-23', '2026-11-29']);
    // 2027-01-01 is a Friday: its week starts in 2026.
    expect(range('WEEK', '2027-01-01')).toEqual(['2026-12-28', '2027-01-03', '2026-12-27T16:00:00.000Z', '2027-01-03T16:00:00.000Z']);
    // Before 1970 (negative day numbers): 1969-12-31 was a Wednesday.
    expect(range('WEEK', '1969-12-31').slice(0, 2)).toEqual(['1969-12-29', '1970-01-04']);
  });

  it('DEKAD (旬): 1–10, 11–20, 21 to the month end (8 to 11 days)', () => {
    expect(range('DEKAD', '2026-11-01').slice(0, 2)).toEqual(['2026-11-01', '2026-11-10']);
    expect(range('DEKAD', '2026-11-10').slice(0, 2)).toEqual(['2026-11-01', '2026-11-10']);
    expect(range('DEKAD', '2026-11-11').slice(0, 2)).toEqual(['2026-11-11', '2026-11-20']);
    expect(range('DEKAD', '2026-11-20').slice(0, 2)).toEqual(['2026-11-11', '2026-11-20']);
    expect(range('DEKAD', '2026-11-21')).toEqual(['2026-11-21', '2026-11-30', '2026-11-20T16:00:00.000Z', '2026-11-30T16:00:00.000Z']);
    // 下旬 of a 31-day month has 11 days; of February 8 (9 in a leap year).
    expect(range('DEKAD', '2026-12-31')).toEqual(['2026-12-21', '2026-12-31', '2026-12-20T16:00:00.000Z', '2026-12-31T16:00:00.000Z']);
    expect(range('DEKAD', '2026-02-25').slice(0, 2)).toEqual(['2026-02-21', '2026-02-28']);
    expect(range('DEKAD', '2024-02-29').slice(0, 2)).toEqual(['2024-02-21', '2024-02-29']);
  });

  it('MONTH: month ends of 28, 29, 30 and 31 days, December into January', () => {
    expect(range('MONTH', '2026-02-14').slice(0, 2)).toEqual(['2026-02-01', '2026-02-28']);
    expect(range('MONTH', '2024-02-01').slice(0, 2)).toEqual(['2024-02-01', '2024-02-29']);
    expect(range('MONTH', '2100-02-10').slice(0, 2)).toEqual(['2100-02-01', '2100-02-28']); // not a leap year
    expect(range('MONTH', '2000-02-10').slice(0, 2)).toEqual(['2000-02-01', '2000-02-29']); // a leap year
    expect(range('MONTH', '2026-11-30').slice(0, 2)).toEqual(['2026-11-01', '2026-11-30']);
    expect(range('MONTH', '2026-12-31')).toEqual(['2026-12-01', '2026-12-31', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z']);
  });

  it('QUARTER: from January, April, July, October', () => {
    expect(range('QUARTER', '2026-01-01').slice(0, 2)).toEqual(['2026-01-01', '2026-03-31']);
    expect(range('QUARTER', '2026-03-31').slice(0, 2)).toEqual(['2026-01-01', '2026-03-31']);
    expect(range('QUARTER', '2026-04-01').slice(0, 2)).toEqual(['2026-04-01', '2026-06-30']);
    expect(range('QUARTER', '2026-08-15').slice(0, 2)).toEqual(['2026-07-01', '2026-09-30']);
    expect(range('QUARTER', '2026-11-30')).toEqual(['2026-10-01', '2026-12-31', '2026-09-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z']);
  });

  it('YEAR: 365 or 366 days', () => {
    expect(range('YEAR', '2026-06-30')).toEqual(['2026-01-01', '2026-12-31', '2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z']);
    const leap = kpiPeriodRange('YEAR', '2024-12-31');
    expect((leap.end.getTime() - leap.start.getTime()) / 86_400_000).toBe(366);
    const common = kpiPeriodRange('YEAR', '2025-01-01');
    expect((common.end.getTime() - common.start.getTime()) / 86_400_000).toBe(365);
  });

  it('every period contains its date, and the next period starts where it ends', () => {
    const grains: KpiGranularity[] = ['DAY', 'WEEK', 'DEKAD', 'MONTH', 'QUARTER', 'YEAR'];
    for (const g of grains) {
      let d = '2023-12-25';
      for (let i = 0; i < 40; i++) {
        const r = kpiPeriodRange(g, d);
        expect(r.firstDay <= d && d <= r.lastDay).toBe(true);
        // The day after the last is the first day of the next period.
        const next = new Date(r.end.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
        expect(kpiPeriodRange(g, next).start.getTime()).toBe(r.end.getTime());
        d = next;
      }
    }
  });

  it('refuses what the Date scalar would have refused', () => {
    expect(() => kpiPeriodRange('DAY', '2026-1-3')).toThrow();
    expect(() => kpiPeriodRange('NOPE' as KpiGranularity, '2026-01-03')).toThrow();
  });
});
