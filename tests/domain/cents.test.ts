import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { multiplyToCents, toCents } from '../../src/domain/common/cents.js';

// Market values are computed with integer arithmetic on the digits; they must
// equal decimal.js (quantity × price, rounded half-up to cents) wherever
// decimal.js is exact, and be exact where its 20 significant digits are not.

const viaDecimal = (a: string, b: string) => new Decimal(a).mul(b).toDecimalPlaces(2).toFixed(2);

describe('multiplyToCents', () => {
  it('rounds half away from zero at the third place', () => {
    expect(multiplyToCents('1.005', '1')).toBe('1.01');
    expect(multiplyToCents('1.0049', '1')).toBe('1.00');
    expect(multiplyToCents('-1.005', '1')).toBe('-1.01');
    expect(multiplyToCents('0.004', '1')).toBe('0.00');
    expect(multiplyToCents('-0.004', '1')).toBe('0.00');
    expect(multiplyToCents('3', '2')).toBe('6.00');
    expect(multiplyToCents('0.5', '0.3')).toBe('0.15');
    expect(toCents('12.3')).toBe('12.30');
  });

  it('equals decimal.js on 20,000 random quantities and prices as the database stores them', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    // Within decimal.js's precision: at most 20 significant digits in the product.
    const numeral = (magnitude: number) => `${rand(3) === 0 ? '-' : ''}${rand(10 ** rand(magnitude))}.${String(rand(10000)).padStart(4, '0')}`;
    for (let i = 0; i < 20_000; i++) {
      const a = numeral(7);
      const b = numeral(5);
      expect(multiplyToCents(a, b), `${a} × ${b}`).toBe(viaDecimal(a, b).replace(/^-0\.00$/, '0.00'));
    }
  });

  it('is exact beyond decimal.js’s 20 significant digits (as PostgreSQL computes it)', () => {
    expect(multiplyToCents('68309248.7744', '68392704.5488')).toBe('4671854269378017.70');
    expect(multiplyToCents('123456789012.3456', '98765.4321')).toBe('12193263112482845.42');
  });

  it('takes other notations through decimal.js', () => {
    expect(multiplyToCents('1e2', '0.5')).toBe('50.00');
  });
});
