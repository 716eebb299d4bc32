import { evaluateSuitability, type RegisteredRule } from '../suitability/engine.js';
import type { SettingDefinition } from '../settings/registry.js';
import type { SuitabilityDecisionRecord, SuitabilityFacts, SuitabilityRule } from './contract/suitability.js';
import { testSettings } from './test-settings.js';

/** Evaluates `rules` (attributed to `source`, by default the plugin their ids name) over facts, as the host engine does. */
export function evaluateRules(
  rules: SuitabilityRule[],
  facts: SuitabilityFacts,
  opts: { source?: string; settings?: SettingDefinition[]; overrides?: Record<string, unknown> } = {},
): SuitabilityDecisionRecord {
  // Attributed as the host attributes them: to the plugin their id names (a rule reads its own source's settings).
  const registered: RegisteredRule[] = rules.map((rule) => ({ rule, source: opts.source ?? rule.id.slice(0, rule.id.indexOf('.')) }));
  return evaluateSuitability(registered, facts, {
    settings: testSettings(opts.settings, opts.overrides),
    now: new Date(facts.now),
  });
}
