import { GraphQLScalarType, Kind } from 'graphql';
import { Decimal } from 'decimal.js';
import { text } from '../i18n/localized.js';
import { ScalarInputError } from './errors.js';

/**
 * At most this many integer digits. Every money column is numeric(20,4)
 * (below 10^16); one digit less leaves room for what the host derives from an
 * amount (its CNY value at any reference rate, position totals), so no input
 * can make a statement overflow a column.
 */
export const DECIMAL_MAX_INTEGER_DIGITS = 15;
export const DECIMAL_MAX_FRACTION_DIGITS = 10;
const DECIMAL_RE = /^-?(\d+)(?:\.(\d+))?$/;

function parseDecimal(value: unknown): string {
  const s = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  const m = typeof s === 'string' ? DECIMAL_RE.exec(s) : null;
  if (!m) throw new ScalarInputError(text('Decimal 须为十进制数字字符串，如 "1234.56"', 'Decimal must be a string such as "1234.56"'));
  const integerDigits = m[1].replace(/^0+(?=\d)/, '').length;
  if (integerDigits > DECIMAL_MAX_INTEGER_DIGITS || (m[2]?.length ?? 0) > DECIMAL_MAX_FRACTION_DIGITS) {
    throw new ScalarInputError(
      text(
        `Decimal 整数部分最多 ${DECIMAL_MAX_INTEGER_DIGITS} 位、小数部分最多 ${DECIMAL_MAX_FRACTION_DIGITS} 位`,
        `Decimal allows at most ${DECIMAL_MAX_INTEGER_DIGITS} integer and ${DECIMAL_MAX_FRACTION_DIGITS} decimal digits`,
      ),
    );
  }
  return new Decimal(s as string).toFixed();
}

/** Exact decimal numbers as strings on the wire (money is never a float). */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: `An exact decimal number, as a string on the wire (e.g. "10000.00"); as input at most ${DECIMAL_MAX_INTEGER_DIGITS} integer and ${DECIMAL_MAX_FRACTION_DIGITS} decimal digits.`,
  serialize: (v) => (v instanceof Decimal ? v.toFixed() : new Decimal(String(v)).toFixed()),
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return parseDecimal(ast.value);
    throw new ScalarInputError(text('Decimal 须为字符串', 'Decimal must be a string'));
  },
});

const DATE_RE = /^(\d{4})-\d{2}-\d{2}$/;
/** PostgreSQL has no year 0 (1 BC is followed by AD 1), and no business date is that old. */
const yearZero = () => new ScalarInputError(text('日期的年份须在 0001 到 9999 之间', 'the year must be 0001 to 9999'));

function parseDate(value: unknown): string {
  const m = typeof value === 'string' ? DATE_RE.exec(value) : null;
  const d = m ? new Date(`${value as string}T00:00:00Z`) : null;
  if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new ScalarInputError(text('日期须为 YYYY-MM-DD 格式的有效日期', 'Date must be a valid YYYY-MM-DD'));
  }
  if (Number(m[1]) < 1) throw yearZero();
  return value as string;
}

/** A calendar date, ISO 8601 `YYYY-MM-DD`. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, ISO 8601 (YYYY-MM-DD), year 0001 to 9999.',
  serialize: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new ScalarInputError(text('Date 须为字符串', 'Date must be a string'));
    return parseDate(ast.value);
  },
});

function parseDateTime(value: unknown): Date {
  const d = typeof value === 'string' ? new Date(value) : undefined;
  if (!d || Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value as string)) {
    throw new ScalarInputError(text('DateTime 须为带时区的 ISO 8601 时间', 'DateTime must be ISO 8601'));
  }
  // "0001-01-01T00:00:00+08:00" is still year 0 in UTC, which is what gets stored.
  if (d.getUTCFullYear() < 1) throw yearZero();
  return d;
}

/** An instant, ISO 8601 with offset. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, ISO 8601 with time zone (e.g. 2026-11-23T09:00:00.000Z), from year 0001.',
  serialize: (v) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString()),
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new ScalarInputError(text('DateTime 须为字符串', 'DateTime must be a string'));
    return parseDateTime(ast.value);
  },
});
