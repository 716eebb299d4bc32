import { z } from 'zod';
import { text } from '../i18n/localized.js';
import type { SettingDefinition } from '../settings/registry.js';
import type { RegisteredRule } from './engine.js';
import type { SettingsReader } from '../sdk/contract/suitability.js';
import { REMOTE_LINE_RULE_ID } from '../remote-lines/rule.js';

export const SETTING_DISABLED_RULES = 'core.disabledRules';

/** `core.disabledRules`: rule ids the bank has switched off (changed only through changeSetting, after an impact report). */
export const disabledRulesSetting: SettingDefinition<string[]> = {
  key: SETTING_DISABLED_RULES,
  description: text(
    '停用的适当性规则（规则编号；经影响分析后由总行变更）',
    'Suitability rules switched off (rule ids; changed by head office after an impact analysis)',
  ),
  schema: z.array(z.string().regex(/^[a-z][a-z0-9_-]*\.[a-z0-9-]+$/)).max(200),
  default: [],
};

const filtered = new WeakMap<readonly RegisteredRule[], { disabled: readonly string[]; rules: readonly RegisteredRule[] }>();

/**
 * The rules in force: every registered rule but those `core.disabledRules` names. The same array is
 * returned while the setting does not change, so the engine's per-line plans stay cached.
 */
export function rulesInForce(
  rules: readonly RegisteredRule[],
  settings: SettingsReader,
  disabled: readonly string[] = settings.get<string[]>(SETTING_DISABLED_RULES) ?? [],
): readonly RegisteredRule[] {
  if (disabled.length === 0) return rules;
  const hit = filtered.get(rules);
  if (hit && hit.disabled === disabled) return hit.rules;
  // A remote line's rules run at the partner: switching off the rule that carries them would sell its products unguarded.
  const kept = rules.filter((r) => r.rule.id === REMOTE_LINE_RULE_ID || !disabled.includes(r.rule.id));
  filtered.set(rules, { disabled, rules: kept });
  return kept;
}
