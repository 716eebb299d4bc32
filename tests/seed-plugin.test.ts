import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import funds from '../plugins/funds/index.js';
import gold from '@finmart/plugin-gold';
import insurance from '../plugins/insurance/index.js';
import { createHost, type Host } from '../src/app/host.js';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from '../src/config/config.js';
import { holdings, products } from '../src/db/schema/index.js';
import { createLogger } from '../src/logger.js';
import { seedDemoBank } from '../src/seed/demo-bank.js';
import { PluginSeedError, seedPlugin } from '../src/seed/plugin-seed.js';
import { freshDatabase } from './support/databases.js';

// A line installed into a bank that already runs seeds its own demo data: `npm run seed -- --plugin <code>`.
describe('seeding one line into a running bank', () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let before: Host;
  let after: Host;
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JWT_SECRET: DEVELOPMENT_JWT_SECRET });
  const log = createLogger('silent');
  beforeAll(async () => {
    fresh = await freshDatabase('pglite');
    before = await createHost({ config, logger: log, installed: [funds, insurance], database: fresh.database });
    await seedDemoBank(before, { customers: 40 });
    // The bank restarts with gold installed: its tables are migrated, it has no products yet.
    after = await createHost({ config, logger: log, installed: [funds, insurance, gold], database: fresh.database });
  }, 180_000);
  afterAll(async () => {
    await after?.close();
    await before?.close();
    await fresh?.drop();
  });

  const goldCount = async () => {
    const db = fresh.database.db;
    const [p] = await db.select({ n: count() }).from(products).where(eq(products.line, 'GOLD'));
    const [h] = await db
      .select({ n: count() })
      .from(holdings)
      .where(sql`${holdings.productId} in (select id from products where line = 'GOLD')`);
    return { products: Number(p!.n), holdings: Number(h!.n) };
  };

  it("seeds gold products and the customers' gold positions, then refuses to seed them twice", async () => {
    expect(await goldCount()).toEqual({ products: 0, holdings: 0 });
    const r = await seedPlugin(after, 'gold');
    expect(r.customers).toBe(40);
    const seeded = await goldCount();
    expect(seeded.products).toBeGreaterThan(0);
    expect(seeded.holdings).toBeGreaterThan(0);
    await expect(seedPlugin(after, 'gold')).rejects.toThrow(/GOLD line already has \d+ products/);
    expect(await goldCount()).toEqual(seeded);
  });

  it('refuses a plugin that is not loaded, and a bank that does not exist yet', async () => {
    await expect(seedPlugin(before, 'gold')).rejects.toBeInstanceOf(PluginSeedError);
    const empty = await freshDatabase('pglite');
    const host = await createHost({ config, logger: log, installed: [gold], database: empty.database });
    try {
      await expect(seedPlugin(host, 'gold')).rejects.toThrow(/holds no bank yet/);
    } finally {
      await host.close();
      await empty.drop();
    }
  });
});
