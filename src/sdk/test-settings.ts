import { coreSettings } from '../settings/core-settings.js';
import { SettingsRegistry, type SettingDefinition } from '../settings/registry.js';

/** A settings registry with the core defaults plus `extra` definitions, and optional overrides. */
export function testSettings(extra: SettingDefinition[] = [], overrides: Record<string, unknown> = {}) {
  const registry = new SettingsRegistry();
  for (const d of coreSettings) registry.register(d, 'core');
  for (const d of extra) registry.register(d, 'test');
  for (const [k, v] of Object.entries(overrides)) registry.set(k, v);
  return registry;
}
