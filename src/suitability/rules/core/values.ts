import type { Decimal } from 'decimal.js';
import type { RuleContext, SuitabilityFacts } from '../../../sdk/contract/suitability.js';
import { perString } from '../../../sdk/per-string.js';

/** One day in milliseconds; validity periods are counted in whole 24-hour days. */
export const DAY_MS = 86_400_000;

/**
 * The ISO 8601 forms the facts carry: a calendar date (read as UTC midnight), or a
 * date and time with seconds and a UTC offset. Anything else is unreadable: Date.parse
 * alone would also read "TBD 5" (as 2001-05-01) or "2026-12-01 00:00" (in the
 * server's local time zone), and a rule must not act on such a guess.
 */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** Milliseconds since the epoch of an ISO 8601 date or date-time (see ISO_INSTANT), or null when unreadable. */
export function instantOrNull(value: string | null | undefined): number | null {
  return instants(value ?? '');
}

// The evaluation instant, sale bounds and assessment dates repeat across evaluations: each string is parsed once.
const instants = perString((s: string): number | null => {
  if (!ISO_INSTANT.test(s)) return null;
  const ms = Date.parse(s);
  const day = s.slice(0, 10);
  // Date.parse rolls an impossible day over (2026-02-30 reads as 2026-03-02): the day must read back unchanged.
  return Number.isNaN(ms) || new Date(Date.parse(day)).toISOString().slice(0, 10) !== day ? null : ms;
});

/**
 * The evaluation instant. `facts.now` is canonical (it is also the decision's
 * `evaluatedAt`); `ctx.now` only covers a malformed `facts.now`.
 */
export const evaluationInstant = (facts: SuitabilityFacts, ctx: RuleContext): number => instantOrNull(facts.now) ?? ctx.now.getTime();

/** Plain notation for messages: never exponent form, no float rounding. */
export const plain = (d: Decimal): string => d.toFixed();
