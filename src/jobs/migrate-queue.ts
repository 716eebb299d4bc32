import type pg from 'pg';
import { runMigrations } from 'graphile-worker';
import type { Logger } from '../logger.js';
import { workerLogger } from './worker-logger.js';

/** The advisory lock serialising queue migrations (beside the presence locks' space, `presence.ts`). */
const MIGRATION_LOCK = [0x6a6f6274, 0] as const;

/**
 * Installs or upgrades graphile-worker's schema (`graphile_worker`), one node at a time: nodes starting together
 * on a fresh database would otherwise race on `create schema` (graphile-worker detects a concurrent migration
 * only once its bookkeeping table exists). Needs a pool of at least two connections: one holds the lock.
 */
export async function migrateQueue(pool: pg.Pool, log: Logger): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1, $2)', [...MIGRATION_LOCK]);
    try {
      await runMigrations({ pgPool: pool, logger: workerLogger(log) });
    } finally {
      await client.query('select pg_advisory_unlock($1, $2)', [...MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
