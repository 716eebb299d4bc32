import { readFileSync } from 'node:fs';
import { loadPluginPackages, pluginPackageNames } from '../src/plugins/packages.js';
import type { PluginManifest } from '../src/sdk/index.js';
import cards from './cards/index.js';
import forex from './forex/index.js';
import funds from './funds/index.js';
import insurance from './insurance/index.js';
import loans from './loans/index.js';

const hostPackage = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { finmart?: { plugins?: string[] } };

/**
 * The installed product-line plugins: the lines that live in this repository
 * (`plugins/<code>/`) and the plugin packages named by `FINMART_PLUGINS` or
 * package.json's `finmart.plugins` (gold ships as `@finmart/plugin-gold`, the
 * route a partner's plugin takes). `PLUGINS=funds,gold` then loads a subset by code.
 */
export const installedPlugins: PluginManifest[] = [
  funds,
  insurance,
  ...(await loadPluginPackages(pluginPackageNames(process.env, hostPackage))),
  cards,
  forex,
  loans,
];
