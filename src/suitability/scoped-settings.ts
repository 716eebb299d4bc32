import type { RegisteredRule } from './engine.js';
import type { SettingsReader } from '../sdk/contract/suitability.js';

/** A rule read a setting it may not: the engine turns it into that product's RULE_ERROR. */
export class SettingOutOfScopeError extends Error {}

/** Who declared a key: the part before the first dot (`core`, or a plugin's code — boot checks hold settings to it). */
export const settingOwner = (key: string): string => key.slice(0, key.indexOf('.'));

/**
 * May this rule read `key`? The keys it declares in `reads` when it declares any; else its own source's
 * (a plugin's rule its plugin's settings, a core rule the host's).
 */
export function mayRead(registered: RegisteredRule, key: string): boolean {
  const declared = registered.rule.reads;
  return declared ? declared.includes(key) : settingOwner(key) === registered.source;
}

const scoped = new WeakMap<SettingsReader, WeakMap<RegisteredRule, SettingsReader>>();

/**
 * The settings as one rule may read them ({@link mayRead}); another read throws
 * {@link SettingOutOfScopeError}, which the engine makes that product's RULE_ERROR BLOCK. Why hold rules to
 * it: a rule's inputs are then known before it runs — the impact analysis judges only the rules a proposed
 * change can reach (a change to the senior-customer age reaches one core rule, not the whole catalog's).
 * One scoped reader per reader and rule (cached: rules run for every product of every customer).
 */
export function settingsForRule(reader: SettingsReader, registered: RegisteredRule): SettingsReader {
  let byRule = scoped.get(reader);
  if (!byRule) {
    byRule = new WeakMap();
    scoped.set(reader, byRule);
  }
  let s = byRule.get(registered);
  if (!s) {
    s = {
      get: <T>(key: string): T => {
        if (!mayRead(registered, key)) throw new SettingOutOfScopeError(`rule ${registered.rule.id} read ${key}, which it does not declare in reads`);
        return reader.get<T>(key);
      },
      get version() {
        return reader.version;
      },
    };
    byRule.set(registered, s);
  }
  return s;
}
