import type { PluginManifest } from '../src/sdk/index.js';
import cards from './cards/index.js';
import forex from './forex/index.js';
import funds from './funds/index.js';
import gold from './gold/index.js';
import insurance from './insurance/index.js';
import loans from './loans/index.js';

/**
 * The installed product-line plugins. `PLUGINS=funds,gold` loads a subset;
 * a partner's plugin is installed by adding it here.
 */
export const installedPlugins: PluginManifest[] = [funds, insurance, gold, cards, forex, loans];
