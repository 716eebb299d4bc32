import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../config/config.js';
import * as sdk from '../sdk/index.js';
import { provideSdk } from '../sdk/bridge/host-bridge.js';
import type { PluginManifest } from '../sdk/manifest.js';

/** The host runs from its TypeScript sources (tsx, vitest) rather than from dist/. */
const fromSource = import.meta.url.endsWith('.ts');

/**
 * What to import for a package: its `source` export when the host itself runs from source (tests and `npm run dev`
 * see a workspace plugin's edits without a build; a published package has none), else the package as Node resolves it.
 */
function entryOf(name: string, resolveFrom: string | undefined): string {
  const req = createRequire(resolveFrom ?? import.meta.url);
  let manifestPath: string;
  try {
    manifestPath = req.resolve(`${name}/package.json`);
  } catch {
    throw new ConfigError([`FINMART_PLUGINS: package ${name} is not installed (npm install ${name}), or it does not export ./package.json`]);
  }
  const pkg = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports?: Record<string, unknown> };
  const root = pkg.exports?.['.'];
  const source = root && typeof root === 'object' ? (root as Record<string, unknown>).source : undefined;
  if (fromSource && typeof source === 'string') return pathToFileURL(join(dirname(manifestPath), source)).href;
  return resolveFrom ? pathToFileURL(req.resolve(name)).href : name;
}

function isManifest(value: unknown): value is PluginManifest {
  const m = value as Partial<PluginManifest> | null;
  return !!m && typeof m === 'object' && typeof m.code === 'string' && typeof m.line === 'string' && typeof m.version === 'string' && !!m.graphql;
}

/**
 * Imports the plugins published as npm packages, by name, after putting the
 * SDK where `@finmart/sdk` finds it. Each package's default export is its
 * manifest; the boot checks every plugin faces (collisions, versions, messages)
 * follow in `selectPlugins`.
 */
export async function loadPluginPackages(
  names: readonly string[],
  opts: { /** Where packages are looked up (default: the host's own node_modules); tests use another place. */ resolveFrom?: string } = {},
): Promise<PluginManifest[]> {
  provideSdk(sdk);
  const manifests: PluginManifest[] = [];
  for (const name of names) {
    const mod = (await import(entryOf(name, opts.resolveFrom))) as { default?: unknown };
    if (!isManifest(mod.default))
      throw new ConfigError([`FINMART_PLUGINS: package ${name} does not export a plugin manifest as its default export (export default definePlugin({...}))`]);
    manifests.push(mod.default);
  }
  return manifests;
}

/**
 * The plugin packages to load: `FINMART_PLUGINS` (comma-separated package
 * names; empty loads none) or else the `finmart.plugins` list of the host's
 * package.json — where a bank records the partner plugins it installed.
 */
export function pluginPackageNames(env: NodeJS.ProcessEnv, hostPackageJson: { finmart?: { plugins?: string[] } }): string[] {
  const fromEnv = env.FINMART_PLUGINS;
  if (fromEnv !== undefined)
    return fromEnv
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return hostPackageJson.finmart?.plugins ?? [];
}
