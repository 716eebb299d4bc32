import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { allocateRepayment, owed, type NumberedInstalment } from '../servicing/allocation.js';
import { classify, daysPastDue, type InstalmentState } from '../servicing/classification.js';
import { loanState } from '../servicing/loan-state.js';
import { dueDateOf, repaymentSchedule } from '../servicing/schedule.js';
import { loanWarnings, type WarningInput } from '../servicing/warnings.js';
import { monthlyPayment } from '../domain.js';

const T = { substandardAfterDays: 90, doubtfulAfterDays: 270, lossAfterDays: 360 };
const sum = (xs: string[]) => xs.reduce((a, x) => a.add(x), new Decimal(0)).toFixed(2);
const open = (s: ReturnType<typeof repaymentSchedule>): NumberedInstalment[] => s.map((i) => ({ ...i, principalPaid: '0', interestPaid: '0' }));

describe('repayment schedule (还款计划)', () => {
  it('falls due on the disbursement day of each month, or the last day of a shorter month', () => {
    expect(dueDateOf('2026-01-31', 1)).toBe('2026-02-28');
    expect(dueDateOf('2028-01-31', 1)).toBe('2028-02-29');
    expect(dueDateOf('2026-01-31', 2)).toBe('2026-03-31');
    expect(dueDateOf('2026-11-15', 2)).toBe('2027-01-15');
    expect(dueDateOf('2026-12-01', 12)).toBe('2027-12-01');
    expect(dueDateOf('2026-11-08', -11)).toBe('2025-12-08');
    expect(dueDateOf('2026-11-08', -38)).toBe('2023-09-08');
  });

  it('等额本息: every instalment is the level payment the rules judged, the last clears the balance; the principal sums exactly', () => {
    const s = repaymentSchedule('100000', '0.038', 36, 'EQUAL_INSTALMENT', '2026-11-30');
    const level = monthlyPayment('100000', '0.038', 36, 'EQUAL_INSTALMENT').toFixed(2);
    expect(s).toHaveLength(36);
    expect(sum(s.map((i) => i.principal))).toBe('100000.00');
    for (const i of s.slice(0, -1)) expect(new Decimal(i.principal).add(i.interest).toFixed(2)).toBe(level);
    // Month 1: interest 100,000 × 0.038 / 12 = 316.666… → 316.67.
    expect(s[0]).toMatchObject({ n: 1, dueDate: '2026-12-30', interest: '316.67' });
    // The last instalment differs from the level payment by rounding only.
    const last = s.at(-1)!;
    expect(new Decimal(last.principal).add(last.interest).sub(level).abs().lte('0.50')).toBe(true);
  });

  it('等额本金: equal principal (the last takes the cents), interest on the falling balance', () => {
    const s = repaymentSchedule('100000', '0.036', 3, 'EQUAL_PRINCIPAL', '2026-11-30');
    expect(s.map((i) => i.principal)).toEqual(['33333.33', '33333.33', '33333.34']);
    // 100,000 × 0.003 = 300; 66,666.67 × 0.003 = 200.00; 33,333.34 × 0.003 = 100.00.
    expect(s.map((i) => i.interest)).toEqual(['300.00', '200.00', '100.00']);
    expect(() => repaymentSchedule('1000', '0.03', 0, 'EQUAL_PRINCIPAL', '2026-11-30')).toThrow();
  });
});

