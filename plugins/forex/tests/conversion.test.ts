import { describe, expect, it } from 'vitest';
import { bankYear } from '../../../src/sdk/index.js';
import { perUnit, toUsd } from '../conversion.js';

// CNY per 100 units: EUR/USD = 852 / 710 = 1.2 exactly.
const RATES = { USD: '710.00', EUR: '852.00', JPY: '4.7340', HKD: '90.88' };

describe('toUsd', () => {
  it('returns USD amounts unchanged, to cents', () => {
    expect(toUsd('50000', 'USD', {})).toBe('50000.00');
    expect(toUsd('0.005', 'USD', {})).toBe('0.01');
  });

  it('converts through the CNY middle rates: amount × rate(ccy) ÷ rate(USD)', () => {
    expect(toUsd('10000', 'EUR', RATES)).toBe('12000.00');
    expect(toUsd('1000000', 'JPY', RATES)).toBe('6667.61'); // 1,000,000 × 4.734 / 710 = 6667.605…
    expect(toUsd('7100', 'CNY', RATES)).toBe('1000.00');
  });

  it('rounds half-up to cents', () => {
    expect(toUsd('10000.01', 'EUR', RATES)).toBe('12000.01'); // 12000.012
    expect(toUsd('10000.0125', 'EUR', RATES)).toBe('12000.02'); // 12000.015
  });

  it('returns null rather than guessing when a rate is missing or zero', () => {
    expect(toUsd('100', 'GBP', RATES)).toBeNull();
    expect(toUsd('100', 'EUR', { EUR: '852.00' })).toBeNull();
    expect(toUsd('100', 'EUR', { EUR: '852.00', USD: '0' })).toBeNull();
  });

  it('never goes through binary floating point', () => {
    expect(toUsd('0.1', 'EUR', { EUR: '0.3', USD: '0.1' })).toBe('0.30');
  });
});

describe('perUnit and the quota year', () => {
  it('turns a board rate per 100 units into CNY per unit', () => {
    expect(perUnit('710.2300')).toBe('7.1023');
    expect(perUnit('0.5118')).toBe('0.005118');
  });

  it('counts the calendar year in Shanghai time (the bank year)', () => {
    expect(bankYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(bankYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027); // 2027-01-01 00:00 in Shanghai
  });
});
