import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { statementCountingLogger } from './statement-counter.js';

/** The drizzle handle every layer uses, whatever the driver. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

/** A transaction handle has the same query API. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** An open database: the drizzle handle plus lifecycle. */
export interface Database {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** Connections the pool may open (postgres.js `max`; PGlite: 1, the embedded database runs one statement at a time). */
  maxConnections?: number;
  /** Throws unless the database answers. */
  ping(): Promise<void>;
  /**
   * Runs `fn` on a connection without the statement timeout: migrations and
   * seeding may legitimately run long statements that a request must not. On
   * PostgreSQL, with a `directUrl` or a pool timeout, that is a connection of
   * its own to `directUrl` (else `url`) with `statement_timeout` 0; otherwise
   * (and behind PgBouncer without `directUrl`) the pool itself.
   */
  unbounded<T>(fn: (db: Db) => Promise<T>, opts?: UnboundedOptions): Promise<T>;
  close(): Promise<void>;
}

/** Options of {@link Database.unbounded}. */
export interface UnboundedOptions {
  /**
   * PostgreSQL: `lock_timeout` of the connection — a statement that waits longer for a lock fails (SQLSTATE 55P03)
   * instead of waiting for ever; a background job then fails and the queue retries it with backoff. 0 or omitted:
   * no limit (migrations wait their turn). Behind PgBouncer without `directUrl` it cannot be set (the pool runs it).
   */
  lockTimeoutMs?: number;
}

export interface OpenDatabaseOptions {
  /** postgres:// URL: PostgreSQL through postgres.js. Otherwise embedded PGlite. */
  url?: string;
  /** PGlite data directory; omitted = in memory. */
  dataDir?: string;
  /** postgres.js pool size. */
  maxConnections?: number;
  /** PostgreSQL: give up connecting (TCP and startup handshake) after this long; default postgres.js's 30 s. */
  connectTimeoutMs?: number;
  /**
   * PostgreSQL: `statement_timeout` of every pooled connection, sent as a startup parameter (0 = none, explicitly:
   * a role or database default does not apply; omitted = the server's default). Behind PgBouncer it cannot be sent
   * (see {@link OpenDatabaseOptions.pooler}): the server's own setting applies, which `checkPooledStatementTimeout`
   * (`src/db/pooler.ts`) compares with this value at start.
   */
  statementTimeoutMs?: number;
  /**
   * What `url` points at: PostgreSQL itself (`none`, the default) or PgBouncer in transaction mode (`pgbouncer`).
   * Behind PgBouncer consecutive statements of one client connection may run on different server connections, so
   * no named prepared statement is used (postgres.js `prepare: false`) and no startup parameter is sent
   * (PgBouncer 1.18 refuses `statement_timeout` and `options` with "unsupported startup parameter").
   */
  pooler?: 'none' | 'pgbouncer';
  /**
   * A direct (session) connection to the primary (`DATABASE_DIRECT_URL`): {@link Database.unbounded} work —
   * migrations, seeding — runs there, with `statement_timeout` 0. Omitted: `url`.
   */
  directUrl?: string;
}

/** Opens PostgreSQL when a URL is given, embedded PGlite otherwise. */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  if (opts.url) {
    const url = opts.url;
    const pooled = opts.pooler === 'pgbouncer';
    const directUrl = opts.directUrl && opts.directUrl !== url ? opts.directUrl : undefined;
    const clientOptions = (max: number, through: 'pooler' | 'server', statementTimeoutMs: number | undefined, lockTimeoutMs?: number) =>
      ({
        max,
        onnotice: () => {},
        ...(opts.connectTimeoutMs ? { connect_timeout: opts.connectTimeoutMs / 1000 } : {}),
        // Idle connections are dropped so that a pool does not keep sockets to a failed-over server.
        idle_timeout: 60,
        // Through PgBouncer (transaction mode) a statement prepared on one server connection is unknown to the next
        // one: inside a transaction that is SQLSTATE 26000, `prepared statement "…" does not exist` (tests/scale/pgbouncer.test.ts).
        ...(through === 'pooler' ? { prepare: false } : {}),
        // A startup parameter: the server cancels any statement running longer (SQLSTATE 57014). A string, since
        // postgres.js drops falsy values and an explicit 0 must override a role's default. PgBouncer refuses it, so
        // through PgBouncer the server's own setting (ALTER ROLE … SET statement_timeout) applies.
        ...(through === 'server' && statementTimeoutMs !== undefined
          ? {
              connection: {
                statement_timeout: String(statementTimeoutMs) as unknown as number,
                ...(lockTimeoutMs ? { lock_timeout: String(lockTimeoutMs) as unknown as number } : {}),
              },
            }
          : {}),
        // Numeric and dates stay strings: money is never a float.
        types: { numeric: { to: 1700, from: [1700], serialize: String, parse: String } } as never,
      }) satisfies postgres.Options<never>;
    const maxConnections = opts.maxConnections ?? 10;
    const client = postgres(url, clientOptions(maxConnections, pooled ? 'pooler' : 'server', opts.statementTimeoutMs));
    const db = drizzlePostgres(client, { logger: statementCountingLogger }) as unknown as Db;
    return {
      db,
      driver: 'postgres',
      maxConnections,
      ping: async () => {
        await client`select 1`;
      },
      async unbounded(fn, o) {
        // Behind PgBouncer without a direct URL there is no way to lift the server's timeout for one connection
        // (a session SET would stay on a shared server connection): the work runs bounded (logged at start).
        if (!directUrl && (pooled || (!opts.statementTimeoutMs && !o?.lockTimeoutMs))) return fn(db);
        const maintenance = postgres(directUrl ?? url, clientOptions(1, 'server', 0, o?.lockTimeoutMs));
        try {
          return await fn(drizzlePostgres(maintenance, { logger: statementCountingLogger }) as unknown as Db);
        } finally {
          await maintenance.end({ timeout: 5 });
        }
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const client = opts.dataDir ? new PGlite(opts.dataDir) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client, { logger: statementCountingLogger }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    maxConnections: 1,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    unbounded: (fn) => fn(db),
    close: () => client.close(),
  };
}
