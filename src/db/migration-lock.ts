import postgres from 'postgres';

/** The advisory-lock key migrations hold (any 64-bit number that no other lock in finmart uses). */
const MIGRATIONS_LOCK = 0x66696e6d617274n; // "finmart"

/**
 * Runs `fn` (the migrations) while holding a session advisory lock on a connection of its own, so that API nodes
 * starting together on an empty database migrate one after the other: the first applies, the others wait and then
 * find nothing left to do. Without it two nodes both run `CREATE TABLE …` and all but one fail their boot.
 * A session lock needs a session: on PostgreSQL reached directly (`directUrl`, else `url` unless it is a
 * transaction-mode pooler, where a session lock would stay on a shared server connection — then no lock is taken).
 * PGlite (no `url`) is one process: nothing to serialise.
 */
export async function withMigrationLock<T>(opts: { url?: string; directUrl?: string; pooler?: 'none' | 'pgbouncer' }, fn: () => Promise<T>): Promise<T> {
  const target = opts.directUrl ?? (opts.pooler === 'pgbouncer' ? undefined : opts.url);
  if (!target) return fn();
  const session = postgres(target, { max: 1, onnotice: () => {}, connection: { statement_timeout: 0 } });
  try {
    await session`select pg_advisory_lock(${MIGRATIONS_LOCK.toString()}::bigint)`;
    try {
      return await fn();
    } finally {
      await session`select pg_advisory_unlock(${MIGRATIONS_LOCK.toString()}::bigint)`.catch(() => undefined);
    }
  } finally {
    // Ending the session releases the lock too, whatever happened above.
    await session.end({ timeout: 5 });
  }
}
