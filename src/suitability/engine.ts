import { text, type LocalizedText } from '../i18n/localized.js';
import {
  isOutcome,
  type Outcome,
  type RuleContext,
  type SuitabilityDecisionRecord,
  type SuitabilityFacts,
  type SuitabilityReason,
  type SuitabilityRule,
} from '../sdk/contract/suitability.js';
import { settingsForRule } from './scoped-settings.js';

/** A rule as registered: which source (core or plugin code) brought it. */
export interface RegisteredRule {
  rule: SuitabilityRule;
  source: string;
}

/** Receives rule failures; the engine never lets one escape. */
export type RuleErrorSink = (ruleId: string, error: unknown, facts: SuitabilityFacts) => void;

const fill = (template: string, params: Readonly<Record<string, string | number>>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));

/**
 * The message of a hit, filled in only when read: most decisions are computed
 * to be filtered (eligible products) or counted (impact analysis) and never
 * shown. One small object per hit (no closures); `toJSON` stores the text in
 * full when a decision is serialised as evidence.
 */
class FilledMessage implements LocalizedText {
  #zh: string | undefined;
  #en: string | undefined;
  constructor(
    readonly template: LocalizedText,
    readonly params: Readonly<Record<string, string | number>>,
  ) {}
  get 'zh-CN'(): string {
    return (this.#zh ??= fill(this.template['zh-CN'], this.params));
  }
  get en(): string {
    return (this.#en ??= fill(this.template.en, this.params));
  }
  toJSON(): LocalizedText {
    return { 'zh-CN': this['zh-CN'], en: this.en };
  }
}

const messageOf = (template: LocalizedText, params: Readonly<Record<string, string | number>> | undefined): LocalizedText =>
  params ? new FilledMessage(template, params) : template;

/** Outcome ranks, weakest first (a lookup, not a search, in the hot loop). */
const RANK: Readonly<Record<Outcome, number>> = { ALLOW: 0, WARN: 1, REQUIRE: 2, BLOCK: 3 };
const BY_RANK: readonly Outcome[] = ['ALLOW', 'WARN', 'REQUIRE', 'BLOCK'];

/** Does `rule` apply to this product? */

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

/** The fail-closed reason of a rule that threw or answered something the engine cannot use. */
function ruleError(registered: RegisteredRule): SuitabilityReason {
  const { rule, source } = registered;
  return {
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
  };
}

/**
 * Runs every applicable rule over the facts and combines them: the strictest
 * outcome wins and every reason is kept. Same facts and settings → same
 * decision. The loop allocates nothing for a rule with nothing to say: it runs
 * for every product of every customer (eligible lists, impact analysis).
 */
export function evaluateSuitability(
  rules: readonly RegisteredRule[],
  facts: SuitabilityFacts,
  ctx: RuleContext,
  onRuleError?: RuleErrorSink,
): SuitabilityDecisionRecord {
  const plan = planFor(rules, facts.product.line);
  const completed = facts.sale.completedSteps;
  // Allocated on the first hit: most (rule, product) pairs have nothing to say.
  let reasons: SuitabilityReason[] | null = null;
  let required: string[] | null = null;
  let rank = 0;
  const list = plan.rules;
  for (let i = 0; i < list.length; i++) {
    const registered = list[i]!;
    const rule = registered.rule;
    try {
      // Each rule reads only the settings it may (settingsForRule): a stray read is its RULE_ERROR.
      const hits = rule.evaluate(facts, { settings: settingsForRule(ctx.settings, registered), now: ctx.now });
      for (let j = 0; j < hits.length; j++) {
        const hit = hits[j]!;
        const def = rule.reasons[hit.code];
        if (!def) throw new Error(`rule returned undocumented reason code ${hit.code}`);
        // An outcome the engine does not know would rank below ALLOW and let the sale through: fail closed instead.
        const r = RANK[def.outcome];
        if (r === undefined || !isOutcome(def.outcome)) throw new Error(`reason ${hit.code} has no valid outcome (${String(def.outcome)})`);
        const step = def.step ?? null;
        const requires = r === 2 && step !== null;
        if (r > rank) rank = r;
        if (requires) {
          if (required === null) required = [step];
          else if (!required.includes(step)) required.push(step);
        }
        (reasons ??= []).push({
          code: hit.code,
          outcome: def.outcome,
          message: messageOf(def.message, hit.params),
          ruleId: rule.id,
          ruleVersion: rule.version,
          source: registered.source,
          regulation: rule.regulation,
          facts: hit.saw,
          step,
          satisfied: requires && completed.includes(step),
        });
      }
    } catch (error) {
      onRuleError?.(rule.id, error, facts);
      // Fail closed, and only for this product: the caller evaluates each product separately.
      (reasons ??= []).push(ruleError(registered));
      rank = 3;
    }
  }
  return {
    outcome: BY_RANK[rank]!,
    reasons: reasons ?? [],
    requiredSteps: required ?? [],
    missingSteps: required === null ? [] : required.filter((s) => !completed.includes(s)),
    evaluatedAt: facts.now,
    ruleVersions: plan.versions,
    settingsVersion: ctx.settings.version ?? 0,
  };
}
