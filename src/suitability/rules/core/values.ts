import { Decimal } from 'decimal.js';
import type { RuleContext, SuitabilityFacts } from '../../types.js';

/** One day in milliseconds; validity periods are counted in whole 24-hour days. */
export const DAY_MS = 86_400_000;

/** A finite decimal from a decimal string, or null when the string is blank or not a number. */
export function decimalOrNull(value: string | null | undefined): Decimal | null {
  if (value == null || value.trim() === '') return null;
  try {
    const d = new Decimal(value.trim());
    return d.isFinite() ? d : null;
  } catch {
    return null;
  }
}

/** Milliseconds since the epoch of an ISO 8601 date or date-time, or null when unparseable. */
export function instantOrNull(value: string | null | undefined): number | null {
  if (value == null || value.trim() === '') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * The evaluation instant. `facts.now` is canonical (it is also the decision's
 * `evaluatedAt`); `ctx.now` only covers a malformed `facts.now`.
 */
export const evaluationInstant = (facts: SuitabilityFacts, ctx: RuleContext): number =>
  instantOrNull(facts.now) ?? ctx.now.getTime();

/** Plain notation for messages: never exponent form, no float rounding. */
export const plain = (d: Decimal): string => d.toFixed();
