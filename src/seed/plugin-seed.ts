import { count, eq } from 'drizzle-orm';
import type { Host } from '../app/host.js';
import { products } from '../db/schema/index.js';
import { revalueCustomers } from '../domain/holdings/revalue.js';
import { DEFAULT_NOW } from './core-demo.js';
import { isEmpty, pluginRandom, seedCustomersOf } from './demo-bank.js';

/** Why a plugin's demo data could not be seeded into the bank. */
export class PluginSeedError extends Error {}

/**
 * `npm run seed -- --plugin <code>`: a line installed into a bank that already runs seeds its own demo data — its
 * products and the holdings of the bank's customers — as the demo bank would have (its own random stream, the
 * demo's day), then revalues the customers it touched. Refused when there is no bank yet (seed the whole bank),
 * when the plugin is not loaded or has no seed, and when its line already has products (seeding twice would
 * double the holdings).
 */
export async function seedPlugin(host: Host, code: string, now: Date = DEFAULT_NOW): Promise<{ customers: number }> {
  const { runtime } = host;
  const plugin = runtime.plugins.find((p) => p.code === code);
  if (!plugin) throw new PluginSeedError(`plugin ${code} is not loaded (PLUGINS=${runtime.plugins.map((p) => p.code).join(',')})`);
  if (!plugin.seed) throw new PluginSeedError(`plugin ${code} has no demo data`);
  if (await isEmpty(host)) throw new PluginSeedError('the database holds no bank yet: run `npm run seed` for the whole demo bank');
  const [{ n }] = await runtime.database.db.select({ n: count() }).from(products).where(eq(products.line, plugin.line));
  if (Number(n) > 0) throw new PluginSeedError(`the ${plugin.line} line already has ${n} products: plugin ${code} is seeded`);
  const customers = await seedCustomersOf(host, now);
  await plugin.seed({ ...runtime.servicesFor(plugin.code), customers, random: pluginRandom(plugin.code), now });
  await revalueCustomers(runtime);
  return { customers: customers.length };
}
