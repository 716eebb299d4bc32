import type { z } from 'zod';
import type { LocalizedText } from '../i18n/localized.js';
import type { SettingsReader } from './reader.js';

/** A bank setting: a threshold a bank chooses and changes, with its default. */
export interface SettingDefinition<T = unknown> {
  /** `<source>.<name>`, e.g. `core.riskAssessmentValidityDays`, `gold.requiredRiskLevel`. */
  key: string;
  description: LocalizedText;
  schema: z.ZodType<T>;
  default: T;
}

/** A problem with a stored setting value. */
export class SettingValueError extends Error {}

/**
 * Settings: declared defaults, overridden by the bank's stored values. Reads are
 * synchronous (rules are pure); stored values are validated when loaded and set.
 */
export class SettingsRegistry implements SettingsReader {
  private readonly defs = new Map<string, SettingDefinition>();
  private readonly values = new Map<string, unknown>();
  /** How many changes the bank's settings have had (setting_changes); decision records cite it. */
  version = 0;

  register(def: SettingDefinition, owner: string): void {
    if (this.defs.has(def.key)) throw new Error(`Setting ${def.key} declared twice (by ${owner})`);
    const checked = def.schema.safeParse(def.default);
    if (!checked.success) throw new Error(`Setting ${def.key} of ${owner} has an invalid default`);
    this.defs.set(def.key, def);
  }

  /** Applies a stored value; throws {@link SettingValueError} when it does not fit the schema. */
  set(key: string, value: unknown): void {
    const def = this.defs.get(key);
    if (!def) throw new SettingValueError(`Unknown setting ${key}`);
    const checked = def.schema.safeParse(value);
    if (!checked.success) throw new SettingValueError(`Invalid value for ${key}: ${checked.error.issues[0]?.message}`);
    this.values.set(key, checked.data);
  }

  get<T = unknown>(key: string): T {
    const def = this.defs.get(key);
    if (!def) throw new Error(`Unknown setting ${key}`);
    return (this.values.has(key) ? this.values.get(key) : def.default) as T;
  }

  definitions(): SettingDefinition[] {
    return [...this.defs.values()];
  }

  /** A reader with some values overridden (tests, what-if checks). */
  withOverrides(overrides: Record<string, unknown>): SettingsReader {
    return { get: <T>(key: string) => (key in overrides ? (overrides[key] as T) : this.get<T>(key)) };
  }

  /** Checks a value against its setting's schema without applying it: the parsed value, or {@link SettingValueError}. */
  check(key: string, value: unknown): unknown {
    const def = this.defs.get(key);
    if (!def) throw new SettingValueError(`Unknown setting ${key}`);
    const checked = def.schema.safeParse(value);
    if (!checked.success) throw new SettingValueError(`Invalid value for ${key}: ${checked.error.issues[0]?.message}`);
    return checked.data;
  }
}
