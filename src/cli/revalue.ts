import 'reflect-metadata';
import { createHost } from '../app/host.js';
import { loadConfig } from '../config/config.js';
import { revalueCustomers } from '../domain/holdings/revalue.js';
import { createLogger } from '../logger.js';

/**
 * `npm run revalue`: recomputes every customer's valuation snapshot (`assets_cny`,
 * `margin_cny`) from holdings at today's prices. Run once after migration
 * 0005_customer_classification on an existing database (it adds `margin_cny` at 0),
 * before choosing a tier basis that reads contribution (core.tierBasis).
 */
async function main() {
  // A whole bank in batches runs longer than a request's statement timeout allows.
  const config = { ...loadConfig(), DB_STATEMENT_TIMEOUT_MS: 0 };
  const log = createLogger(config.LOG_LEVEL);
  const host = await createHost({ config, logger: log });
  try {
    const started = Date.now();
    const customers = await revalueCustomers(host.runtime);
    log.info({ customers, ms: Date.now() - started }, 'customers revalued');
  } finally {
    await host.close();
  }
}

void main();
