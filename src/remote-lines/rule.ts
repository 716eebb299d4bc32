import { text } from '../i18n/localized.js';
import type { ReasonDefinition, SuitabilityFacts, SuitabilityRule } from '../sdk/contract/suitability.js';
import type { RemoteProblem } from './http.js';
import type { RemoteVerdict } from './verdicts.js';

/** The id of the rule that carries a remote line's verdicts (one instance per remote line, each limited to its line). */
export const REMOTE_LINE_RULE_ID = 'core.remote-line';

/**
 * The verdict fetched for one evaluation, keyed by its facts object: `decide()` asks the partner before the
 * synchronous engine runs and hands the answer over here. Facts rebuilt anywhere else (an impact analysis, a
 * stored record) have none, and the rule then fails closed.
 */
const verdicts = new WeakMap<SuitabilityFacts, RemoteVerdict>();

/** Hands the remote verdict of one evaluation to the engine. */
export function attachRemoteVerdict(facts: SuitabilityFacts, verdict: RemoteVerdict): void {
  verdicts.set(facts, verdict);
}

/** No usable verdict: the engine turns it into BLOCK `RULE_ERROR` for this product only. Carries no data. */
export class RemoteVerdictError extends Error {
  constructor(
    readonly remoteLine: string,
    readonly problem: RemoteProblem | 'absent',
  ) {
    super(`remote line ${remoteLine}: no usable suitability verdict (${problem})`);
    this.name = 'RemoteVerdictError';
  }
}

/** What the rule needs of its line: the code, the `ProductLine` value and the contract's reasons. */
export interface RemoteRuleLine {
  code: string;
  line: string;
  reasons(): Readonly<Record<string, ReasonDefinition>>;
}

/**
 * `core.remote-line` for one remote line: its reasons are the partner's (codes prefixed with the line, each with
 * the outcome and step the partner's contract declares, messages as the partner wrote them). Without a usable
 * verdict — timeout, network error, refused token, malformed answer, unknown outcome, a code without the prefix
 * or outside the contract — it throws, which the engine records as `RULE_ERROR` (BLOCK) for that product alone.
 * The host's own rules (risk matching, cooling-off, seller qualification…) run beside it as for every line.
 */
export function remoteLineRule(line: RemoteRuleLine): SuitabilityRule {
  return {
    id: REMOTE_LINE_RULE_ID,
    version: '1.0.0',
    lines: [line.line],
    reads: [],
    regulation: text(
      '合作方产品线自身的适当性规则（合作方按本行披露的最少事实批量评估）',
      "The partner line's own suitability rules, evaluated in batches by the partner on the minimum facts the bank discloses",
    ),
    description: text(
      `由合作方子图评估的 ${line.code} 产品线适当性规则；无有效答复时暂停该线产品销售`,
      `The ${line.code} line's rules, evaluated by the partner's subgraph; without a usable answer the line's products are blocked`,
    ),
    get reasons() {
      return line.reasons() as Record<string, ReasonDefinition>;
    },
    evaluate(facts) {
      const verdict = verdicts.get(facts);
      if (!verdict) throw new RemoteVerdictError(line.code, 'absent');
      if (!verdict.ok) throw new RemoteVerdictError(line.code, verdict.problem);
      return verdict.hits.map((h) => ({
        code: h.code,
        params: { zh: h.messageZh, en: h.messageEn },
        saw: { remoteLine: line.code, productCode: facts.product.code },
      }));
    },
  };
}
