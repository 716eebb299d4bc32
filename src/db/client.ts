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
   * seeding may legitimately run long statements that a request must not.
   */
  unbounded<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
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
  /** PostgreSQL: `statement_timeout` of every pooled connection; 0 or omitted = none. */
  statementTimeoutMs?: number;
}

/** Opens PostgreSQL when a URL is given, embedded PGlite otherwise. */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  if (opts.url) {
    const url = opts.url;
    const clientOptions = (max: number, statementTimeoutMs: number) =>
      ({
        max,
        onnotice: () => {},
        ...(opts.connectTimeoutMs ? { connect_timeout: opts.connectTimeoutMs / 1000 } : {}),
        // Idle connections are dropped so that a pool does not keep sockets to a failed-over server.
        idle_timeout: 60,
        // A startup parameter: the server cancels any statement running longer (SQLSTATE 57014).
        ...(statementTimeoutMs > 0 ? { connection: { statement_timeout: statementTimeoutMs } } : {}),
        // Numeric and dates stay strings: money is never a float.
        types: { numeric: { to: 1700, from: [1700], serialize: String, parse: String } } as never,
      }) satisfies postgres.Options<never>;
    const maxConnections = opts.maxConnections ?? 10;
    const client = postgres(url, clientOptions(maxConnections, opts.statementTimeoutMs ?? 0));
    const db = drizzlePostgres(client, { logger: statementCountingLogger }) as unknown as Db;
    return {
      db,
      driver: 'postgres',
      maxConnections,
      ping: async () => {
        await client`select 1`;
      },
      async unbounded(fn) {
        if (!opts.statementTimeoutMs) return fn(db);
        const maintenance = postgres(url, clientOptions(1, 0));
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
