import type { Logger as DrizzleLogger } from 'drizzle-orm/logger';
import { asyncScope, type StatementLog } from '../observability/async-scope.js';

export type { StatementLog } from '../observability/async-scope.js';

/**
 * Drizzle logger that counts each statement against the scope it runs in, so a
 * request's cost is measured without a global counter that concurrent requests
 * would share.
 */
export const statementCountingLogger: DrizzleLogger = {
  logQuery(query: string) {
    const log = asyncScope.getStore()?.statements;
    if (log) {
      log.count += 1;
      log.statements.push(query);
    }
  },
};

/** Runs `fn` with a fresh statement log and returns both. */
export async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; log: StatementLog }> {
  const log: StatementLog = { count: 0, statements: [] };
  const result = await asyncScope.run({ ...asyncScope.getStore(), statements: log }, fn);
  return { result, log };
}

/** Runs `fn` counting into `log` (the HTTP app counts a request's in its request scope instead). */
export function withStatementLog<T>(log: StatementLog, fn: () => T): T {
  return asyncScope.run({ ...asyncScope.getStore(), statements: log }, fn);
}

/** The statement log of the current scope, if any. */
export function currentStatementLog(): StatementLog | undefined {
  return asyncScope.getStore()?.statements;
}
