import { fileURLToPath } from 'node:url';
import type { Db, NewProduct } from '../../../src/sdk/index.js';
import { demoSeedCustomers, pluginDatabase, pluginRequestContext, pluginSeedContext, productRecordOf, TEST_SEED_NOW } from '../../../src/sdk/testing.js';
import { goldSettings } from '../settings.js';

export { prng, memoryCatalog } from '../../../src/sdk/testing.js';
export const NOW = TEST_SEED_NOW;

/** An in-memory database with only the gold plugin's migrations, counting statements. */
export const goldDb = () => pluginDatabase(fileURLToPath(new URL('../drizzle', import.meta.url)));

/** Demo customers: levels C1–C5, about 7 % never assessed, one in 12 foreign. */
export const customers = (count: number, random?: () => number) => demoSeedCustomers(count, { random, foreignEvery: 12 });

export const seedContext = (db: Db, overrides: Record<string, unknown> = {}, customerCount = 1000) =>
  pluginSeedContext(db, goldSettings, { overrides, customers: customers(customerCount) });

export const requestContext = (db: Db, lang: 'en' | 'zh-CN' = 'en') => pluginRequestContext(db, goldSettings, lang);

export const productRecord = (p: NewProduct & { id: number }) => productRecordOf('GOLD', p);
