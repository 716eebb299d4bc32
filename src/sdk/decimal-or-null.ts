import { Decimal } from 'decimal.js';
import { perStringValue } from './per-string.js';

/**
 * The notation the host writes decimals in: the `Decimal` scalar's, Postgres'
 * `numeric` output and `Decimal#toFixed()` (a server figure) all look like this.
 */
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * A decimal from a value a rule reads (an amount, a product detail, a sale
 * figure, a report field), or null when the value holds none.
 *
 * Read: a string in plain notation exactly as written (`"1500"`, `"-0.25"`,
 * `"865.20"`), or a finite JSON number whose JavaScript text is in that notation.
 * Null: `null`, `undefined`, `''`, text that is no number (`'abc'`, `'n/a'`),
 * `'NaN'`, `'Infinity'`, surrounding spaces, exponents (`'1e3'`), hex, booleans,
 * objects — decimal.js would accept some of these, and a rule must not act on
 * a value the host never writes.
 *
 * Null does not say whether the value was absent or unreadable: a rule that
 * must tell them apart (to fail closed on the second) checks the raw value too.
 * Sign and range are the caller's (a gram figure must not be negative, an
 * amount not zero).
 *
 * Why the SDK exports it: the core rules, funds, loans, gold and forex each
 * parsed decimals their own way, with two return types and different answers
 * for the same text. Remembered per string (rules read the same amounts and
 * minimums for every evaluation; Decimals are immutable).
 */
export const decimalOrNull: (value: unknown) => Decimal | null = perStringValue(parse);

function parse(value: unknown): Decimal | null {
  const text = typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
  return text !== null && PLAIN_DECIMAL.test(text) ? new Decimal(text) : null;
}
