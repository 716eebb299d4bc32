import type { PluginManifest } from '../src/sdk/index.js';

/**
 * The installed product-line plugins. `PLUGINS=funds,gold` loads a subset;
 * a partner's plugin is installed by adding it here.
 */
export const installedPlugins: PluginManifest[] = [];
