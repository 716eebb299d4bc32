import { Decimal } from 'decimal.js';

/** A plain decimal numeral as PostgreSQL's numeric prints it: sign, digits, optional fraction. */
const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

const POW10: bigint[] = Array.from({ length: 40 }, (_, i) => 10n ** BigInt(i));

/**
 * `a × b` rounded to cents (half away from zero, as decimal.js's default
 * ROUND_HALF_UP), printed with two places — exactly, as PostgreSQL's numeric
 * would compute it. Valuing a page of holdings does this twice per holding;
 * integer arithmetic on the digits allocates a few BigInts where decimal.js
 * built and normalised several Decimal objects per product. A numeral in any
 * other form (exponent) goes through decimal.js.
 */
export function multiplyToCents(a: string, b: string): string {
  const x = PLAIN.exec(a);
  const y = PLAIN.exec(b);
  if (!x || !y) return new Decimal(a).mul(b).toDecimalPlaces(2).toFixed(2);
  const xf = x[3] ?? '';
  const yf = y[3] ?? '';
  const scale = xf.length + yf.length;
  if (scale >= POW10.length) return new Decimal(a).mul(b).toDecimalPlaces(2).toFixed(2);
  let n = BigInt(x[2]! + xf) * BigInt(y[2]! + yf);
  if (scale > 2) {
    const d = POW10[scale - 2]!;
    const q = n / d;
    n = (n % d) * 2n >= d ? q + 1n : q;
  } else if (scale < 2) n *= POW10[2 - scale]!;
  const digits = n.toString().padStart(3, '0');
  const negative = x[1] !== y[1] && n !== 0n;
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** `a` rounded to cents, two places (see {@link multiplyToCents}). */
export const toCents = (a: string): string => multiplyToCents(a, '1');
