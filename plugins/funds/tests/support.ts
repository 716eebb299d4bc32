import { fileURLToPath } from 'node:url';
import type { Db } from '../../../src/sdk/index.js';
import { demoSeedCustomers, pluginDatabase, pluginRequestContext, pluginSeedContext, TEST_SEED_NOW } from '../../../src/sdk/testing.js';
import { fundsSettings } from '../settings.js';

export { prng, memoryCatalog } from '../../../src/sdk/testing.js';
export const NOW = TEST_SEED_NOW;

/** An in-memory database with only the funds plugin's migrations, counting statements. */
export const fundsDb = () => pluginDatabase(fileURLToPath(new URL('../drizzle', import.meta.url)));

/** Demo customers with a realistic spread of levels and wealth (about 7 % unassessed), all onshore. */
export const customers = (count: number, random?: () => number) => demoSeedCustomers(count, { random, minTenureDays: 60 });

/** A seed context over `db` with the funds settings (optionally overridden). */
export const seedContext = (db: Db, overrides: Record<string, unknown> = {}, customerCount = 600) =>
  pluginSeedContext(db, fundsSettings, { overrides, customers: customers(customerCount) });

/** The slice of a request context the funds resolvers use. */
export const requestContext = (db: Db) => pluginRequestContext(db, fundsSettings, 'en');
