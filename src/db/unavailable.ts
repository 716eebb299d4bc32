/**
 * Recognises the errors that mean "the database cannot serve this now" (as
 * opposed to a bug or bad data): the client gets SERVICE_UNAVAILABLE and the
 * log gets the cause — a code, never the statement or its parameters.
 */

/** Why the database could not answer. */
export interface DatabaseUnavailable {
  /** e.g. `CONNECT_TIMEOUT`, `ECONNREFUSED`, `statement_timeout`. */
  cause: string;
  /** The SQLSTATE when the server itself answered with an error. */
  sqlState?: string;
}

/** postgres.js's own connection errors and Node socket errors, by `code`. */
const CONNECTION_CODES = new Set([
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/** SQLSTATEs of a server that is there but cannot serve: timeouts, shutdown, overload. */
const SQLSTATE_CAUSES: Record<string, string> = {
  '57014': 'statement_timeout',
  '57P01': 'admin_shutdown',
  '57P02': 'crash_shutdown',
  '57P03': 'cannot_connect_now',
  '53300': 'too_many_connections',
  '55P03': 'lock_timeout',
};

const isSqlState = (code: string) => /^[0-9A-Z]{5}$/.test(code);

/**
 * The cause when `error` (or anything it wraps: drizzle's `cause`, GraphQL's
 * `originalError`, an AggregateError's `errors`) is the database being
 * unreachable, too slow or shutting down; undefined otherwise.
 */
export function databaseUnavailable(error: unknown, depth = 0): DatabaseUnavailable | undefined {
  if (!error || typeof error !== 'object' || depth > 6) return undefined;
  const e = error as { code?: unknown; cause?: unknown; originalError?: unknown; errors?: unknown; name?: unknown };
  if (typeof e.code === 'string') {
    if (CONNECTION_CODES.has(e.code)) return { cause: e.code };
    if (e.name === 'PostgresError' && isSqlState(e.code)) {
      // Class 08: connection exceptions reported by the server.
      const cause = SQLSTATE_CAUSES[e.code] ?? (e.code.startsWith('08') ? 'connection_exception' : undefined);
      if (cause) return { cause, sqlState: e.code };
    }
  }
  for (const inner of [e.cause, e.originalError, ...(Array.isArray(e.errors) ? e.errors : [])]) {
    const found = databaseUnavailable(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}
