import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createHost } from '../app/host.js';
import { loadConfig } from '../config/config.js';
import { createLogger } from '../logger.js';
import { isEmpty, seedDemoBank } from '../seed/demo-bank.js';
import { PluginSeedError, seedPlugin } from '../seed/plugin-seed.js';

/**
 * `npm run seed`: seeds the demo bank into an empty database (DATABASE_URL or DATA_DIR).
 * `npm run seed -- --plugin <code>`: seeds one line's demo data into a bank that already runs (a line installed later).
 */
async function main() {
  const { values } = parseArgs({ options: { plugin: { type: 'string' } } });
  // Seeding a large bank runs long statements that a request never would.
  const config = { ...loadConfig(), DB_STATEMENT_TIMEOUT_MS: 0 };
  const log = createLogger(config.LOG_LEVEL);
  const host = await createHost({ config, logger: log });
  try {
    const started = Date.now();
    if (values.plugin) {
      const r = await seedPlugin(host, values.plugin);
      log.info({ plugin: values.plugin, customers: r.customers, ms: Date.now() - started }, 'plugin demo data seeded');
      return;
    }
    if (!(await isEmpty(host))) {
      log.error('the database already holds a bank; seed into an empty one (e.g. DATA_DIR=./.data-fresh), or seed one line with --plugin <code>');
      process.exitCode = 1;
      return;
    }
    const r = await seedDemoBank(host, { customers: config.DEMO_CUSTOMERS, misSellingCase: true, makerChecker: true });
    log.info({ customers: r.customers, ms: Date.now() - started }, 'demo bank seeded');
  } catch (e) {
    if (!(e instanceof PluginSeedError)) throw e;
    log.error({ plugin: values.plugin }, e.message);
    process.exitCode = 1;
  } finally {
    await host.close();
  }
}

void main();
