import 'reflect-metadata';
import { createHost } from '../app/host.js';
import { loadConfig } from '../config/config.js';
import { detachMonthsBefore, ensurePartitionsAhead, MONTHLY_PARTITIONED, monthlyPartitionedTables } from '../db/partitions.js';
import { createLogger } from '../logger.js';

const USAGE = `npm run partitions [-- --detach-before YYYY-MM]

Makes this month's and the next three months' partitions of the history tables (${MONTHLY_PARTITIONED.join(', ')}
and the plugins' own, such as forex_usage_entries), and moves rows waiting in a default partition to their month,
as the boot and the daily job do. With --detach-before YYYY-MM it also detaches the months before that one: they
leave the tables (queries no longer read them) and stay in the database as plain tables named <table>_YYYY_MM, to
archive (pg_dump -t) and then drop.`;

/** `npm run partitions`: partition maintenance by hand (the job queue runs the first half daily). */
async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const at = args.indexOf('--detach-before');
  const before = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && !/^\d{4}-(0[1-9]|1[0-2])$/.test(before ?? '')) {
    console.error(`--detach-before needs a month, YYYY-MM\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const config = { ...loadConfig(), DB_STATEMENT_TIMEOUT_MS: 0 };
  const log = createLogger(config.LOG_LEVEL);
  const host = await createHost({ config, logger: log });
  try {
    const db = host.runtime.database.db;
    log.info({ made: await ensurePartitionsAhead(db, new Date()) }, 'partitions ahead');
    if (before)
      for (const table of await monthlyPartitionedTables(db)) log.info({ table, detached: await detachMonthsBefore(db, table, before) }, 'partitions detached');
  } catch (e) {
    // The error itself: the logger reduces it to class, SQLSTATE and frames.
    log.error({ err: e }, 'partition maintenance failed');
    process.exitCode = 1;
  } finally {
    await host.close();
  }
}

void main();
