import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createHost } from '../app/host.js';
import { loadConfig } from '../config/config.js';
import { closeDay } from '../domain/kpis/day-close.js';
import { createLogger } from '../logger.js';

/**
 * `npm run close-day [-- --day YYYY-MM-DD]`: the end-of-day close (日终) the KPIs
 * compare, for today (Beijing) or, run after midnight as a T+1 batch, yesterday.
 * Schedule it once a day after business hours; re-running a day replaces it.
 */
async function main() {
  const { values } = parseArgs({ options: { day: { type: 'string' } } });
  // A whole bank in one statement runs longer than a request's statement timeout allows.
  const config = { ...loadConfig(), DB_STATEMENT_TIMEOUT_MS: 0 };
  const log = createLogger(config.LOG_LEVEL);
  const host = await createHost({ config, logger: log });
  try {
    const started = Date.now();
    const rows = await closeDay(host.runtime, new Date(), values.day);
    log.info({ day: values.day ?? 'today', customers: rows, ms: Date.now() - started }, 'day closed');
  } catch (e) {
    // The error itself: the logger reduces it to class, SQLSTATE and frames (its message may quote the SQL's data).
    log.error({ err: e }, 'day close failed');
    process.exitCode = 1;
  } finally {
    await host.close();
  }
}

void main();
