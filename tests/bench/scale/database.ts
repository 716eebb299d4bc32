import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Database, Db } from '../../../src/db/client.js';
import { statementCountingLogger } from '../../../src/db/statement-counter.js';
import { benchServerUrl, createBenchDatabase } from '../bench-database.js';

/** The database the scale run grows, and how to let go of it. */
export interface ScaleDatabase {
  url: string;
  name: string;
  /** Created by this run (dropped at the end) or named by the configuration (kept). */
  owned: boolean;
  release(): Promise<void>;
}

/**
 * The database named in the configuration — `BENCH_SCALE_DATABASE_URL`, used
 * as is and never dropped (it must be empty) — or else a fresh one with a
 * unique name on the configured server (`BENCH_DATABASE_URL`, `DATABASE_URL`,
 * `TEST_DATABASE_URL`), dropped at the end. Never a fixed name: dropping one
 * `WITH (FORCE)` could end another job's run on a shared server.
 */
export async function scaleDatabase(): Promise<ScaleDatabase> {
  const named = process.env.BENCH_SCALE_DATABASE_URL;
  if (named) {
    const pg = postgres(named, { max: 1, onnotice: () => {} });
    try {
      const [{ n }] = await pg.unsafe(`select count(*)::int as n from information_schema.tables where table_schema = 'public'`);
      if (n > 0) throw new Error(`BENCH_SCALE_DATABASE_URL names a database that is not empty (${n} tables): the scale run seeds and grows its own`);
    } finally {
      await pg.end({ timeout: 5 });
    }
    return { url: named, name: new URL(named).pathname.slice(1), owned: false, release: async () => {} };
  }
  const base = benchServerUrl() ?? 'postgres://postgres@127.0.0.1:5432/test';
  const db = await createBenchDatabase(base);
  return { url: db.url, name: db.name, owned: true, release: () => db.drop() };
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
