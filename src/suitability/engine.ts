import { text, type LocalizedText } from '../i18n/localized.js';
import {
  isOutcome,
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

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));

/**
 * The message of a hit, filled in only when read: most decisions are computed
 * to be filtered (eligible products) and never shown. Getters are enumerable,
 * so the text is stored in full when a decision is serialised as evidence.
 */
function messageOf(template: LocalizedText, params: Record<string, string | number> | undefined): LocalizedText {
  if (!params) return template;
  let zh: string | undefined;
  let en: string | undefined;
  return {
    get 'zh-CN'() {
      return (zh ??= fill(template['zh-CN'], params));
    },
    get en() {
      return (en ??= fill(template.en, params));
    },
  };
}

/** Does `rule` apply to this product? */
export const ruleApplies = (r: RegisteredRule, facts: SuitabilityFacts): boolean =>
  !r.rule.lines || r.rule.lines.includes(facts.product.line);

/** The rules of one line and their versions, worked out once per rule set. */
interface LinePlan {
  rules: RegisteredRule[];
  versions: Readonly<Record<string, string>>;
}

// Rule sets are built once at boot and evaluated for every product of every
// customer: planning per line once keeps the hot loop free of filtering.
const plans = new WeakMap<readonly RegisteredRule[], Map<string, LinePlan>>();

function planFor(rules: readonly RegisteredRule[], line: string): LinePlan {
  let byLine = plans.get(rules);
  if (!byLine) {
    byLine = new Map();
    plans.set(rules, byLine);
  }
  let plan = byLine.get(line);
  if (!plan) {
    const applicable = rules.filter((r) => !r.rule.lines || r.rule.lines.includes(line));
    plan = { rules: applicable, versions: Object.freeze(Object.fromEntries(applicable.map((r) => [r.rule.id, r.rule.version]))) };
    byLine.set(line, plan);
  }
  return plan;
}

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
  const plan = planFor(rules, facts.product.line);
  const completed = facts.sale.completedSteps;
  for (const registered of plan.rules) {
    const { rule, source } = registered;
    try {
      for (const hit of rule.evaluate(facts, ctx)) {
        const def = rule.reasons[hit.code];
        if (!def) throw new Error(`rule returned undocumented reason code ${hit.code}`);
        // An outcome the engine does not know would rank below ALLOW and let the sale through: fail closed instead.
        if (!isOutcome(def.outcome)) throw new Error(`reason ${hit.code} has no valid outcome (${String(def.outcome)})`);
        reasons.push({
          code: hit.code,
          outcome: def.outcome,
          message: messageOf(def.message, hit.params),
          ruleId: rule.id,
          ruleVersion: rule.version,
          source,
          regulation: rule.regulation,
          facts: hit.saw,
          step: def.step ?? null,
          satisfied: def.outcome === 'REQUIRE' && !!def.step && completed.includes(def.step),
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
  const requiredSteps: string[] = [];
  for (const r of reasons) {
    outcome = stricter(outcome, r.outcome);
    if (r.outcome === 'REQUIRE' && r.step && !requiredSteps.includes(r.step)) requiredSteps.push(r.step);
  }
  return {
    outcome,
    reasons,
    requiredSteps,
    missingSteps: requiredSteps.filter((s) => !completed.includes(s)),
    evaluatedAt: facts.now,
    ruleVersions: plan.versions,
  };
}
