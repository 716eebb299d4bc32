import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as DrizzleLogger } from 'drizzle-orm/logger';

/** SQL statements seen in one scope (a request, a test). */
export interface StatementLog {
  count: number;
  statements: string[];
}

const storage = new AsyncLocalStorage<StatementLog>();

/**
 * Drizzle logger that counts each statement against the scope it runs in, so a
 * request's cost is measured without a global counter that concurrent requests
 * would share.
 */
export const statementCountingLogger: DrizzleLogger = {
  logQuery(query: string) {
    const log = storage.getStore();
    if (log) {
      log.count += 1;
      log.statements.push(query);
    }
  },
};

/** Runs `fn` with a fresh statement log and returns both. */
export async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; log: StatementLog }> {
  const log: StatementLog = { count: 0, statements: [] };
  const result = await storage.run(log, fn);
  return { result, log };
}

/** Runs `fn` counting into `log` (one per HTTP request). */
export function withStatementLog<T>(log: StatementLog, fn: () => T): T {
  return storage.run(log, fn);
}

/** The statement log of the current scope, if any. */
export function currentStatementLog(): StatementLog | undefined {
  return storage.getStore();
}