describe('days past due and the five categories (五级分类)', () => {
  const inst = (dueDate: string, paid = false): InstalmentState => ({
    dueDate,
    principal: '100',
    interest: '10',
    principalPaid: paid ? '100' : '0',
    interestPaid: paid ? '10' : '0',
  });

  it('counts from the oldest instalment past due and unpaid; the due day itself is not overdue', () => {
    const s = [inst('2026-01-10', true), inst('2026-02-10'), inst('2026-03-10')];
    expect(daysPastDue(s, '2026-02-10')).toBe(0);
    expect(daysPastDue(s, '2026-02-11')).toBe(1);
    expect(daysPastDue(s, '2026-03-12')).toBe(30);
    // Interest unpaid is overdue too.
    expect(daysPastDue([{ ...inst('2026-01-10', true), interestPaid: '9.99' }], '2026-01-11')).toBe(1);
    expect(daysPastDue([inst('2026-01-10', true)], '2027-01-11')).toBe(0);
  });

  it('draws the lines at 0, 90, 270 and 360 days (both sides of each)', () => {
    expect([0, 1, 90, 91, 270, 271, 360, 361].map((d) => classify(d, T))).toEqual([
      'NORMAL',
      'SPECIAL_MENTION',
      'SPECIAL_MENTION',
      'SUBSTANDARD',
      'SUBSTANDARD',
      'DOUBTFUL',
      'DOUBTFUL',
      'LOSS',
    ]);
    expect(classify(31, { substandardAfterDays: 30, doubtfulAfterDays: 60, lossAfterDays: 90 })).toBe('SUBSTANDARD');
  });

  it('states a loan: outstanding principal, overdue principal and interest, the next instalment', () => {
    const s = open(repaymentSchedule('3000', '0.12', 3, 'EQUAL_PRINCIPAL', '2026-01-15'));
    s[0] = { ...s[0]!, principalPaid: s[0]!.principal, interestPaid: s[0]!.interest };
    const state = loanState(s, '2026-03-20', T);
    expect(state).toMatchObject({
      outstandingPrincipal: '2000.00',
      daysPastDue: 5,
      classification: 'SPECIAL_MENTION',
      overduePrincipal: '1000.00',
      overdueInterest: '20.00',
    });
    expect(state.next?.n).toBe(2);
    const paid = loanState(
      s.map((i) => ({ ...i, principalPaid: i.principal, interestPaid: i.interest })),
      '2027-01-01',
      T,
    );
    expect(paid).toMatchObject({ outstandingPrincipal: '0.00', daysPastDue: 0, classification: 'NORMAL', next: null });
  });
});

describe('repayment allocation (先息后本, oldest first)', () => {
  const s = open(repaymentSchedule('3000', '0.12', 3, 'EQUAL_PRINCIPAL', '2026-01-15'));
  // Interest: 30.00, 20.00, 10.00; principal 1,000 each.

  it('pays interest before principal, the oldest instalment first, and the next ones with what is left', () => {
    expect(allocateRepayment('20', s)).toEqual([{ n: 1, interest: '20.00', principal: '0.00' }]);
    expect(allocateRepayment('1050', s)).toEqual([
      { n: 1, interest: '30.00', principal: '1000.00' },
      { n: 2, interest: '20.00', principal: '0.00' },
    ]);
    // A part-paid instalment continues where it stopped.
    const part = [{ ...s[0]!, interestPaid: '30.00', principalPaid: '400.00' }, s[1]!, s[2]!];
    expect(allocateRepayment('600', part)).toEqual([{ n: 1, interest: '0.00', principal: '600.00' }]);
  });

  it('takes exactly what is owed, and refuses a cent more', () => {
    const o = owed(s);
    expect(o.principal.toFixed(2)).toBe('3000.00');
    expect(o.interest.toFixed(2)).toBe('60.00');
    expect(allocateRepayment('3060', s)).toHaveLength(3);
    expect(allocateRepayment('3060.01', s)).toBeNull();
  });
});

describe('post-loan early warnings (贷后预警)', () => {
  const base: WarningInput = { daysPastDue: 0, overdueAmount: '0.00', monthlyIncome: '10000', monthlyDebt: '5500', totalDebtMax: '0.55', pledge: null };
  const codes = (w: Partial<WarningInput>) => loanWarnings({ ...base, ...w }).map((x) => x.code);

  it('warns of an overdue instalment from the first day', () => {
    expect(codes({})).toEqual([]);
    expect(codes({ daysPastDue: 1, overdueAmount: '110.00' })).toEqual(['OVERDUE']);
  });

  it('warns when debt service is now above the cap (55 % is still within)', () => {
    expect(codes({ monthlyDebt: '5500.00' })).toEqual([]);
    expect(codes({ monthlyDebt: '5500.01' })).toEqual(['DEBT_TO_INCOME_ABOVE_LIMIT']);
    expect(codes({ monthlyIncome: '0', monthlyDebt: '1' })).toEqual(['DEBT_TO_INCOME_ABOVE_LIMIT']);
    expect(codes({ monthlyIncome: '0', monthlyDebt: '0' })).toEqual([]);
  });

  it('warns when the pledged position covers less than the ratio (at the ratio is fine), or can no longer be valued', () => {
    const pledge = (marketValueCny: string | null) => ({ pledge: { marketValueCny, outstandingPrincipal: '10000.00', warnCoverBelow: '1.2' } });
    expect(codes(pledge('12000.00'))).toEqual([]);
    expect(codes(pledge('11999.99'))).toEqual(['PLEDGE_COVER_BELOW']);
    expect(codes(pledge(null))).toEqual(['PLEDGE_COVER_BELOW']);
    expect(codes({ pledge: { marketValueCny: '0', outstandingPrincipal: '0.00', warnCoverBelow: '1.2' } })).toEqual([]);
  });
});
