import 'reflect-metadata';
import { createHost } from '../app/host.js';
import { loadConfig } from '../config/config.js';
import { createLogger } from '../logger.js';
import { isEmpty, seedDemoBank } from '../seed/demo-bank.js';

/** `npm run seed`: seeds the demo bank into an empty database (DATABASE_URL or DATA_DIR). */
async function main() {
  // Seeding a large bank runs long statements that a request never would.
  const config = { ...loadConfig(), DB_STATEMENT_TIMEOUT_MS: 0 };
  const log = createLogger(config.LOG_LEVEL);
  const host = await createHost({ config, logger: log });
  try {
    if (!(await isEmpty(host))) {
      log.error('the database already holds a bank; seed into an empty one (e.g. DATA_DIR=./.data-fresh)');
      process.exitCode = 1;
      return;
    }
    const started = Date.now();
    const r = await seedDemoBank(host, { customers: config.DEMO_CUSTOMERS, misSellingCase: true, makerChecker: true });
    log.info({ customers: r.customers, ms: Date.now() - started }, 'demo bank seeded');
  } finally {
    await host.close();
  }
}

void main();
