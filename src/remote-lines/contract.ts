import { z } from 'zod';
import { text } from '../i18n/localized.js';
import { isOutcome, type ReasonDefinition } from '../sdk/contract/suitability.js';
import { isDisclosableFact, type DisclosableFact } from './facts.js';
import { RemoteCallError } from './http.js';

/**
 * A remote line's suitability contract, as its subgraph declares it (`suitabilityContract`): which facts its
 * rules read, and every reason code they can give with its outcome and, for a REQUIRE, the step that lifts it —
 * what a local plugin's manifest says through its rules' `reasons`.
 */
export interface RemoteContract {
  /** The facts the host sends with each request (a subset of the host's vocabulary). */
  facts: ReadonlySet<DisclosableFact>;
  /** Reason definitions by code; messages are the partner's, filled per verdict (`{zh}` / `{en}`). */
  reasons: Readonly<Record<string, ReasonDefinition>>;
}

/** The query the host sends once per line and process (and again after a verdict cites an unknown code). */
export const CONTRACT_QUERY = 'query FinmartSuitabilityContract { suitabilityContract { line facts reasons { code outcome step messageZh messageEn } } }';

const contractSchema = z.object({
  suitabilityContract: z.object({
    line: z.string(),
    facts: z.array(z.string().max(100)).max(100),
    reasons: z
      .array(
        z.object({
          code: z.string().min(1).max(100),
          outcome: z.string(),
          step: z.string().min(1).max(100).nullish(),
          messageZh: z.string().min(1).max(2000),
          messageEn: z.string().min(1).max(2000),
        }),
      )
      .max(500),
  }),
});

/** The prefix every reason code of a remote line carries: its `ProductLine` value and an underscore (`INSURANCE_`). */
export const reasonPrefix = (line: string): string => `${line}_`;

/** A verdict's message template: the partner fills its messages; the host shows them as given. */
const PARTNER_MESSAGE = text('{zh}', '{en}');

/**
 * Checks a contract answer (`data` of {@link CONTRACT_QUERY}). Throws {@link RemoteCallError} `malformed` for a
 * wrong shape and `contract` for a contract the host will not honour: another line, a fact outside the host's
 * vocabulary (personal data is not in it), a code without the line's prefix, an unknown outcome, a REQUIRE
 * without a step.
 */
export function readContract(data: unknown, line: string): RemoteContract {
  const parsed = contractSchema.safeParse(data);
  if (!parsed.success) throw new RemoteCallError('malformed');
  const c = parsed.data.suitabilityContract;
  if (c.line !== line) throw new RemoteCallError('contract');
  const facts = new Set<DisclosableFact>();
  for (const f of c.facts) {
    if (!isDisclosableFact(f)) throw new RemoteCallError('contract');
    facts.add(f);
  }
  const reasons: Record<string, ReasonDefinition> = {};
  for (const r of c.reasons) {
    const { outcome } = r;
    if (!isOutcome(outcome) || !r.code.startsWith(reasonPrefix(line)) || (outcome === 'REQUIRE' && !r.step) || reasons[r.code])
      throw new RemoteCallError('contract');
    reasons[r.code] = { outcome, message: PARTNER_MESSAGE, ...(r.step ? { step: r.step } : {}) };
  }
  return { facts, reasons };
}
