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

/** A row of `bank_settings` as read: the key and its stored JSON value. */
export interface StoredSetting {
  key: string;
  value: unknown;
}

/** What {@link SettingsRegistry.applyStored} did. */
export interface AppliedSettings {
  /** Keys whose stored value differed from the one last read (added, changed or removed), in key order. */
  changed: string[];
  /** The version now in force. */
  version: number;
}

/**
 * One immutable state of the settings: values and the version they belong to. A request reads one
 * snapshot from start to end (`createRequestContext`), so a decision cites the version of exactly the
 * values its rules read, even when another node's change arrives while it runs. Snapshots are replaced,
 * never changed: a new one is made for each change, so identity-keyed memos (scoped readers, rules in
 * force, plugin readers) stay warm between changes and are rebuilt once after one.
 */
export class SettingsSnapshot implements SettingsReader {
  constructor(
    private readonly defs: ReadonlyMap<string, SettingDefinition>,
    private readonly values: ReadonlyMap<string, unknown>,
    /** How many changes the bank's settings have had (setting_changes); decision records cite it. */
    readonly version: number,
  ) {}

  get<T = unknown>(key: string): T {
    const def = this.defs.get(key);
    if (!def) throw new Error(`Unknown setting ${key}`);
    return (this.values.has(key) ? this.values.get(key) : def.default) as T;
  }

  /** Every declared setting with the value in force in this snapshot (impact workers are handed these). */
  entries(): Record<string, unknown> {
    return Object.fromEntries([...this.defs.keys()].map((k) => [k, this.get(k)]));
  }

  /** A reader with some values overridden (what-if checks), citing this snapshot's version. */
  withOverrides(overrides: Record<string, unknown>): SettingsReader {
    return withOverrides(this, overrides);
  }
}

/** `reader` with some values overridden (tests, what-if checks): reads the rest, and cites the version, of `reader`. */
export function withOverrides(reader: SettingsReader, overrides: Record<string, unknown>): SettingsReader {
  return { get: <T>(key: string) => (key in overrides ? (overrides[key] as T) : reader.get<T>(key)), version: reader.version };
}

/** Every declared setting with its value in force, from a registry or one of its snapshots (empty for other readers). */
export function settingEntries(reader: SettingsReader): Record<string, unknown> {
  if (reader instanceof SettingsSnapshot) return reader.entries();
  if (reader instanceof SettingsRegistry) return reader.snapshot().entries();
  return {};
}

/**
 * Settings: declared defaults, overridden by the bank's stored values. Reads are synchronous (rules are
 * pure); stored values are validated when loaded and set. The state in force is one
 * {@link SettingsSnapshot}, swapped whole on every change, so no reader ever sees half of a reload.
 */
export class SettingsRegistry implements SettingsReader {
  private readonly defs = new Map<string, SettingDefinition>();
  /** The stored values in force (those of {@link current}); never changed in place, replaced. */
  private values: ReadonlyMap<string, unknown> = new Map();
  private current = new SettingsSnapshot(this.defs, this.values, 0);
  /** Each key's value as last read from `bank_settings` (JSON text): a reload applies only what differs from it. */
  private stored = new Map<string, string>();

  register(def: SettingDefinition, owner: string): void {
    if (this.defs.has(def.key)) throw new Error(`Setting ${def.key} declared twice (by ${owner})`);
    const checked = def.schema.safeParse(def.default);
    if (!checked.success) throw new Error(`Setting ${def.key} of ${owner} has an invalid default`);
    this.defs.set(def.key, def);
  }

  /** How many changes the bank's settings have had (setting_changes); decision records cite it. */
  get version(): number {
    return this.current.version;
  }

  set version(version: number) {
    this.swap(this.values, version);
  }

  /** The settings in force now, as one immutable reader: what a request reads from start to end. */
  snapshot(): SettingsSnapshot {
    return this.current;
  }

  /** Applies a value (validated); throws {@link SettingValueError} when it does not fit the schema. */
  set(key: string, value: unknown): void {
    const values = this.valuesInForce();
    values.set(key, this.check(key, value));
    this.swap(values, this.current.version);
  }

  /**
   * Applies a change this node just committed (value and the version it made), unless a reload has already
   * brought this version or a later one: the node that made a change serves it at once, without waiting
   * for its own notification, and never goes back.
   */
  applyCommitted(key: string, value: unknown, version: number): void {
    if (this.current.version >= version) return;
    const values = this.valuesInForce();
    values.set(key, this.check(key, value));
    this.swap(values, version);
  }

  /**
   * Applies the stored settings as read from the database (every row of `bank_settings`, and the version,
   * read together). Only the keys whose stored value differs from what was last read are applied — added,
   * changed, or removed (back to the default) — so that a value set in memory alone (a test's) survives a
   * reload that does not touch it. All or nothing: a value that does not fit its schema throws
   * {@link SettingValueError} and nothing is applied. Keys no loaded code declares are kept for when their
   * plugin comes back. A read older than the version in force (a reload racing this node's own change) is
   * not applied.
   */
  applyStored(rows: readonly StoredSetting[], version: number): AppliedSettings {
    if (version < this.current.version) return { changed: [], version: this.current.version };
    const read = new Map<string, string>();
    for (const row of rows) if (this.defs.has(row.key)) read.set(row.key, JSON.stringify(row.value));
    const values = this.valuesInForce();
    const changed: string[] = [];
    for (const [key, text] of read) {
      if (this.stored.get(key) === text) continue;
      // Both texts come from jsonb, which normalises key order and spacing: equal values print alike.
      values.set(key, this.check(key, JSON.parse(text)));
      changed.push(key);
    }
    for (const key of this.stored.keys()) {
      if (read.has(key)) continue;
      values.delete(key);
      changed.push(key);
    }
    this.stored = read;
    // Nothing new (a periodic reload): the snapshot stays, and with it every memo keyed on it.
    if (changed.length > 0 || version !== this.current.version) this.swap(values, version);
    return { changed: changed.sort(), version };
  }

  get<T = unknown>(key: string): T {
    return this.current.get<T>(key);
  }

  definitions(): SettingDefinition[] {
    return [...this.defs.values()];
  }

  /** A reader with some values overridden (tests, what-if checks). */
  withOverrides(overrides: Record<string, unknown>): SettingsReader {
    return this.current.withOverrides(overrides);
  }

  /** Checks a value against its setting's schema without applying it: the parsed value, or {@link SettingValueError}. */
  check(key: string, value: unknown): unknown {
    const def = this.defs.get(key);
    if (!def) throw new SettingValueError(`Unknown setting ${key}`);
    const checked = def.schema.safeParse(value);
    if (!checked.success) throw new SettingValueError(`Invalid value for ${key}: ${checked.error.issues[0]?.message}`);
    return checked.data;
  }

  /** A copy of the stored values in force, to build the next snapshot from. */
  private valuesInForce(): Map<string, unknown> {
    return new Map(this.values);
  }

  /** Puts a new state in force in one assignment: readers see the old snapshot or the new one, never a mix. */
  private swap(values: ReadonlyMap<string, unknown>, version: number): void {
    this.values = values;
    this.current = new SettingsSnapshot(this.defs, values, version);
  }
}
