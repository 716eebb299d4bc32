import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Database, Db } from '../../../src/db/client.js';
import { statementCountingLogger } from '../../../src/db/statement-counter.js';

/** The scale bench's own database, created fresh and dropped at the end. */
export const SCALE_DB = 'finmart_bench_scale';

/** The server URL the bench uses: DATABASE_URL, TEST_DATABASE_URL, or the local default. */
export function serverUrl(): string {
  return process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

/** `base` with its database name replaced. */
export function withDatabase(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Drops (if present) and creates `name` through the server's maintenance connection. */
export async function recreateDatabase(base: string, name: string): Promise<void> {
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** Drops `name` (used at the end, and on failure). */
export async function dropDatabase(base: string, name: string): Promise<void> {
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** One statement as the driver ran it. */
export interface CapturedStatement {
  sql: string;
  params: unknown[];
}

const capture = new AsyncLocalStorage<CapturedStatement[]>();

/** Runs `fn` recording every statement's SQL and parameters (the host's counter only keeps the text). */
export async function captureStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: CapturedStatement[] }> {
  const statements: CapturedStatement[] = [];
  const result = await capture.run(statements, fn);
  return { result, statements };
}

/**
 * PostgreSQL opened as `openDatabase({ url })` does (same numeric handling, same
 * statement counter), with a logger that also hands the parameters to
 * {@link captureStatements}, so EXPLAIN runs the statements the app really sent.
 */
export function openCapturingDatabase(url: string, maxConnections = 10): Database & { client: postgres.Sql } {
  const client = postgres(url, {
    max: maxConnections,
    onnotice: () => {},
    types: { numeric: { to: 1700, from: [1700], serialize: String, parse: String } } as never,
  });
  const logger = {
    logQuery(query: string, params: unknown[]) {
      statementCountingLogger.logQuery(query, params);
      capture.getStore()?.push({ sql: query, params });
    },
  };
  const db = drizzle(client, { logger }) as unknown as Db;
  return {
    db,
    client,
    driver: 'postgres',
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    unbounded: (fn) => fn(db),
    close: () => client.end({ timeout: 5 }),
  };
}
