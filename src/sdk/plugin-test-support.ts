import type { Db } from '../db/client.js';
import type { Lang } from '../i18n/localized.js';
import type { SuitabilityFacts, SuitabilityRule } from './contract/suitability.js';
import type { NewProduct } from './catalog-writer.js';
import { evaluateRules } from './evaluate-rules.js';
import type { PluginManifest } from './manifest.js';
import { demoSeedCustomers, pluginDatabase, pluginRequestContext, pluginSeedContext, productRecordOf, TEST_SEED_NOW } from './plugin-test-kit.js';

/** What the support needs of a plugin: its manifest (or the part of it a test has at hand). */
export type PluginUnderTest = Pick<PluginManifest, 'code' | 'line' | 'settings' | 'migrationsFolder'>;

/** How a line's tests draw their demo customers and seed. */
export interface PluginTestOptions {
  /** Demo customers (see `demoSeedCustomers`): e.g. one in `foreignEvery` foreign, at least `minTenureDays` with the bank. */
  customers?: { foreignEvery?: number; minTenureDays?: number };
  /** Customers a seed context carries when a test does not say (default 600). */
  seedCustomers?: number;
}

/**
 * A plugin's test support, bound to its manifest: its tables alone in an
 * in-memory database, demo customers, a seed context and a request context
 * with its settings, a core product row as its resolvers see one, and its
 * rules evaluated as the host attributes them. A line keeps only what is its
 * own in `tests/support.ts` (its customer mix, fixtures of its terms).
 *
 * Why the SDK has it: funds, gold, forex and insurance each carried the same
 * few lines binding these helpers to their settings, migrations and line.
 */
export function pluginTestSupport(plugin: PluginUnderTest, opts: PluginTestOptions = {}) {
  const settings = plugin.settings ?? [];
  const customers = (count: number, random?: () => number) => demoSeedCustomers(count, { ...opts.customers, random });
  return {
    /** The demo "now" the seed contexts use. */
    NOW: TEST_SEED_NOW,
    /** An in-memory database with only this plugin's migrations, counting statements. */
    database() {
      if (!plugin.migrationsFolder) throw new Error(`plugin ${plugin.code} has no migrationsFolder: it has no tables to test`);
      return pluginDatabase(plugin.migrationsFolder);
    },
    /** Demo customers with the line's mix; `random` replaces the default stream. */
    customers,
    /** A seed context over `db` with the plugin's settings (optionally overridden) and an in-memory catalog. */
    seedContext: (db: Db, overrides: Record<string, unknown> = {}, customerCount = opts.seedCustomers ?? 600) =>
      pluginSeedContext(db, settings, { overrides, customers: customers(customerCount) }),
    /** The slice of a request context the plugin's resolvers use. */
    requestContext: (db: Db, lang: Lang = 'en') => pluginRequestContext(db, settings, lang),
    /** A core product row of this line, as a product resolver's root. */
    productRecord: (p: NewProduct & { id: number }) => productRecordOf(plugin.line, p),
    /** Evaluates rules attributed to this plugin, with its settings (optionally overridden). */
    evaluate: (rules: SuitabilityRule | SuitabilityRule[], facts: SuitabilityFacts, overrides: Record<string, unknown> = {}) =>
      evaluateRules(Array.isArray(rules) ? rules : [rules], facts, { source: plugin.code, settings, overrides }),
  };
}

/** What {@link pluginTestSupport} returns. */
export type PluginTestSupport = ReturnType<typeof pluginTestSupport>;
