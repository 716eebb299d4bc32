import { text } from '../i18n/localized.js';
import {
  stricter,
  type Outcome,
  type RuleContext,
  type SuitabilityDecisionRecord,
  type SuitabilityFacts,
  type SuitabilityReason,
  type SuitabilityRule,
} from './types.js';

/** A rule as registered: which source (core or plugin code) brought it. */
export interface RegisteredRule {
  rule: SuitabilityRule;
  source: string;
}

/** Receives rule failures; the engine never lets one escape. */
export type RuleErrorSink = (ruleId: string, error: unknown, facts: SuitabilityFacts) => void;

const fill = (template: string, params: Record<string, string | number> = {}) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));

/** Does `rule` apply to this product? */
export const ruleApplies = (r: RegisteredRule, facts: SuitabilityFacts): boolean =>
  !r.rule.lines || r.rule.lines.includes(facts.product.line);

/**
 * Runs every applicable rule over the facts and combines them: the strictest
 * outcome wins and every reason is kept. Same facts and settings → same decision.
 */
export function evaluateSuitability(
  rules: readonly RegisteredRule[],
  facts: SuitabilityFacts,
  ctx: RuleContext,
  onRuleError?: RuleErrorSink,
): SuitabilityDecisionRecord {
  const reasons: SuitabilityReason[] = [];
  const ruleVersions: Record<string, string> = {};
  const completed = new Set(facts.sale.completedSteps);
  for (const registered of rules) {
    if (!ruleApplies(registered, facts)) continue;
    const { rule, source } = registered;
    ruleVersions[rule.id] = rule.version;
    try {
      for (const hit of rule.evaluate(facts, ctx)) {
        const def = rule.reasons[hit.code];
        if (!def) throw new Error(`rule returned undocumented reason code ${hit.code}`);
        reasons.push({
          code: hit.code,
          outcome: def.outcome,
          message: { 'zh-CN': fill(def.message['zh-CN'], hit.params), en: fill(def.message.en, hit.params) },
          ruleId: rule.id,
          ruleVersion: rule.version,
          source,
          regulation: rule.regulation,
          facts: hit.saw,
          step: def.step ?? null,
          satisfied: def.outcome === 'REQUIRE' && !!def.step && completed.has(def.step),
        });
      }
    } catch (error) {
      onRuleError?.(rule.id, error, facts);
      // Fail closed, and only for this product: the caller evaluates each product separately.
      reasons.push({
        code: 'RULE_ERROR',
        outcome: 'BLOCK',
        message: text(`适当性规则 ${rule.id} 执行失败，暂停销售`, `Suitability rule ${rule.id} failed; the sale is blocked`),
        ruleId: rule.id,
        ruleVersion: rule.version,
        source,
        regulation: rule.regulation,
        facts: {},
        step: null,
        satisfied: false,
      });
    }
  }
  let outcome: Outcome = 'ALLOW';
  for (const r of reasons) outcome = stricter(outcome, r.outcome);
  const requiredSteps = [...new Set(reasons.filter((r) => r.outcome === 'REQUIRE' && r.step).map((r) => r.step!))];
  return {
    outcome,
    reasons,
    requiredSteps,
    missingSteps: requiredSteps.filter((s) => !completed.has(s)),
    evaluatedAt: facts.now,
    ruleVersions,
  };
}
