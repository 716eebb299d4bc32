import { badInput } from '../graphql/errors.js';
import { text } from '../i18n/localized.js';
import { SettingValueError, type SettingsRegistry } from '../settings/registry.js';
import { SETTING_DISABLED_RULES } from '../suitability/active-rules.js';
import type { RegisteredRule } from '../suitability/engine.js';

/** A proposed rule change: setting values, rules to switch off, rules to switch back on. */
export interface Proposal {
  settings: { key: string; value: unknown }[];
  disableRules: string[];
  enableRules: string[];
}

/** The settings a proposal would put in force (checked against each setting's schema) and the rules it would switch off. */
export interface CheckedProposal {
  overrides: Record<string, unknown>;
  disabled: string[];
}

/**
 * Checks a proposal before anything runs: every setting known and its value valid, every rule id a
 * registered rule, nothing both disabled and enabled. BAD_USER_INPUT naming what is wrong.
 */
export function checkProposal(p: Proposal, settings: SettingsRegistry, rules: readonly RegisteredRule[]): CheckedProposal {
  const overrides: Record<string, unknown> = {};
  if (p.settings.length + p.disableRules.length + p.enableRules.length === 0)
    throw badInput(text('未提出任何变更', 'The proposal changes nothing'), 'settings');
  for (const [i, s] of p.settings.entries()) {
    if (s.key === SETTING_DISABLED_RULES)
      throw badInput(text('停用或启用规则请用 disableRules / enableRules', 'Switch rules with disableRules / enableRules'), `settings[${i}].key`);
    try {
      overrides[s.key] = settings.check(s.key, s.value);
    } catch (e) {
      if (e instanceof SettingValueError) throw badInput(text(`设置值无效：${e.message}`, `Invalid setting: ${e.message}`), `settings[${i}]`);
      throw e;
    }
  }
  const known = new Set(rules.map((r) => r.rule.id));
  for (const [field, ids] of [
    ['disableRules', p.disableRules],
    ['enableRules', p.enableRules],
  ] as const) {
    for (const id of ids) if (!known.has(id)) throw badInput(text(`没有规则 ${id}`, `No rule ${id}`), field);
  }
  if (p.disableRules.some((id) => p.enableRules.includes(id)))
    throw badInput(text('同一规则不能既停用又启用', 'A rule cannot be both disabled and enabled'), 'enableRules');
  const current = settings.get<string[]>(SETTING_DISABLED_RULES);
  const disabled = [...new Set([...current.filter((id) => !p.enableRules.includes(id)), ...p.disableRules])].sort();
  if (p.disableRules.length + p.enableRules.length > 0) overrides[SETTING_DISABLED_RULES] = disabled;
  return { overrides, disabled };
}
