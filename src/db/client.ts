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
  /** Throws unless the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres:// URL: PostgreSQL through postgres.js. Otherwise embedded PGlite. */
  url?: string;
  /** PGlite data directory; omitted = in memory. */
  dataDir?: string;
  /** postgres.js pool size. */
  maxConnections?: number;
}

/** Opens PostgreSQL when a URL is given, embedded PGlite otherwise. */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  if (opts.url) {
    const client = postgres(opts.url, {
      max: opts.maxConnections ?? 10,
      onnotice: () => {},
      // Numeric and dates stay strings: money is never a float.
      types: { numeric: { to: 1700, from: [1700], serialize: String, parse: String } } as never,
    });
    const db = drizzlePostgres(client, { logger: statementCountingLogger }) as unknown as Db;
    return {
      db,
      driver: 'postgres',
      ping: async () => {
        await client`select 1`;
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
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
  };
}
