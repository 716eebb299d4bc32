import 'reflect-metadata';
import { createHost } from '../app/host.js';
import { loadConfig } from '../config/config.js';
import { createLogger } from '../logger.js';
import { expireDuePoints } from '../points/expire.js';

/**
 * `npm run expire-points`: books the lapse of every customer's points past core.points.validityDays
 * (first earned, first lapsed). Schedule it daily; re-running finds nothing more. Balances never count
 * lapsed points even before it runs, and every redemption books its customer's lapse first.
 */
async function main() {
  const config = { ...loadConfig(), DB_STATEMENT_TIMEOUT_MS: 0 };
  const log = createLogger(config.LOG_LEVEL);
  const host = await createHost({ config, logger: log });
  try {
    const started = Date.now();
    const run = await expireDuePoints(host.runtime.database.db, new Date());
    log.info({ customers: run.customers, points: run.points, ms: Date.now() - started }, 'points expired');
  } catch (e) {
    // The error itself: the logger reduces it to class, SQLSTATE and frames (its message may quote the SQL's data).
    log.error({ err: e }, 'points expiry failed');
    process.exitCode = 1;
  } finally {
    await host.close();
  }
}

void main();
